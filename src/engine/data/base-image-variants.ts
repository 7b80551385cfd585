/**
 * Smaller variants of common base images, for the final stage of a build, and the recorded sizes
 * that show the difference. Every figure is the compressed amd64 size (what `docker pull`
 * downloads) copied from Layerwise's reference records, each with the record it comes from.
 * Families without a recorded figure are listed without sizes: no number is made up.
 */

export interface RecordedImageSize {
  /** Normalized reference, e.g. `node:22-slim`. */
  ref: string;
  compressedBytes: number;
  /** The figure is approximate (a README's "around 2 MiB"). */
  approximate?: boolean;
  source: string;
}

export const RECORDED_IMAGE_SIZES: readonly RecordedImageSize[] = [
  {
    ref: 'node:22',
    compressedBytes: 408499334,
    source: "docker-library/repo-info repos/node/remote/22.md @3179cb4d576b9929bf86873c87f279ac67661c6e (amd64 'Total Size', build 2026-09-19)",
  },
  {
    ref: 'node:22-slim',
    compressedBytes: 79893445,
    source: "docker-library/repo-info repos/node/remote/22-slim.md @3179cb4d576b9929bf86873c87f279ac67661c6e (amd64 'Total Size', build 2026-09-19)",
  },
  {
    ref: 'node:22-alpine',
    compressedBytes: 60697390,
    source: "docker-library/repo-info repos/node/remote/22-alpine.md @4211a1635d906d705a873434b7336b27c7678802 (amd64 'Total Size', build 2026-09-23)",
  },
  {
    ref: 'node:24',
    compressedBytes: 408949206,
    source: "docker-library/repo-info repos/node/remote/24.md @2534b852156946f241e96816c7024ef2bb5543fd (amd64 'Total Size', build 2026-08-03)",
  },
  {
    ref: 'node:20',
    compressedBytes: 397742964,
    source: "maxmood96/repo-info (fork of docker-library/repo-info) repos/node/remote/20.md @00304a4845cb1cd8dc24ebd5cd14ab6f2db2ef68 (amd64 'Total Size', build 2025-01-14)",
  },
  {
    ref: 'node:20-slim',
    compressedBytes: 70683740,
    source: "maxmood96/repo-info (fork of docker-library/repo-info) repos/node/remote/20-slim.md @00304a4845cb1cd8dc24ebd5cd14ab6f2db2ef68 (amd64 'Total Size', build 2025-01-14)",
  },
  {
    ref: 'node:20-alpine',
    compressedBytes: 47955597,
    source: "maxmood96/repo-info (fork of docker-library/repo-info) repos/node/remote/20-alpine.md @00e6f9021e0c34c679a005054b4cd5903a0b7536 (amd64 'Total Size', build 2024-04-11)",
  },
  {
    ref: 'python:3.12',
    compressedBytes: 410908459,
    source: "docker-library/repo-info repos/python/remote/3.12.md @0531c602d6fd80edd8094917938c56dff33f491b (amd64 'Total Size', build 2026-08-13)",
  },
  {
    ref: 'python:3.12-slim',
    compressedBytes: 43188023,
    source: "docker-library/repo-info repos/python/remote/3.12-slim.md @2986dca3a80cb11b70fc4599941096374ea9e509 (amd64 'Total Size', build 2026-08-05)",
  },
  {
    ref: 'python:3.12-alpine',
    compressedBytes: 18037743,
    source: "docker-library/repo-info repos/python/remote/3.12-alpine.md @2f6ab1f165b66e621104334bf1bb749b3b2dbd13 (amd64 'Total Size', build 2026-09-17)",
  },
  {
    ref: 'rust:1-bookworm',
    compressedBytes: 566462148,
    source: "docker-library/repo-info repos/rust/remote/1-bookworm.md @0afc2e650567832081c4e35a2945c6c66b4561d7 (amd64 'Total Size', build 2026-08-05)",
  },
  {
    ref: 'rust:slim',
    compressedBytes: 323067864,
    source: "docker-library/repo-info repos/rust/remote/slim.md @0702c84ff83ebb7ee5db046f306f4cbbc862eebf (amd64 'Total Size', build 2026-08-05)",
  },
  {
    ref: 'golang:1.23',
    compressedBytes: 303303724,
    source: "maxmood96/repo-info (fork of docker-library/repo-info) repos/golang/remote/1.23.md @0063909960deee9a35a7c427e82af41e4987761b (amd64 'Total Size', build 2025-04-28)",
  },
  {
    ref: 'golang:alpine',
    compressedBytes: 75169503,
    source: "docker-library/repo-info repos/golang/remote/alpine.md @274d39a50141ecda8745a0ebaa20760259111041 (amd64 'Total Size', build 2026-09-01)",
  },
  {
    ref: 'debian:bookworm-slim',
    compressedBytes: 28238443,
    source:
      'the bookworm-slim base layer inside node:22-slim (identical digest), docker-library/repo-info repos/node/remote/22-slim.md @3179cb4d576b9929bf86873c87f279ac67661c6e',
  },
  {
    ref: 'alpine:3.24',
    compressedBytes: 3849738,
    source: 'the alpine-minirootfs-3.24.2 base layer inside node:22-alpine (identical digest), docker-library/repo-info repos/node/remote/22-alpine.md @4211a1635d906d705a873434b7336b27c7678802',
  },
  {
    ref: 'gcr.io/distroless/static-debian12:latest',
    compressedBytes: 2000000,
    approximate: true,
    source: 'GoogleContainerTools/distroless README.md @00121b687b7663d006341f499294294f4edf6ece: "around 2 MiB"',
  },
];

