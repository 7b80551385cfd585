import { isPlainShellText, processWord } from '../../../parse/shell/lex.ts';
import { PREDEFINED_ARGS } from '../../../stages/index.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { normalizedNamedError } from './reference.ts';
import { anchor, beforeFirstFrom, fromInstructions } from './support.ts';

const CHECK = 'InvalidDefaultArgInFrom';

/** The ARGs with a default before the first FROM, in order. */
function globalDefaults(ctx: RuleContext): { name: string; value: string }[] {
  const defaults: { name: string; value: string }[] = [];
  for (const instruction of beforeFirstFrom(ctx)) {
    if (instruction.keyword !== 'ARG') continue;
    for (const def of instruction.definitions) if (def.defaultValue !== null) defaults.push({ name: def.name, value: def.defaultValue });
  }
  return defaults;
}

export const invalidDefaultArgInFrom: Rule = {
  id: 'invalid-default-arg-in-from',
  title: 'Give the ARGs used in FROM defaults that make a valid image name',
  severity: 'warning',
  category: 'correctness',
  aliases: { buildkit: CHECK },
  // BuildKit runs it in validateBaseImagesWithDefaultArgs, before the global ARGs are expanded.
  buildkitRunsIn: 'validation',
  docs: {
    rationale: `\`ARG VERSION\` then \`FROM node:$VERSION\` works only while every build passes \`--build-arg VERSION=...\`. Without it, \`VERSION\` is empty and the build fails on the invalid reference \`node:\`, and so do tools that read the Dockerfile without your build arguments (Dependabot, image scanners, \`docker build --check\`). A default keeps the Dockerfile buildable on its own: \`ARG VERSION=22\`.

Docker's build checks call this *InvalidDefaultArgInFrom*: they expand every FROM with the ARG defaults alone, ignoring build arguments, and report the ones that do not give a valid image reference.`,
    bad: 'ARG NODE_VERSION\nFROM node:${NODE_VERSION}-slim\n',
    good: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim\n',
  },
  check(ctx) {
    const escape = ctx.parsed.escapeCharacter;
    const froms = fromInstructions(ctx);
    const defaults = globalDefaults(ctx);
    // The global scope as it would be without any --build-arg: predefined ARGs, then defaults.
    // Only a `$` reads it (in an image, or in a default whose `${X:?}` may fail): most files
    // have none.
    const env = new Map<string, string>();
    if (froms.some((from) => from.image.includes('$')) || defaults.some((d) => d.value.includes('$'))) {
      for (const name of PREDEFINED_ARGS) {
        const value = ctx.resolved.globalArgs.get(name);
        if (value !== undefined) env.set(name, value);
      }
    }
    for (const { name, value } of defaults) {
      if (isPlainShellText(value)) {
        env.set(name, value);
        continue;
      }
      const result = processWord(value, env, { escape });
      // BuildKit gives up on the check when a default does not expand.
      if (result.error) return;
      env.set(name, result.value);
    }
    for (const from of froms) {
      // An image without quotes, escapes or variables is its own expansion (most are).
      let image = from.image;
      if (!isPlainShellText(image)) {
        const result = processWord(image, env, { escape });
        if (result.error) return;
        image = result.value;
      }
      if (normalizedNamedError(image) === null) continue;
      ctx.report({
        range: anchor(from, from.args[0]?.range ?? from.range),
        message: `Default value for ARG ${from.image} results in empty or invalid base image name`,
      });
    }
  },
};
