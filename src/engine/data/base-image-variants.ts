/**
 * Smaller variants of common base images, for the final stage of a build. Sizes are not kept
 * here: `recordedSize` reads the recorded rows of recorded-base-images.ts (the one source of
 * image sizes, shared with the simulator), and families without a recorded row get no figure:
 * no number is made up.
 */
import { recordedBaseImage } from './recorded-base-images.ts';

export interface RecordedImageSize {
  /** Normalized reference, e.g. `node:22-slim`. */
  ref: string;
  /** Compressed amd64 size (what `docker pull` downloads). */
  compressedBytes: number;
  /** The figure is approximate (a README's "around 2 MiB"). */
  approximate?: boolean;
  source: string;
}

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

/** The recorded pull size of a normalized reference, with its source; null when none is recorded. */
export function recordedSize(ref: string): RecordedImageSize | null {
  const row = recordedBaseImage(ref);
  if (!row || row.compressedBytes === null) return null;
  return { ref: row.ref, compressedBytes: row.compressedBytes, ...(row.approximate ? { approximate: true } : {}), source: row.source };
}
