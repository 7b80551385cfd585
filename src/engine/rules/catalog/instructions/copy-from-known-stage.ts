import type { Rule } from '../../types.ts';
import { dropQuotes, expanded, flagRange, hasVariable, keywordCount, visit } from './support.ts';

export const copyFromKnownStage: Rule = {
  id: 'copy-from-known-stage',
  title: '`COPY --from` should name a stage defined earlier',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3022'] },
  docs: {
    rationale: `\`COPY --from=build\` copies from the stage named \`build\`, but when no earlier stage has that name Docker does not complain: it treats \`build\` as an image name and tries to pull \`docker.io/library/build:latest\`. A typo in a stage name, or a stage moved below the \`COPY\` that uses it, turns into a confusing pull error, or worse, into files copied from some public image that happens to have that name.

hadolint calls this DL3022. An image reference with a tag or digest (\`--from=nginx:1.27\`) and a stage index lower than the number of stages so far are accepted.`,
    bad: 'FROM golang:1.23 AS builder\nRUN go build -o /bin/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /bin/app /app\n',
    good: 'FROM golang:1.23 AS builder\nRUN go build -o /bin/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /bin/app /app\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'COPY', false) === 0) return;
    const names = new Set<string>();
    let count = 0;
    for (const { instruction, step } of visit(ctx, false)) {
      if (instruction.keyword === 'FROM') {
        count++;
        if (instruction.stageName) names.add(instruction.stageName);
        continue;
      }
      if (instruction.keyword !== 'COPY' || instruction.from === null) continue;
      let from = instruction.from;
      if (hasVariable(from)) {
        const e = expanded(step, 'from');
        if (!e?.known) continue;
        from = e.value;
      }
      if (dropQuotes(from).includes(':')) continue; // an image reference with a tag or digest
      if (names.has(from.toLowerCase())) continue;
      const index = /^\d+/.exec(from);
      if (index && Number(index[0]) < count) continue;
      ctx.report({ range: flagRange(instruction, 'from'), message: '`COPY --from` should reference a previously defined `FROM` alias' });
    }
  },
};
