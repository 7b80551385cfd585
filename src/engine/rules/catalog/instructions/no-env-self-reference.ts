import type { Rule } from '../../types.ts';
import { keywordCount, visit } from './support.ts';

/** The parts of a raw ENV value Docker expands: everything outside single quotes. */
function expandable(raw: string): string {
  let out = '';
  let single = false;
  let double = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && !single) {
      out += raw.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === "'" && !double) {
      single = !single;
      continue;
    }
    if (c === '"' && !single) double = !double;
    if (!single) out += c;
  }
  return out;
}

/** Whether `text` refers to the variable `name` as `$name` or `${name...}` (not `\$name`). */
function refersTo(text: string, name: string): boolean {
  // Most values name no variable, or not this one: no pattern to build for them.
  if (!text.includes('$') || !text.includes(name)) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<!\\\\)\\$(?:\\{${escaped}(?=[}:+?-])|${escaped}(?![A-Za-z0-9_]))`).test(text);
}

export const noEnvSelfReference: Rule = {
  id: 'no-env-self-reference',
  title: 'Do not use a variable in the same ENV instruction that defines it',
  severity: 'error',
  category: 'correctness',
  aliases: { hadolint: ['DL3044'] },
  docs: {
    rationale: `Docker expands every value of an \`ENV\` instruction with the variables as they were *before* the instruction. In \`ENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin\`, \`$APP_HOME\` is still unset when \`APP_BIN\` is computed, so \`APP_BIN\` becomes \`/bin\`: the build succeeds and the program looks in the wrong place.

Define the variable in one \`ENV\` and use it in the next. A variable that an earlier \`ENV\` or \`ARG\` already defined is fine (\`ENV PATH=/opt/app/bin:$PATH\`). hadolint calls this DL3044.`,
    bad: 'FROM debian:12-slim\nENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin\n',
    good: 'FROM debian:12-slim\nENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'ENV') === 0) return;
    const defined = new Set<string>();
    for (const { instruction } of visit(ctx, true)) {
      if (instruction.keyword === 'ARG') {
        for (const def of instruction.definitions) defined.add(def.name);
        continue;
      }
      if (instruction.keyword !== 'ENV') continue;
      const pairs = instruction.pairs;
      // A value without `$` refers to no variable: it is not rewritten.
      const values = pairs.length < 2 ? [] : pairs.map((p) => (p.value.includes('$') ? expandable(p.value) : ''));
      let reported = false;
      pairs.forEach((pair, i) => {
        if (reported || defined.has(pair.key)) return;
        const user = values.findIndex((v, j) => j !== i && refersTo(v, pair.key));
        if (user < 0) return;
        reported = true;
        ctx.report({
          range: pairs[user]!.valueRange,
          message: 'Do not refer to an environment variable within the same `ENV` statement where it is defined.',
        });
      });
      for (const pair of pairs) defined.add(pair.key);
    }
  },
};
