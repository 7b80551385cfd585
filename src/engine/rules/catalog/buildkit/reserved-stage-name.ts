import type { Rule } from '../../types.ts';
import { anchor, fromInstructions, goQuote } from './support.ts';

const RESERVED = new Set(['context', 'scratch']);

export const reservedStageName: Rule = {
  id: 'reserved-stage-name',
  title: "Do not name a stage 'scratch' or 'context'",
  severity: 'warning',
  category: 'correctness',
  aliases: { buildkit: 'ReservedStageName' },
  docs: {
    rationale: `\`scratch\` is the empty base image and \`context\` is the name BuildKit gives the build context (\`COPY --from=context\`, \`--build-context\`). A stage called either one shadows the built-in meaning: \`FROM scratch\` after \`FROM alpine AS scratch\` no longer means an empty image to a reader, and tools disagree about which one wins.

Docker's build checks call this *ReservedStageName*.`,
    bad: 'FROM alpine:3.20 AS scratch\nRUN echo hi > /hi\n\nFROM scratch\nCOPY --from=scratch /hi /hi\n',
    good: 'FROM alpine:3.20 AS prepare\nRUN echo hi > /hi\n\nFROM scratch\nCOPY --from=prepare /hi /hi\n',
  },
  check(ctx) {
    for (const from of fromInstructions(ctx)) {
      const name = from.stageName;
      if (name === null || !RESERVED.has(name)) continue;
      ctx.report({
        range: anchor(from, from.stageNameRange ?? from.range),
        message: `Stage name should not use the same name as reserved stage ${goQuote(name)}`,
      });
    }
  },
};
