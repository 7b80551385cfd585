import type { Rule } from '../../types.ts';
import { flagRange, keywordCount, visit } from './support.ts';

export const noCopyFromOwnStage: Rule = {
  id: 'no-copy-from-own-stage',
  title: '`COPY --from` cannot name the stage it is in',
  severity: 'error',
  category: 'correctness',
  aliases: { hadolint: ['DL3023'] },
  docs: {
    rationale: `A stage cannot copy from itself: while it is being built its result does not exist yet. BuildKit stops with a circular dependency error, usually after a copy-paste left \`COPY --from=app\` inside the \`app\` stage where the builder stage was meant.

hadolint calls this DL3023. The rule also catches a numeric \`--from\` equal to the stage's own index.`,
    bad: 'FROM golang:1.23 AS builder\nRUN go build -o /bin/app .\nFROM debian:12-slim AS app\nCOPY --from=app /bin/app /usr/local/bin/app\n',
    good: 'FROM golang:1.23 AS builder\nRUN go build -o /bin/app .\nFROM debian:12-slim AS app\nCOPY --from=builder /bin/app /usr/local/bin/app\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'COPY', false) === 0) return;
    let current: string | null = null;
    let index = -1;
    let inStage = false;
    for (const { instruction } of visit(ctx, false)) {
      if (instruction.keyword === 'FROM') {
        current = instruction.stageName;
        index++;
        inStage = true;
        continue;
      }
      if (!inStage || instruction.keyword !== 'COPY' || instruction.from === null) continue;
      const from = instruction.from.toLowerCase();
      if ((current !== null && from === current) || from === String(index)) {
        ctx.report({ range: flagRange(instruction, 'from'), message: '`COPY --from` cannot reference its own `FROM` alias' });
      }
    }
  },
};
