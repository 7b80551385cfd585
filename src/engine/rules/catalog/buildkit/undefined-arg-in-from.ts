import type { Rule } from '../../types.ts';
import { reportAt, suggest } from './support.ts';

const CHECK = 'UndefinedArgInFrom';

export const undefinedArgInFrom: Rule = {
  id: 'undefined-arg-in-from',
  title: 'Declare the ARGs a FROM uses before the first FROM',
  severity: 'warning',
  category: 'correctness',
  aliases: { buildkit: CHECK },
  // BuildKit runs it as each FROM is expanded (convert.go's stage loop).
  buildkitRunsIn: 'stages',
  docs: {
    rationale: `FROM can only use ARGs declared before the first FROM (and the predefined platform ARGs such as \`BUILDPLATFORM\`). Any other variable expands to an empty string, so \`FROM node:\${NODE_VERSION}-slim\` without \`ARG NODE_VERSION\` at the top silently becomes \`FROM node:-slim\`, and a typo like \`$BULIDPLATFORM\` turns \`--platform\` into nothing.

Docker's build checks call this *UndefinedArgInFrom*, and suggest the declared name closest to the one used.`,
    bad: 'FROM node:${NODE_VERSION}-slim\nCMD ["node", "server.js"]\n',
    good: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    // Most files use no undefined variable in FROM: the names to suggest from are listed then only.
    if (!ctx.resolved.stages.some((s) => s.base.unmatched.length > 0 || (s.platform !== null && s.platform.unmatched.length > 0))) return;
    // globalArgs holds BuildKit's eleven predefined ARGs (TARGETSTAGE, BUILDOSVERSION, ...) too.
    const keys = [...ctx.resolved.globalArgNames, ...ctx.resolved.globalArgs.keys()];
    const known = new Set(keys);
    for (const stage of ctx.resolved.stages) {
      for (const word of [stage.base, stage.platform]) {
        if (!word) continue;
        for (const name of word.unmatched) {
          if (known.has(name)) continue;
          const hint = suggest(name, keys);
          reportAt(ctx, CHECK, stage.from, {
            range: word.range,
            message: `FROM argument '${name}' is not declared${hint ? ` (did you mean ${hint}?)` : ''}`,
          });
        }
      }
    }
  },
};
