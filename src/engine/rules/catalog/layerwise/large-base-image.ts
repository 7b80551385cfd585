import { findVariantAdvice, recordedSize } from '../../../data/base-image-variants.ts';
import type { Rule } from '../../types.ts';
import { repositoryAndTag } from './image-facts.ts';
import type { Stage } from '../../../stages/types.ts';
import type { RuleContext } from '../../types.ts';
import { buildCommand, chainOf, commandsOf, finalStage, isApplicationImage } from './support.ts';

function buildsInStage(ctx: RuleContext, stage: Stage): boolean {
  return stage.steps.some((s) => s.instruction.keyword === 'RUN' && commandsOf(ctx, s.instruction).some((c) => buildCommand(c.command, true) !== null));
}

const TOOLCHAINS = new Set(['golang', 'rust', 'maven', 'gradle', 'dotnet sdk', 'eclipse-temurin', 'openjdk', 'buildpack-deps']);

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The images the rule's page compares; their figures come from the recorded rows. */
const TABLE = ['node:22', 'node:22-slim', 'node:22-alpine', 'python:3.12', 'python:3.12-slim', 'python:3.12-alpine', 'golang:1.23', 'rust:1-bookworm', 'gcr.io/distroless/static-debian12:latest'];

function sizeTable(): string {
  const rows = TABLE.map((ref) => {
    const size = recordedSize(ref);
    if (!size) throw new Error(`large-base-image: no recorded size for ${ref}`);
    const figure = size.approximate ? `about ${Math.round(size.compressedBytes / 1e6)} MB` : megabytes(size.compressedBytes);
    return `| \`${ref.replace(/:latest$/, '')}\` | ${figure} |`;
  });
  return ['| Image | Size |', '|---|---|', ...rows].join('\n');
}

export const largeBaseImage: Rule = {
  id: 'large-base-image',
  title: 'Use a small variant of the base image in the final stage',
  severity: 'warning',
  category: 'size',
  aliases: {},
  docs: {
    rationale: `The base image is usually most of an image's size, and every deploy pulls it. The default tags of the official language images are built on the **full** Debian image from \`buildpack-deps\`, with compilers, headers and version-control tools, so that anything can be built in them. A running application needs none of it. Recorded sizes (compressed, amd64; from docker-library/repo-info records, the last row from the distroless README; each row's source is in \`src/engine/data/recorded-base-images.ts\`, which the simulator reads too):

${sizeTable()}

In the final stage, use the smallest variant your application runs on:
- Node.js, Python, Ruby: \`-slim\` (Debian, glibc, the safest switch) or \`-alpine\` (musl: native modules may need rebuilding);
- Go, Rust: a compiled binary does not need the toolchain: build in one stage and copy the binary into \`gcr.io/distroless/static-debian12\` (static Go binaries, \`CGO_ENABLED=0\`), \`gcr.io/distroless/cc-debian12\` (Rust), \`debian:bookworm-slim\` or \`scratch\`;
- Java: run on a JRE (\`eclipse-temurin:21-jre\`), not a JDK, and never on \`maven\`/\`gradle\`;
- .NET: \`mcr.microsoft.com/dotnet/aspnet\` or \`runtime\`, not \`sdk\`.

If the slim image lacks a library your app needs, install just that package in the final stage. The rule looks at the image the final stage starts from, when that stage runs an application (its own \`CMD\`/\`ENTRYPOINT\`, not a shell: development images are left alone); a single-stage Dockerfile that builds with a toolchain image is left to *single-stage-with-build-tools*, since the fix there is a second stage.`,
    bad: 'FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const last = finalStage(ctx);
    if (!last) return;
    if (!isApplicationImage(ctx, last)) return;
    const root = chainOf(ctx, last)[0]!;
    if (root.baseStage !== null) return;
    const ref = root.base.value.trim();
    if (ref === '' || ref.includes('$') || ref.toLowerCase() === 'scratch') return;
    const { repository, tag } = repositoryAndTag(ref);
    const advice = findVariantAdvice(repository, tag);
    if (!advice) return;
    // A single stage that builds with its toolchain needs a second stage first: single-stage-with-build-tools says so.
    if (ctx.resolved.stages.length === 1 && TOOLCHAINS.has(advice.family) && buildsInStage(ctx, last)) return;
    const version = tag.split('-')[0]!;
    const tagPrefix = tag === 'latest' ? '' : `${version}-`;
    const instead = advice.instead.map((i) => i.replace('{tagPrefix}', tagPrefix).replace('{version}', version));
    const own = recordedSize(`${repository}:${tag}`);
    const sizes = instead
      .map((i) => ({ ref: i, size: recordedSize(i.includes(':') ? i : `${i}:latest`) }))
      .filter((x) => x.size !== null);
    const figures =
      own && sizes.length > 0
        ? ` (${repository}:${tag} is ${megabytes(own.compressedBytes)} compressed; ${sizes.map((s) => `${s.ref} ${s.size!.approximate ? 'about ' : ''}${megabytes(s.size!.compressedBytes)}`).join(', ')})`
        : '';
    ctx.report({
      range: root.base.range,
      message: `The final image starts from \`${ref}\`, which carries ${advice.carries}${figures}. Use ${instead.map((i) => `\`${i}\``).join(' or ')}`,
    });
  },
};
