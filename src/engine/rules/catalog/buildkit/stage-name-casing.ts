import { goToLower } from '../../../parse/go-text.ts';
import type { Rule } from '../../types.ts';
import { fromInstructions, isGoLower, reportAt } from './support.ts';

const CHECK = 'StageNameCasing';

export const stageNameCasing: Rule = {
  id: 'stage-name-casing',
  title: 'Write stage names in lowercase',
  severity: 'warning',
  category: 'maintainability',
  aliases: { buildkit: CHECK },
  // BuildKit checks it in its instruction parser (instructions/parse.go), up to where that stops.
  buildkitRunsIn: 'instructions',
  docs: {
    rationale: `BuildKit stores stage names in lowercase: \`FROM node:22 AS Build\` defines a stage called \`build\`. A mixed-case name in the source then no longer matches what the build reports, what \`--target\` expects and what other instructions refer to, and readers wonder whether \`Build\` and \`build\` are two stages.

Docker's build checks call this *StageNameCasing*. The fix lowercases the name where it is defined; references elsewhere keep working because BuildKit compares stage names without regard to case.`,
    bad: 'FROM node:22 AS BuildStage\nRUN npm ci\n\nFROM node:22-slim\nCOPY --from=buildstage /app /app\n',
    good: 'FROM node:22 AS buildstage\nRUN npm ci\n\nFROM node:22-slim\nCOPY --from=buildstage /app /app\n',
  },
  check(ctx) {
    for (const from of fromInstructions(ctx)) {
      // BuildKit looks at the third word whatever the second is (a bad FROM fails later).
      if (from.args.length !== 3) continue;
      const name = from.args[2]!;
      if (isGoLower(name.value)) continue;
      reportAt(ctx, CHECK, from, {
        range: name.range,
        message: `Stage name '${name.value}' should be lowercase`,
        fix: { title: 'Lowercase the stage name', edits: [{ range: name.range, text: goToLower(name.value) }] },
      });
    }
  },
};
