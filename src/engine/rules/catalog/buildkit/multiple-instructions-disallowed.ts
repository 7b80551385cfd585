import type { Instruction } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
import { reportAt } from './support.ts';

const CHECK = 'MultipleInstructionsDisallowed';
const TRACKED = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export const multipleInstructionsDisallowed: Rule = {
  id: 'multiple-instructions-disallowed',
  title: 'Use CMD, ENTRYPOINT and HEALTHCHECK at most once per stage',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL4003', 'DL4004', 'DL3012'], buildkit: CHECK },
  docs: {
    rationale: `An image has one command, one entrypoint and one health check: each CMD, ENTRYPOINT or HEALTHCHECK replaces the previous one of the stage, which then does nothing at all. A second one is usually a leftover from an edit, or a misunderstanding (two CMDs do not run two processes).

Docker's build checks call this *MultipleInstructionsDisallowed*; hadolint splits it into DL4003 (CMD), DL4004 (ENTRYPOINT) and DL3012 (HEALTHCHECK). Both count per stage, and a stage built \`FROM\` another starts afresh. They differ only in which instruction they point at: this rule follows BuildKit and flags the instructions that are overridden (every one but the last), since those are the dead ones to delete; hadolint flags every one after the first. A \`# check=skip=\` comment applies where BuildKit reads it, on the instruction that overrides.`,
    bad: 'FROM node:22-slim\nCMD ["node", "server.js"]\nCOPY . .\nCMD ["node", "worker.js"]\n',
    good: 'FROM node:22-slim\nCOPY . .\nCMD ["node", "worker.js"]\n',
  },
  check(ctx) {
    // Instructions before the first FROM belong to no stage; hadolint still counts them.
    const first = ctx.parsed.instructions.findIndex((i) => i.keyword === 'FROM');
    const preamble = first < 0 ? ctx.parsed.instructions : ctx.parsed.instructions.slice(0, first);
    const groups = [preamble, ...ctx.resolved.stages.map((stage) => stage.steps.map((s) => s.instruction))];
    for (const group of groups) {
      const last = new Map<string, Instruction>();
      for (const instruction of group) {
        if (!TRACKED.has(instruction.keyword)) continue;
        const previous = last.get(instruction.keyword);
        last.set(instruction.keyword, instruction);
        if (!previous) continue;
        // BuildKit reports the earlier instruction, with the later one's name as written and
        // with the `# check=` comment of the later one.
        reportAt(ctx, CHECK, instruction, {
          range: previous.keywordRange,
          message: `Multiple ${instruction.keywordText} instructions should not be used in the same stage because only the last one will be used`,
        }, previous);
      }
    }
  },
};