export interface VariantAdvice {
  /** Label for messages, e.g. "node". */
  family: string;
  repository: RegExp;
  /** Tags that name the large variant. */
  largeTag: RegExp;
  /** What the large variant carries that a runtime does not need. */
  carries: string;
  /**
   * Smaller references to use instead; `{version}` is replaced by the tag's version part
   * (`22` for `node:22-bookworm`), `{tagPrefix}` by the same with a trailing `-` (empty for `latest`).
   */
  instead: string[];
}

const NOT_SMALL = /^(?!.*(?:slim|alpine|windows|nanoserver|servercore)).*$/;

export const VARIANT_ADVICE: readonly VariantAdvice[] = [
  {
    family: 'node',
    repository: /^node$/,
    largeTag: NOT_SMALL,
    carries: 'the full Debian image from buildpack-deps (compilers, headers, version control tools)',
    instead: ['node:{tagPrefix}slim', 'node:{tagPrefix}alpine'],
  },
  {
    family: 'python',
    repository: /^python$/,
    largeTag: NOT_SMALL,
    carries: 'the full Debian image from buildpack-deps (compilers, headers, version control tools)',
    instead: ['python:{tagPrefix}slim', 'python:{tagPrefix}alpine'],
  },
  {
    family: 'ruby',
    repository: /^ruby$/,
    largeTag: NOT_SMALL,
    carries: 'the full Debian image from buildpack-deps (compilers, headers, version control tools)',
    instead: ['ruby:{tagPrefix}slim', 'ruby:{tagPrefix}alpine'],
  },
  {
    family: 'golang',
    repository: /^golang$/,
    largeTag: /^(?!.*(?:windows|nanoserver|servercore)).*$/,
    carries: 'the whole Go toolchain, which a compiled binary does not need at run time',
    instead: ['gcr.io/distroless/static-debian12', 'scratch', 'alpine'],
  },
  {
    family: 'rust',
    repository: /^rust$/,
    largeTag: /^(?!.*(?:windows|nanoserver|servercore)).*$/,
    carries: 'the whole Rust toolchain (rustc, cargo, a C compiler), which a compiled binary does not need at run time',
    instead: ['gcr.io/distroless/cc-debian12', 'debian:bookworm-slim'],
  },
  {
    family: 'eclipse-temurin',
    repository: /^eclipse-temurin$/,
    largeTag: /(^|-)jdk|^\d+$|^\d+[.\d_+u-]*$|^latest$/,
    carries: 'a full JDK (compiler, jlink, tools); running a built application needs only a JRE',
    instead: ['eclipse-temurin:{version}-jre'],
  },
  {
    family: 'openjdk',
    repository: /^openjdk$/,
    largeTag: /.*/,
    carries: 'a full JDK (and the openjdk image is deprecated); running a built application needs only a JRE',
    instead: ['eclipse-temurin:{version}-jre'],
  },
  {
    family: 'maven',
    repository: /^maven$/,
    largeTag: /.*/,
    carries: 'Maven and a full JDK, which only the build needs',
    instead: ['eclipse-temurin:<java version>-jre'],
  },
  {
    family: 'gradle',
    repository: /^gradle$/,
    largeTag: /.*/,
    carries: 'Gradle and a full JDK, which only the build needs',
    instead: ['eclipse-temurin:<java version>-jre'],
  },
  {
    family: 'dotnet sdk',
    repository: /^mcr\.microsoft\.com\/dotnet\/sdk$/,
    largeTag: /^(?!.*(?:windows|nanoserver|servercore)).*$/,
    carries: 'the .NET SDK (compilers, NuGet, MSBuild), which only the build needs',
    instead: ['mcr.microsoft.com/dotnet/aspnet:{version}', 'mcr.microsoft.com/dotnet/runtime:{version}'],
  },
  {
    family: 'buildpack-deps',
    repository: /^buildpack-deps$/,
    largeTag: /.*/,
    carries: 'compilers, headers and version control tools for building software',
    instead: ['debian:{version}-slim'],
  },
];

export function findVariantAdvice(repository: string, tag: string): VariantAdvice | null {
  return VARIANT_ADVICE.find((a) => a.repository.test(repository) && a.largeTag.test(tag)) ?? null;
}

export function recordedSize(ref: string): RecordedImageSize | null {
  return RECORDED_IMAGE_SIZES.find((r) => r.ref === ref) ?? null;
}
