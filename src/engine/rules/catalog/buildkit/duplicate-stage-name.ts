import type { Rule } from '../../types.ts';
import { anchor, fromInstructions, goQuote } from './support.ts';

export const duplicateStageName: Rule = {
  id: 'duplicate-stage-name',
  title: 'Give every stage a unique name',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3024'], buildkit: 'DuplicateStageName' },
  docs: {
    rationale: `Two stages with the same name make every reference to that name ambiguous. \`COPY --from=build\` and \`FROM build\` pick one of them (BuildKit resolves a name to the latest stage defined with it before the reference), so renaming, reordering or deleting a stage silently changes what gets copied.

Docker's build checks call this *DuplicateStageName*; hadolint calls it DL3024. Stage names are compared in lowercase, as BuildKit stores them: \`AS Build\` and \`AS build\` are the same name.`,
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\n\nFROM node:22 AS build\nRUN npm run build\n',
    good: 'FROM golang:1.23 AS build-api\nRUN go build -o /app .\n\nFROM node:22 AS build-web\nRUN npm run build\n',
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const from of fromInstructions(ctx)) {
      const name = from.stageName;
      if (name === null || name === '') continue;
      if (seen.has(name)) {
        ctx.report({
          range: anchor(from, from.stageNameRange ?? from.range),
          message: `Duplicate stage name ${goQuote(name)}, stage names should be unique`,
        });
      }
      seen.add(name);
    }
  },
};
