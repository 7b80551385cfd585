import type { Rule, RuleContext } from '../../types.ts';
import { familiarName } from './reference.ts';
import { anchor, formatPlatformSpec, goQuote, parsePlatform } from './support.ts';

const CHECK = 'InvalidBaseImagePlatform';

/**
 * The platform each base image was published for, e.g. `{ 'corp/tool:1.2': 'linux/amd64' }`.
 * Keys are image references as written in FROM after ARG expansion; `alpine`, `alpine:latest`
 * and `docker.io/library/alpine:latest` name the same image.
 */
export type ImagePlatforms = Readonly<Record<string, string>>;

/**
 * The platform of the build. BuildKit compares with the real one (`platformOpt.targetPlatform`),
 * which a global `ARG TARGETPLATFORM=...` does not change though it changes the ARG's value: the
 * predefined TARGETOS/TARGETARCH/TARGETVARIANT still hold it then, unless they are declared too.
 */
function targetPlatform(ctx: RuleContext): string {
  const args = ctx.resolved.globalArgs;
  const declared = ctx.resolved.globalArgNames;
  const parts = ['TARGETOS', 'TARGETARCH', 'TARGETVARIANT'];
  if (declared.has('TARGETPLATFORM') && !parts.some((p) => declared.has(p))) {
    const [os, arch, variant] = parts.map((p) => args.get(p) ?? '');
    if (os && arch) return variant ? `${os}/${arch}/${variant}` : `${os}/${arch}`;
  }
  return args.get('TARGETPLATFORM') ?? 'linux/amd64';
}

/**
 * Builds the rule over a table of image platforms. BuildKit learns an image's platform by
 * pulling its config; offline there is no such source, so the rule in the default rule set has
 * an empty table and says nothing. Give it the platforms you know (from a registry, a lock file)
 * with this function.
 */
export function createInvalidBaseImagePlatform(platforms: ImagePlatforms = {}): Rule {
  const table = new Map<string, string>();
  for (const [image, platform] of Object.entries(platforms)) table.set(familiarName(image), platform);
  return {
    id: 'invalid-base-image-platform',
    title: 'Use a base image built for the target platform',
    severity: 'warning',
    category: 'correctness',
    aliases: { buildkit: CHECK },
    // BuildKit runs it as the base images are resolved, after every FROM is read.
    buildkitRunsIn: 'images',
    docs: {
      rationale: `When a base image exists only for another platform (say \`linux/arm64\` while you build for \`linux/amd64\`), Docker still pulls it: every RUN then executes through emulation, many times slower, or fails with \`exec format error\`, and the image you ship runs only on the other architecture.

Docker's build checks call this *InvalidBaseImagePlatform*, and need the base image's config to know its platform. Offline, Layerwise knows it only for the images you list (\`createInvalidBaseImagePlatform({ 'corp/tool:1.2': 'linux/arm64' })\`); the default rule set has no such list and never reports. The expected platform is the stage's \`--platform\`, or the target platform of the build.`,
      bad: '# corp/legacy-tool:1.0 is published for linux/arm64 only\nFROM corp/legacy-tool:1.0\nRUN legacy-tool --version\n',
      good: '# a multi-platform tag, or one for the target platform\nFROM corp/legacy-tool:2.0\nRUN legacy-tool --version\n',
    },
    check(ctx) {
      if (table.size === 0) return;
      const target = parsePlatform(targetPlatform(ctx));
      for (const stage of ctx.resolved.stages) {
        if (stage.baseStage !== null || stage.base.error) continue;
        const image = stage.base.value;
        if (image.toLowerCase() === 'scratch') continue;
        const published = table.get(familiarName(image));
        if (published === undefined) continue;
        const actual = parsePlatform(published);
        const expected = stage.platform ? parsePlatform(stage.platform.value) : target;
        if (!actual || !expected) continue;
        if (actual.os === expected.os && actual.architecture === expected.architecture) continue;
        ctx.report({
          range: anchor(stage.from, stage.from.args[0]?.range ?? stage.from.range),
          message: `Base image ${image} was pulled with platform ${goQuote(formatPlatformSpec(actual))}, expected ${goQuote(formatPlatformSpec(expected))} for current build`,
        });
      }
    },
  };
}

/** The rule as the default rule set has it: without image platforms, it never reports. */
export const invalidBaseImagePlatform: Rule = createInvalidBaseImagePlatform();
