import type { EnvInstruction, KeyValue } from '../../../parse/types.ts';
import type { Fix, Rule } from '../../types.ts';
import { keywordCount } from '../instructions/support.ts';
import { triggerRange, triggerSteps } from './onbuild.ts';
import { reportAt } from './support.ts';

const CHECK = 'LegacyKeyValueFormat';

/** BuildKit's message, with the keyword as written. */
function message(name: string): string {
  return `"${name} key=value" should be used instead of legacy "${name} key value" format`;
}

/**
 * `key=value` that Docker reads exactly as it read the legacy `key value`: the value as written
 * when it is one word, or in double quotes when it has spaces but nothing quotes or escapes would
 * change. Null when no such rewrite is certain.
 */
function rewrite(pair: KeyValue, escape: string): string | null {
  if (pair.keyRange.start.line !== pair.valueRange.end.line) return null;
  const value = pair.value;
  if (!/\s/.test(value)) return `${pair.key}=${value}`;
  if (value.includes('"') || value.includes("'") || value.includes(escape) || /[\r\n]/.test(value)) return null;
  return `${pair.key}="${value}"`;
}

export const legacyKeyValueFormat: Rule = {
  id: 'legacy-key-value-format',
  title: 'Use ENV key=value and LABEL key=value',
  severity: 'warning',
  category: 'maintainability',
  aliases: { buildkit: CHECK },
  docs: {
    rationale: `\`ENV NAME value\` (a space instead of \`=\`) is the legacy form: it sets one variable to everything after the first space, so \`ENV PATH /opt/bin:$PATH LANG C.UTF-8\` makes a single, broken \`PATH\` instead of two variables. The \`key=value\` form can set several variables per instruction, quotes values explicitly, and is the only form the Docker documentation still describes; the legacy one may be removed.

Docker's build checks call this *LegacyKeyValueFormat*. The fix writes \`key=value\`, adding double quotes when the value has spaces; it is offered only when the quoted value is certain to read the same (no quotes or escapes inside). Like BuildKit, it checks the stages, and an \`ONBUILD ENV\` or \`ONBUILD LABEL\` where a later stage builds on its stage (reported at that stage's FROM, where the trigger runs).`,
    bad: 'FROM alpine:3.20\nENV APP_HOME /srv/app\nLABEL maintainer Jane Doe\n',
    good: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\nLABEL maintainer="Jane Doe"\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'ENV') === 0 && keywordCount(ctx, 'LABEL') === 0) return;
    const escape = ctx.parsed.escapeCharacter;
    for (const stage of ctx.resolved.stages) {
      // The ONBUILD triggers of the stage this one builds on run first: BuildKit reports them at
      // this stage's FROM, without the comments above the ONBUILD (and without a fix here).
      for (const { instruction } of triggerSteps(ctx, stage)) {
        if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') continue;
        for (const pair of instruction.pairs) {
          if (pair.separator !== '') continue;
          ctx.report({ range: triggerRange(stage), message: message(instruction.keywordText) });
        }
      }
      for (const step of stage.steps) {
        const instruction = step.instruction;
        if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') continue;
        for (const pair of (instruction as EnvInstruction).pairs) {
          if (pair.separator !== '') continue;
          const text = rewrite(pair, escape);
          const range = { start: pair.keyRange.start, end: pair.valueRange.end };
          const fix: Fix | null = text === null ? null : { title: 'Use key=value', edits: [{ range, text }] };
          reportAt(ctx, CHECK, instruction, { range, message: message(instruction.keywordText), ...(fix ? { fix } : {}) });
        }
      }
    }
  },
};
