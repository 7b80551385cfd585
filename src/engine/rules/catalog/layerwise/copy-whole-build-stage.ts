import type { CopyInstruction } from '../../../parse/types.ts';
import type { Stage } from '../../../stages/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { chainOf, chainSteps, copyFromStage, expanded, joinPath, workdirs } from './support.ts';

/** Directories of a stage (and its chain) into which the whole build context was copied. */
function contextCopies(ctx: RuleContext, stage: Stage): Set<string> {
  const chain = chainSteps(chainOf(ctx, stage));
  const wds = workdirs(chain);
  const out = new Set<string>();
  chain.forEach(({ step }, at) => {
    const i = step.instruction;
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.from !== null || !i.destination) return;
    if (!i.sources.some((s) => /^(\.\/?|\.\/\.)$/.test(s.value.trim()))) return;
    const dest = expanded(step, 'destination', i.destination.value) ?? i.destination.value;
    if (!dest.includes('$')) out.add(joinPath(wds[at]!, dest));
  });
  return out;
}

/** Whether a stage holds an operating system: it starts from an image other than scratch, or runs commands. */
function hasOperatingSystem(ctx: RuleContext, stage: Stage): boolean {
  const chain = chainOf(ctx, stage);
  const root = chain[0]!;
  if (root.baseStage === null && root.base.value.trim().toLowerCase() !== 'scratch') return true;
  return chain.some((s) => s.steps.some((st) => st.instruction.keyword === 'RUN'));
}

export const copyWholeBuildStage: Rule = {
  id: 'copy-whole-build-stage',
  title: 'Copy only the build output from a build stage',
  severity: 'warning',
  category: 'size',
  aliases: {},
  docs: {
    rationale: `A multi-stage build keeps the final image small only if the final stage takes **what it needs** from the build stage. \`COPY --from=build /app .\` takes the whole directory the build ran in: the sources, the full \`node_modules\` with every devDependency, test files, caches and intermediate files. The final image ends up almost as big as a single-stage build, and the split bought nothing. \`COPY --from=build / /\` is worse: it copies the build stage's entire filesystem, compilers included.

Copy the output and what it needs at run time, path by path:

\`\`\`dockerfile
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
COPY --from=deps  /app/node_modules ./node_modules   # production dependencies only
\`\`\`

For a compiled language, that is usually one binary: \`COPY --from=build /out/server /server\`.

The rule reports a \`COPY --from\` of an earlier stage whose source is \`/\` (for a stage built on an image or that runs commands), or a directory into which that stage copied the whole build context (\`COPY . .\`). Copying \`/\` of a stage built \`FROM scratch\` that only gathers outputs is fine, and so is copying \`/\` into a \`FROM scratch\` final stage to flatten an image on purpose.`,
    bad: 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app .\nCMD ["node", "dist/server.js"]\n',
    good: 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev\n\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCOPY --from=build /app/node_modules ./node_modules\nCOPY --from=build /app/package.json ./\nCMD ["node", "dist/server.js"]\n',
  },
  check(ctx) {
    for (const stage of ctx.resolved.stages) {
      const targetIsScratch = chainOf(ctx, stage)[0]!.baseStage === null && chainOf(ctx, stage)[0]!.base.value.trim().toLowerCase() === 'scratch';
      for (const step of stage.steps) {
        const i = step.instruction;
        if (i.keyword !== 'COPY' || i.from === null) continue;
        const from = copyFromStage(ctx, stage, step);
        if (!from) continue;
        const copy = i as CopyInstruction;
        const whole = contextCopies(ctx, from);
        for (const source of copy.sources) {
          const value = source.value.trim();
          if (value.includes('$') || /[*?[]/.test(value)) continue;
          const path = joinPath('/', value);
          let why: string | null = null;
          if (path === '/') {
            if (!targetIsScratch && hasOperatingSystem(ctx, from)) why = `copies the whole filesystem of stage \`${from.name ?? from.index}\`, compilers and all`;
          } else if (whole.has(path)) {
            why = `copies all of ${path} from stage \`${from.name ?? from.index}\`, where the whole build context was copied: sources, dev dependencies and build leftovers come along`;
          }
          if (!why) continue;
          ctx.report({
            range: source.range,
            message: `\`COPY --from=${copy.from} ${value}\` ${why}. Copy only the build output (e.g. ${path === '/' ? '/app/dist or the binary' : `${path}/dist`})`,
          });
        }
      }
    }
  },
};
