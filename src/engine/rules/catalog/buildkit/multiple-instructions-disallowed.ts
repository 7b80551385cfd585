import type { Instruction } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
import { keywordCount } from '../instructions/support.ts';
import { triggerSteps } from './onbuild.ts';
import { anchor, beforeFirstFrom, reportAt } from './support.ts';

const CHECK = 'MultipleInstructionsDisallowed';
const TRACKED = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

function message(name: string): string {
  return `Multiple ${name} instructions should not be used in the same stage because only the last one will be used`;
}

export const multipleInstructionsDisallowed: Rule = {
  id: 'multiple-instructions-disallowed',
  title: 'Use CMD, ENTRYPOINT and HEALTHCHECK at most once per stage',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL4003', 'DL4004', 'DL3012'], buildkit: CHECK },
  docs: {
    rationale: `An image has one command, one entrypoint and one health check: each CMD, ENTRYPOINT or HEALTHCHECK replaces the previous one of the stage, which then does nothing at all. A second one is usually a leftover from an edit, or a misunderstanding (two CMDs do not run two processes).

Docker's build checks call this *MultipleInstructionsDisallowed*; hadolint splits it into DL4003 (CMD), DL4004 (ENTRYPOINT) and DL3012 (HEALTHCHECK). Both count per stage, and a stage built \`FROM\` another starts afresh. They differ only in which instruction they point at: this rule follows BuildKit and flags the instructions that are overridden (every one but the last), since those are the dead ones to delete; hadolint flags every one after the first. A \`# check=skip=\` comment applies where BuildKit reads it, on the instruction that overrides. BuildKit also counts the ONBUILD triggers of a stage built on (they run first, and it reports them at the FROM); instructions before the first FROM are hadolint's alone.`,
    bad: 'FROM node:22-slim\nCMD ["node", "server.js"]\nCOPY . .\nCMD ["node", "worker.js"]\n',
    good: 'FROM node:22-slim\nCOPY . .\nCMD ["node", "worker.js"]\n',
  },
  check(ctx) {
    // It takes two of the same keyword (triggers included: BuildKit runs them in the stages).
    if (keywordCount(ctx, 'CMD') < 2 && keywordCount(ctx, 'ENTRYPOINT') < 2 && keywordCount(ctx, 'HEALTHCHECK') < 2) return;
    // Before the first FROM BuildKit stops with a parse error (no build stage): only hadolint
    // counts those, and flags every one after the first.
    const seen = new Set<string>();
    for (const instruction of beforeFirstFrom(ctx)) {
      if (!TRACKED.has(instruction.keyword)) continue;
      if (seen.has(instruction.keyword)) {
        reportAt(ctx, CHECK, instruction, { only: 'hadolint', range: instruction.keywordRange, message: message(instruction.keywordText) });
      }
      seen.add(instruction.keyword);
    }
    for (const stage of ctx.resolved.stages) {
      // BuildKit first runs the ONBUILD triggers of the stage this one builds on, located at
      // this stage's FROM (hadolint does not).
      const steps = [
        ...triggerSteps(ctx, stage).map((step) => ({ instruction: step.instruction, trigger: true })),
        ...stage.steps.map((step) => ({ instruction: step.instruction, trigger: false })),
      ];
      const last = new Map<string, { instruction: Instruction; trigger: boolean }>();
      for (const current of steps) {
        const { instruction } = current;
        if (!TRACKED.has(instruction.keyword)) continue;
        const previous = last.get(instruction.keyword);
        last.set(instruction.keyword, current);
        if (!previous) continue;
        // BuildKit reports the earlier instruction, with the later one's name as written and
        // with the `# check=` comment of the later one (a trigger has none).
        const at = previous.trigger ? stage.from : previous.instruction;
        const finding = {
          ...(previous.trigger || current.trigger ? { only: 'buildkit' as const } : {}),
          range: at.keywordRange,
          message: message(instruction.keywordText),
        };
        if (current.trigger) ctx.report({ ...finding, range: anchor(at, finding.range) });
        else reportAt(ctx, CHECK, instruction, finding, at);
      }
    }
  },
};
