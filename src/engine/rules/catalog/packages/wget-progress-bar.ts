import type { Rule, RuleContext } from '../../types.ts';
import { cmdHasArgs, eachRunWith, hasAnyFlag, hasFlag, insertAfter, reportCommands, type RunView, viewOf } from './support.ts';

/**
 * Whether `wget` in this RUN may be BusyBox's, which rejects `--progress`: the stage (or one it
 * builds on) starts from an Alpine or BusyBox image, or uses apk. Unknown stages count as such.
 */
function mayBeBusybox(ctx: RuleContext, view: RunView): boolean {
  let stage = ctx.stageOf(view.onbuild ?? view.run);
  const seen = new Set<number>();
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    if (/alpine|busybox/i.test(`${stage.base.value} ${stage.from.image}`)) return true;
    for (const step of stage.steps) {
      if (step.instruction.keyword === 'RUN' && viewOf(ctx, step.instruction).commands.some((c) => c.name === 'apk')) return true;
    }
    if (stage.baseStage === null) return false;
    stage = ctx.resolved.stages[stage.baseStage] ?? null;
  }
  return true;
}

export const wgetProgressBar: Rule = {
  id: 'wget-progress-bar',
  title: 'Use wget --progress=dot:giga (or -q, -nv)',
  severity: 'info',
  category: 'maintainability',
  aliases: { hadolint: ['DL3047'] },
  docs: {
    rationale: `Without a terminal, \`wget\` falls back to its "dot" progress display: a dot per kilobyte, a line per 50 KB. Downloading a 500 MB archive writes thousands of lines into the build log, which slows down CI log viewers and buries the output that matters.

Use \`--progress=dot:giga\` (one dot per megabyte, a line per 32 MB), or silence it with \`-q\`/\`--quiet\` or \`-nv\`/\`--no-verbose\`; sending the log elsewhere with \`-o\`/\`-a\` also counts. This is hadolint's DL3047. The fix adds \`--progress=dot:giga\`, except in Alpine or BusyBox stages, whose BusyBox \`wget\` does not know that option.`,
    bad: 'FROM debian:12-slim\nRUN wget https://example.com/big.tar.gz\n',
    good: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['wget'], (view) => {
      const offenders = view.commands.filter(
        (c) =>
          c.name === 'wget' &&
          !hasFlag(c, 'progress') &&
          !hasAnyFlag(c, ['q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose']) &&
          !cmdHasArgs(c, 'wget', ['-nv']),
      );
      reportCommands(
        ctx,
        view,
        offenders,
        'Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).',
        {
          title: 'Add --progress=dot:giga',
          edit: (c) =>
            c.name !== c.source.nameWord.value || mayBeBusybox(ctx, view) ? null : insertAfter(ctx, view, c.source.nameWord, '--progress=dot:giga'),
        },
      );
    });
  },
};
