import type { Rule } from '../../types.ts';

export const fromFirst: Rule = {
  id: 'from-first',
  title: 'Begin the Dockerfile with FROM (ARG and comments may come before it)',
  severity: 'error',
  category: 'correctness',
  aliases: { hadolint: ['DL3061'] },
  docs: {
    rationale: `Every instruction except \`ARG\` belongs to a build stage, and a stage starts with \`FROM\`. A \`LABEL\`, \`RUN\` or \`ENV\` above the first \`FROM\` has no stage to apply to: Docker stops with *no build stage in current context*. It usually means a header was pasted above the \`FROM\`, or the \`FROM\` line was lost in a merge.

Only \`ARG\` (whose values \`FROM\` lines can use), parser directives and comments may precede the first \`FROM\`. hadolint calls this DL3061.`,
    bad: 'LABEL org.opencontainers.image.source="https://github.com/example/app"\nFROM node:22-slim\n',
    good: 'FROM node:22-slim\nLABEL org.opencontainers.image.source="https://github.com/example/app"\n',
  },
  check(ctx) {
    for (const instruction of ctx.parsed.instructions) {
      if (instruction.keyword === 'FROM') return;
      if (instruction.keyword === 'ARG') continue;
      ctx.report({
        range: instruction.keywordRange,
        message: 'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.',
      });
    }
  },
};
