import { goToLower, goToUpper } from '../../../parse/go-text.ts';
import type { Rule } from '../../types.ts';
import { fromInstructions, isGoLower, isGoUpper, reportAt } from './support.ts';

const CHECK = 'FromAsCasing';

export const fromAsCasing: Rule = {
  id: 'from-as-casing',
  title: "Match the casing of 'AS' to that of 'FROM'",
  severity: 'warning',
  category: 'maintainability',
  aliases: { buildkit: CHECK },
  // BuildKit checks it in its instruction parser (instructions/parse.go), up to where that stops.
  buildkitRunsIn: 'instructions',
  docs: {
    rationale: `\`FROM node:22 as build\` mixes an uppercase keyword with a lowercase one. Keywords are case-insensitive, so the build is the same, but the file reads as if written by two people and invites more inconsistency.

Docker's build checks call this *FromAsCasing*: \`AS\` should follow \`FROM\` (\`FROM ... AS\` or \`from ... as\`). When \`FROM\` itself is mixed-case (\`From\`), *ConsistentInstructionCasing* reports it instead.`,
    bad: 'FROM node:22 as build\nRUN npm ci\n',
    good: 'FROM node:22 AS build\nRUN npm ci\n',
  },
  check(ctx) {
    for (const from of fromInstructions(ctx)) {
      if (from.args.length < 3) continue;
      const keyword = from.keywordText;
      const lower = isGoLower(keyword);
      if (!lower && !isGoUpper(keyword)) continue;
      const as = from.args[1]!;
      if (lower ? isGoLower(as.value) : isGoUpper(as.value)) continue;
      const wanted = lower ? goToLower(as.value) : goToUpper(as.value);
      reportAt(ctx, CHECK, from, {
        range: as.range,
        message: `'${as.value}' and '${keyword}' keywords' casing do not match`,
        fix: { title: `Write '${wanted}'`, edits: [{ range: as.range, text: wanted }] },
      });
    }
  },
};
