import type { Range } from '../../../parse/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { reportAt } from './support.ts';

const CHECK = 'RedundantTargetPlatform';

/** The flag and the blanks after it on its line, so that removing it leaves one space. */
function flagWithTrailingSpace(ctx: RuleContext, range: Range): Range | null {
  if (range.start.line !== range.end.line) return null;
  const line = ctx.lines[range.end.line - 1] ?? '';
  let end = range.end.column - 1;
  while (end < line.length && (line[end] === ' ' || line[end] === '\t')) end++;
  if (end === range.end.column - 1) return null;
  return { start: range.start, end: { line: range.end.line, column: end + 1 } };
}

export const redundantTargetPlatform: Rule = {
  id: 'redundant-target-platform',
  title: 'Do not set FROM --platform to $TARGETPLATFORM',
  severity: 'warning',
  category: 'maintainability',
  aliases: { hadolint: ['DL3065'], buildkit: CHECK },
  // BuildKit runs it as each FROM is expanded (convert.go's stage loop).
  buildkitRunsIn: 'stages',
  docs: {
    rationale: `A stage is built for the target platform unless \`--platform\` says otherwise, so \`FROM --platform=$TARGETPLATFORM node:22\` spells out the default. It is noise, and it hides the stages where \`--platform\` matters: the ones pinned to \`$BUILDPLATFORM\` to cross-compile natively.

Docker's build checks call this *RedundantTargetPlatform*. The fix removes the flag, which builds the same image.`,
    bad: 'FROM --platform=$TARGETPLATFORM node:22-slim\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const target = ctx.resolved.globalArgs.get('TARGETPLATFORM');
    for (const stage of ctx.resolved.stages) {
      const platform = stage.platform;
      if (!platform || platform.error) continue;
      // Only when TARGETPLATFORM is the one variable used and the result is its value.
      if (platform.matched.length !== 1 || platform.matched[0] !== 'TARGETPLATFORM' || platform.unmatched.length > 0) continue;
      if (platform.value !== target) continue;
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      const raw = stage.from.platform ?? platform.raw;
      // hadolint (DL3065) compares the flag's text with these two spellings; BuildKit looks at
      // the expansion, so `${TARGETPLATFORM:-linux/amd64}` is redundant to it alone.
      const literal = raw === '$TARGETPLATFORM' || raw === '${TARGETPLATFORM}';
      const plain = literal && !ctx.resolved.globalArgNames.has('TARGETPLATFORM');
      const removal = flag && plain ? flagWithTrailingSpace(ctx, flag.range) : null;
      reportAt(ctx, CHECK, stage.from, {
        ...(literal ? {} : { only: 'buildkit' as const }),
        range: flag?.range ?? platform.range,
        message: `Setting platform to predefined ${raw} in FROM is redundant as this is the default behavior`,
        ...(removal ? { fix: { title: 'Remove --platform', edits: [{ range: removal, text: '' }] } } : {}),
      });
    }
  },
};
