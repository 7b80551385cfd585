import type { Rule } from '../../types.ts';
import { baseChain, destinationRange, dropQuotes, keywordCount, visit } from './support.ts';

/** hadolint's absolute destinations: `/...`, `C:\...`, `C:/...`, or one starting with a variable. */
function isAbsolute(dest: string): boolean {
  const d = dropQuotes(dest);
  return d.startsWith('/') || d.slice(1).startsWith(':\\') || d.slice(1).startsWith(':/') || d.startsWith('$');
}

export const workdirBeforeRelativeCopy: Rule = {
  id: 'workdir-before-relative-copy',
  title: 'Set WORKDIR before COPY to a relative destination',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3045'] },
  docs: {
    rationale: `A relative \`COPY\` destination is resolved against the working directory, and without a \`WORKDIR\` in your Dockerfile that directory is whatever the base image chose: \`/\` for most, \`/usr/src/app\`, \`/home/node\` or \`/var/www/html\` for others. \`COPY . .\` then scatters your files over the root filesystem, or lands them somewhere a base image update can move.

Set \`WORKDIR /app\` first (it is inherited by stages built \`FROM\` this one), or write an absolute destination. hadolint calls this DL3045. Stages built \`FROM scratch\` are not flagged: an empty image has no working directory to guess, so a relative destination is relative to \`/\`.`,
    bad: 'FROM node:22-slim\nCOPY package.json .\nRUN npm install\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\nRUN npm install\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'COPY') === 0) return;
    const stageHasWorkdir = ctx.resolved.stages.map((s) => s.steps.some((st) => st.instruction.keyword === 'WORKDIR'));
    let workdir = false;
    let onbuildWorkdir = false;
    for (const { instruction, onbuild } of visit(ctx, true)) {
      if (instruction.keyword === 'FROM' && !onbuild) {
        const stage = ctx.stageOf(instruction);
        const chain = stage ? baseChain(ctx.resolved, stage) : [];
        const root = chain.at(-1) ?? stage;
        // An image built from scratch has no configured working directory: `/`, nothing to guess.
        const fromScratch = !!root && root.baseStage === null && root.base.value === 'scratch';
        workdir = fromScratch || chain.some((s) => stageHasWorkdir[s.index]);
        onbuildWorkdir = false;
        continue;
      }
      if (instruction.keyword === 'WORKDIR') {
        if (onbuild) onbuildWorkdir = true;
        else workdir = true;
        continue;
      }
      if (instruction.keyword !== 'COPY' || !instruction.destination) continue;
      if (workdir || (onbuild && onbuildWorkdir)) continue;
      if (isAbsolute(instruction.destination.value)) continue;
      ctx.report({ range: destinationRange(instruction), message: '`COPY` to a relative destination without `WORKDIR` set.' });
    }
  },
};
