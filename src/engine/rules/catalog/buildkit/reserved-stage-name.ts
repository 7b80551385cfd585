import type { Rule } from '../../types.ts';
import { anchor, fromInstructions, goQuote } from './support.ts';

const RESERVED = new Set(['context', 'scratch']);

export const reservedStageName: Rule = {
  id: 'reserved-stage-name',
  title: "Do not name a stage 'scratch' or 'context'",
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3063'], buildkit: 'ReservedStageName' },
  // BuildKit runs it in validateStageNames, once the instruction parser has read the file.
  buildkitRunsIn: 'validation',
  docs: {
    rationale: `\`scratch\` is the empty base image and \`context\` is the name BuildKit gives the build context (\`COPY --from=context\`, \`--build-context\`). A stage called either one shadows the built-in meaning: \`FROM scratch\` after \`FROM alpine AS scratch\` no longer means an empty image to a reader, and tools disagree about which one wins.

Docker's build checks call this *ReservedStageName*, and hadolint (since 2.15) DL3063. BuildKit compares stage names in lower case; hadolint compares the name as written, so \`AS Scratch\` is BuildKit's finding alone.`,
    bad: 'FROM alpine:3.20 AS scratch\nRUN echo hi > /hi\n\nFROM scratch\nCOPY --from=scratch /hi /hi\n',
    good: 'FROM alpine:3.20 AS prepare\nRUN echo hi > /hi\n\nFROM scratch\nCOPY --from=prepare /hi /hi\n',
  },
  check(ctx) {
    for (const from of fromInstructions(ctx)) {
      const name = from.stageName;
      if (name === null || !RESERVED.has(name)) continue;
      const written = from.args[2]?.value;
      ctx.report({
        ...(written !== name ? { only: 'buildkit' as const } : {}),
        range: anchor(from, from.stageNameRange ?? from.range),
        message: `Stage name should not use the same name as reserved stage ${goQuote(name)}`,
      });
    }
  },
};
