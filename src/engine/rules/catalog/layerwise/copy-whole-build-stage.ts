import type { CopyInstruction } from '../../../parse/types.ts';
import type { Stage } from '../../../stages/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { GLOB, buildCommand, chainOf, chainSteps, commandsOf, copyFromStage, expanded, installsProductionOnly, joinPath, nodeInstall, scopeAt, workdirs } from './support.ts';

/** Directories of a stage (and its chain) into which the whole build context was copied. */
function contextCopies(ctx: RuleContext, stage: Stage): ReadonlySet<string> {
  // A stage is often copied from several times: listed once per lint.
  return ctx.memo(listContextCopies, stage);
}

/** `.`, `./` or `./.` */
const WHOLE_CONTEXT = /^(\.\/?|\.\/\.)$/;

function listContextCopies(ctx: RuleContext, stage: Stage): Set<string> {
  const chain = chainSteps(ctx, stage);
  // Most stages copy no whole context: their working directories are not needed.
  let wds: readonly string[] | null = null;
  const out = new Set<string>();
  for (let at = 0; at < chain.length; at++) {
    const { step } = chain[at]!;
    const i = step.instruction;
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.from !== null || !i.destination) continue;
    if (!i.sources.some((s) => WHOLE_CONTEXT.test(s.value.trim()))) continue;
    const dest = expanded(step, 'destination', i.destination.value) ?? i.destination.value;
    if (!dest.includes('$')) out.add(joinPath((wds ??= workdirs(ctx, chain))[at]!, dest));
  }
  return out;
}

/**
 * Whether a stage did work of its own (ran commands): copying `/` of a stage that only names an
 * image (`FROM tonistiigi/xx AS xx`) takes that image, which may hold nothing but binaries.
 */
function ranCommands(ctx: RuleContext, stage: Stage): boolean {
  return chainOf(ctx, stage).some((s) => s.steps.some((st) => st.instruction.keyword === 'RUN'));
}

/** Whether a stage's chain starts from the empty image. */
function buildsOnScratch(ctx: RuleContext, stage: Stage): boolean {
  const root = chainOf(ctx, stage)[0]!;
  return root.baseStage === null && root.base.value.trim().toLowerCase() === 'scratch';
}

/** What the stage built or installed that a runtime does not need: a label, or null. */
function buildLeftovers(ctx: RuleContext, stage: Stage): string | null {
  return ctx.memo(findBuildLeftovers, stage);
}

function findBuildLeftovers(ctx: RuleContext, stage: Stage): string | null {
  for (const s of chainOf(ctx, stage)) {
    for (const step of s.steps) {
      if (step.instruction.keyword !== 'RUN') continue;
      for (const { command } of commandsOf(ctx, step.instruction)) {
        const build = buildCommand(command, true);
        if (build) return `\`${build}\` ran there`;
        const install = nodeInstall(command);
        if (install && install.kind === 'project' && !installsProductionOnly(install, command, scopeAt(ctx, step))) return 'devDependencies were installed there';
      }
    }
  }
  return null;
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

The rule reports a \`COPY --from\` of an earlier stage whose source is \`/\` (for a stage that runs commands), or a directory into which that stage copied the whole build context (\`COPY . .\`) and then built (or installed devDependencies). \`COPY --from=build / /\` itself is hadolint's DL3067 (*no-copy-whole-filesystem*), so this rule leaves it to that one and covers what it misses: a stage's \`/\` copied to another destination, and the build directory copied whole. Copying \`/\` of a stage that runs no command (one that only gathers outputs, or names an image of binaries) is fine, and so is copying \`/\` into a \`FROM scratch\` final stage to flatten an image on purpose.`,
    bad: 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app .\nCMD ["node", "dist/server.js"]\n',
    good: 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev\n\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCOPY --from=build /app/node_modules ./node_modules\nCOPY --from=build /app/package.json ./\nCMD ["node", "dist/server.js"]\n',
  },
  check(ctx) {
    for (const stage of ctx.resolved.stages) {
      for (const step of stage.steps) {
        const i = step.instruction;
        if (i.keyword !== 'COPY' || i.from === null) continue;
        const from = copyFromStage(ctx, stage, step);
        if (!from) continue;
        const copy = i as CopyInstruction;
        for (const source of copy.sources) {
          const value = source.value.trim();
          if (value.includes('$') || GLOB.test(value)) continue;
          const path = joinPath('/', value);
          let why: string | null = null;
          if (path === '/') {
            // `COPY --from=x / /` is hadolint's DL3067 (no-copy-whole-filesystem).
            const dest = copy.destination ? joinPath('/', copy.destination.value.replace(/^["']|["']$/g, '')) : '';
            if (dest !== '/' && !buildsOnScratch(ctx, stage) && ranCommands(ctx, from)) why = `copies the whole filesystem of stage \`${from.name ?? from.index}\`, compilers and all`;
          } else if (contextCopies(ctx, from).has(path)) {
            const leftovers = buildLeftovers(ctx, from);
            if (leftovers) why = `copies all of ${path} from stage \`${from.name ?? from.index}\`, where the whole build context was copied and ${leftovers}: the sources and intermediate files come along with the output`;
          }
          if (!why) continue;
          ctx.report({
            range: source.range,
            message: `\`COPY --from=${copy.from} ${value}\` ${why}. Copy only what runs (the binary, or e.g. ${path === '/' ? '/app/dist' : `${path}/dist`} and production node_modules)`,
          });
        }
      }
    }
  },
};
