import { recordedSize } from '../../../data/base-image-variants.ts';
import type { Range } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
import { repositoryAndTag } from './image-facts.ts';
import { buildCommand, commandsOf, isApplicationImage, isSystemPackageRemoval, packageName, systemPackagesInstalled } from './support.ts';

/** A recorded pull size, for the rule's page (figures live with their sources in the data). */
function compressedMB(ref: string): string {
  const size = recordedSize(ref);
  if (!size) throw new Error(`single-stage-with-build-tools: no recorded size for ${ref}`);
  return `${(size.compressedBytes / 1e6).toFixed(1)} MB`;
}

const COMPILER_PACKAGES = new Set([
  'build-essential', 'build-base', 'gcc', 'g++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool', 'musl-dev', 'libc6-dev', 'libc-dev',
  'linux-headers', 'golang', 'go', 'rustc', 'cargo', 'default-jdk', 'maven', 'gradle', 'gcc-c++', 'python3-dev', 'python-dev',
]);

const DEV_HEADERS = /-(dev|devel)$/;

/** The package names of a compiler toolchain or development headers. */
function isCompilerPackage(name: string): boolean {
  const n = packageName(name);
  return COMPILER_PACKAGES.has(n) || /^openjdk-?\d*-jdk/.test(n) || DEV_HEADERS.test(n);
}

/** Base images that are a compiler toolchain. */
function toolchainImage(ref: string): boolean {
  const { repository, tag } = repositoryAndTag(ref);
  if (/^(golang|rust|maven|gradle|buildpack-deps|gcc)$/.test(repository)) return true;
  if (repository === 'mcr.microsoft.com/dotnet/sdk') return true;
  if ((repository === 'eclipse-temurin' || repository === 'openjdk' || repository === 'amazoncorretto') && !/jre/.test(tag)) return true;
  return false;
}

export const singleStageWithBuildTools: Rule = {
  id: 'single-stage-with-build-tools',
  title: 'Build in a separate stage so build tools stay out of the final image',
  severity: 'warning',
  category: 'size',
  aliases: {},
  docs: {
    rationale: `Building and running in one stage means the image you ship contains everything the build needed: a compiler toolchain (\`golang\`, \`rust\` or \`maven\` images, \`build-essential\`, \`*-dev\` headers), devDependencies, the source code and intermediate files. None of it runs in production. It makes the image several times bigger than the application (the official \`golang:1.23\` image alone is ${compressedMB('golang:1.23')} compressed and \`rust:1-bookworm\` ${compressedMB('rust:1-bookworm')}, amd64, per the repo-info records cited in \`src/engine/data/recorded-base-images.ts\`), slower to pull on every deploy, and gives anyone who breaks into the container a compiler and your sources.

A multi-stage build separates the two: build in a first stage with all the tools, then start a **new** stage from a small runtime image and copy only the result.

\`\`\`dockerfile
FROM golang:1.23 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/server .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/server /server
ENTRYPOINT ["/server"]
\`\`\`

Nothing from the first stage reaches the final image unless a \`COPY --from\` takes it.

The rule reports a Dockerfile with a single stage that runs a build (\`npm run build\`, \`go build\`, \`cargo build\`, \`mvn package\`, \`dotnet publish\`, ...) or installs compilers and keeps them. It stays quiet for images without their own \`CMD\`/\`ENTRYPOINT\`, or whose command is a shell or a bare interpreter prompt: base, toolchain and development images ship their tools on purpose.`,
    bad: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /server .\nCMD ["/server"]\n',
    good: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /server .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /server /server\nCMD ["/server"]\n',
  },
  check(ctx) {
    if (ctx.resolved.stages.length !== 1) return;
    const stage = ctx.resolved.stages[0]!;
    if (stage.baseStage !== null) return;
    if (!isApplicationImage(ctx, stage)) return;

    let build: { label: string; range: Range } | null = null;
    let compilers: { names: string[]; range: Range } | null = null;
    // The first build command and the first compiler install are reported: the walk ends when both are found.
    for (const step of stage.steps) {
      if (step.instruction.keyword !== 'RUN') continue;
      const cmds = commandsOf(ctx, step.instruction);
      // Only an install needs to know whether the same RUN removes packages again.
      let removesPackages: boolean | null = null;
      for (const c of cmds) {
        if (!build) {
          const label = buildCommand(c.command);
          if (label) build = { label, range: c.range };
        }
        if (compilers) continue;
        const installed = systemPackagesInstalled(c.command);
        if (installed && !(removesPackages ??= cmds.some((x) => isSystemPackageRemoval(x.command)))) {
          const names = installed.packages.map((p) => p.value).filter(isCompilerPackage);
          // Development headers alone (`libpq-dev`) are not a toolchain; a compiler is.
          if (names.some((n) => !DEV_HEADERS.test(packageName(n)))) compilers = { names, range: c.range };
        }
      }
      if (build && compilers) break;
    }
    if (!build && !compilers) return;
    const ref = stage.base.value.trim();
    const toolchain = ref !== '' && !ref.includes('$') && ref.toLowerCase() !== 'scratch' && toolchainImage(ref);
    const what: string[] = [];
    if (toolchain) what.push(`the \`${ref}\` toolchain`);
    if (compilers) what.push(compilers.names.slice(0, 3).join(', '));
    if (build && !toolchain && !compilers) what.push('the sources and build dependencies');
    const where = build ?? compilers!;
    const subject = build ? `builds the application (\`${build.label}\`)` : 'installs build tools';
    ctx.report({
      range: where.range,
      message: `This single-stage image ${subject} and ships ${what.join(' and ')} with it: build in one stage, then copy only the result into a small runtime stage`,
    });
  },
};
