import type { Rule } from '../../types.ts';
import { dropQuotes, keywordCount, visit } from './support.ts';

export const noCopyWholeFilesystem: Rule = {
  id: 'no-copy-whole-filesystem',
  title: 'Do not copy the entire filesystem of another stage',
  severity: 'warning',
  category: 'size',
  aliases: { hadolint: ['DL3067'] },
  docs: {
    rationale: `\`COPY --from=build / /\` copies every file of the build stage (compilers, package caches, headers, the whole distribution) over the final image. It defeats the point of a multi-stage build: the final image ends up at least as large as the builder, with all its tools available to an attacker.

Copy only what the application needs (\`COPY --from=build /app/dist /app\`). hadolint calls this DL3067.`,
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /\n',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'COPY') === 0) return;
    for (const { instruction } of visit(ctx, true)) {
      if (instruction.keyword !== 'COPY' || instruction.from === null || !instruction.destination) continue;
      if (dropQuotes(instruction.destination.value) !== '/') continue;
      const root = instruction.sources.find((s) => dropQuotes(s.value) === '/');
      if (root) ctx.report({ range: root.range, message: 'Do not copy an entire filesystem from another stage' });
    }
  },
};
