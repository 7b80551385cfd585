import type { Rule } from '../../types.ts';
import { anchor, fromInstructions, goQuote } from './support.ts';

export const duplicateStageName: Rule = {
  id: 'duplicate-stage-name',
  title: 'Give every stage a unique name',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3024'], buildkit: 'DuplicateStageName' },
  // BuildKit runs it in validateStageNames, once the instruction parser has read the file.
  buildkitRunsIn: 'validation',
  docs: {
    rationale: `Two stages with the same name make every reference to that name ambiguous. \`COPY --from=build\` and \`FROM build\` pick one of them (BuildKit resolves a name to the latest stage defined with it before the reference), so renaming, reordering or deleting a stage silently changes what gets copied.

Docker's build checks call this *DuplicateStageName*; hadolint calls it DL3024. Stage names are compared in lowercase, as BuildKit stores them: \`AS Build\` and \`AS build\` are the same name. hadolint compares the names as written, so a duplicate that differs only in case is BuildKit's finding alone.`,
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\n\nFROM node:22 AS build\nRUN npm run build\n',
    good: 'FROM golang:1.23 AS build-api\nRUN go build -o /app .\n\nFROM node:22 AS build-web\nRUN npm run build\n',
  },
  check(ctx) {
    const seen = new Set<string>();
    // hadolint's DL3024 keeps the aliases as written (language-docker's ImageAlias).
    const written = new Set<string>();
    for (const from of fromInstructions(ctx)) {
      const name = from.stageName;
      if (name === null || name === '') continue;
      const alias = from.args[2]!.value;
      if (seen.has(name)) {
        ctx.report({
          ...(written.has(alias) ? {} : { only: 'buildkit' as const }),
          range: anchor(from, from.stageNameRange ?? from.range),
          message: `Duplicate stage name ${goQuote(name)}, stage names should be unique`,
        });
      }
      seen.add(name);
      written.add(alias);
    }
  },
};
