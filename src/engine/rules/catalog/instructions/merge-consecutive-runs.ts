import type { RunInstruction } from '../../../parse/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { keywordCount, visit } from './support.ts';

interface Previous {
  flags: string;
  commands: number;
}

/** The flags of a RUN in a comparable form (most RUNs have none). */
function flagsKey(run: RunInstruction): string {
  return run.flags.length === 0 ? '' : run.flags.map((f) => f.raw).sort().join(' ');
}

/** Commands a RUN runs, counted as hadolint does (an exec-form RUN is one command). */
function countCommands(ctx: RuleContext, run: RunInstruction): number {
  if (run.form === 'exec') return 1;
  return ctx.scriptOf(run)?.commands.length ?? 1;
}

export const mergeConsecutiveRuns: Rule = {
  id: 'merge-consecutive-runs',
  title: 'Consider merging consecutive single-command RUN instructions',
  severity: 'info',
  category: 'size',
  aliases: { hadolint: ['DL3059'] },
  docs: {
    rationale: `Every \`RUN\` adds a layer. A run of one-line \`RUN\`s (\`RUN apt-get update\`, \`RUN apt-get install -y curl\`, \`RUN rm -rf /var/lib/apt/lists/*\`) costs more than the layer metadata: files a later \`RUN\` deletes still take space in the earlier layer, so the cleanup saves nothing, and \`apt-get update\` can be served from an old cached layer while the install runs fresh.

Join related commands with \`&&\` in one \`RUN\`. hadolint calls this DL3059 and, like it, the rule only flags a \`RUN\` of a single command that directly follows another single-command \`RUN\` with the same flags (comments between them do not count): a \`RUN\` that already chains commands, or uses different \`--mount\` options, is a deliberate split.`,
    bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
    good: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
  },
  check(ctx) {
    // It takes two RUNs in a row (or two RUN triggers).
    if (keywordCount(ctx, 'RUN') < 2) return;
    // Regular RUNs, and ONBUILD RUN triggers, each as their own sequence.
    let previous: Previous | null = null;
    let previousTrigger: Previous | null = null;
    const step = (run: RunInstruction, last: Previous | null): Previous | null => {
      const current: Previous = { flags: flagsKey(run), commands: countCommands(ctx, run) };
      if (last !== null && last.flags === current.flags && last.commands <= 1 && current.commands <= 1) {
        ctx.report({ range: run.keywordRange, message: 'Multiple consecutive `RUN` instructions. Consider consolidation.' });
        return last;
      }
      return current;
    };
    for (const { instruction, onbuild } of visit(ctx, true)) {
      if (instruction.keyword === 'ONBUILD') {
        previous = null;
        if (instruction.trigger?.keyword !== 'RUN') previousTrigger = null;
        continue;
      }
      if (onbuild) {
        if (instruction.keyword === 'RUN') previousTrigger = step(instruction, previousTrigger);
        continue;
      }
      previousTrigger = null;
      previous = instruction.keyword === 'RUN' ? step(instruction, previous) : null;
    }
  },
};
