import { commandScope, programName } from '../../../script/index.ts';
import type { CopyInstruction } from '../../../parse/types.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { Stage } from '../../../stages/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { GLOB, chainSteps, cleanPath, commandsOf, copyFromStage, finalChainSteps, finalStage, listOf, scopeAt, startedProgram } from './support.ts';

/** A GENERATE_SOURCEMAP value that turns source maps on. */
const TRUE = /^true$/i;

/**
 * Whether a build command (`words`) explicitly asks for source maps. `generateSourcemap` is the
 * value of Create React App's GENERATE_SOURCEMAP for the command.
 */
function enablesSourceMaps(words: readonly string[], generateSourcemap: string | undefined): boolean {
  if (TRUE.test(generateSourcemap ?? '')) return true;
  return words.some((w, i) => (/^--(sourcemap|source-map|sourceMap|source-maps)(=(true|inline|external|linked|both))?$/.test(w) && !/^(false|0|none)$/i.test(words[i + 1] ?? '')) || (w === '--devtool' && /source-map/.test(words[i + 1] ?? '')) || /^--devtool=.*source-map/.test(w));
}

/** The line of the last RUN in `stage`'s chain with a build that asks for source maps, or null. */
function sourceMapBuildLine(ctx: RuleContext, stage: Stage): number | null {
  let enabling: number | null = null;
  for (const { step } of chainSteps(ctx, stage)) {
    if (step.instruction.keyword !== 'RUN') continue;
    const scope = scopeAt(ctx, step);
    for (const { command } of commandsOf(ctx, step.instruction)) {
      const generateSourcemap = commandScope(command, scope).get('GENERATE_SOURCEMAP');
      // Every flag enablesSourceMaps looks for starts with `--`: a command without one needs no word list.
      if (!TRUE.test(generateSourcemap ?? '') && !hasLongFlag(command)) continue;
      const words = [programName(command), ...command.args.map((a) => a.value)];
      if (enablesSourceMaps(words, generateSourcemap)) enabling = step.instruction.range.start.line;
    }
  }
  return enabling;
}

/** Whether the program or an argument of `command` starts with `--`. */
function hasLongFlag(command: ShellCommand): boolean {
  if (programName(command).startsWith('--')) return true;
  for (const a of command.args) if (a.value.startsWith('--')) return true;
  return false;
}

export const sourceMapsShipped: Rule = {
  id: 'source-maps-shipped',
  title: "Don't ship source maps in the final image",
  severity: 'info',
  category: 'size',
  aliases: {},
  docs: {
    rationale: `A source map (\`*.map\`) maps built JavaScript back to the original source, **including the full source text** in most configurations. Served from a web server, it lets anyone read your unminified front-end code, comments included; in any image it is weight that nothing at run time needs.

Keep them out of the final image:
- turn them off for production builds (\`GENERATE_SOURCEMAP=false\` for Create React App, \`build.sourcemap: false\` in Vite, \`devtool: false\` in webpack), or upload them to your error tracker in the build stage and delete them before copying;
- copy the build output, not the context: with \`COPY . .\`, map files lying in the context (an old local build) come along; list \`**/*.map\` (a bare \`*.map\` matches only at the top of the context) or the build directory in \`.dockerignore\`.

For a Node.js server, maps can be useful for readable stack traces (\`node --enable-source-maps\`): the rule stays quiet when the final stage starts node with that flag, and only reports a build stage's output when the build asks for source maps explicitly (\`--sourcemap\`, \`GENERATE_SOURCEMAP=true\`, ...) and the final stage does not run node. With the build context, it also reports \`*.map\` files that a copy from the context brings into the final image.`,
    bad: 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npx vite build --sourcemap\n\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    good: 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npx vite build\n\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
  },
  check(ctx) {
    const last = finalStage(ctx);
    if (!last) return;
    const started = startedProgram(ctx, last);
    const runsNode = started ? /^(node|nodejs)$/.test(started.argv[0]?.split('/').pop() ?? '') : false;
    if (runsNode && started!.argv.includes('--enable-source-maps')) return;
    // Without the build context, only copies from a build stage can be reported, and none is when
    // the final stage runs node (its server may want the maps for stack traces).
    if (runsNode && !ctx.context) return;
    for (const { step, stage } of finalChainSteps(ctx)) {
      const i = step.instruction;
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const copy = i as CopyInstruction;
      if (copy.from === null && ctx.context) {
        for (const source of copy.sources) {
          const value = source.value.trim();
          if (value.includes('$') || GLOB.test(value) || /^[a-z]+:\/\//i.test(value)) continue;
          const rel = cleanPath(value).replace(/^\.\/?/, '').replace(/^\//, '');
          const maps = ctx.context.files
            .map((f) => f.path)
            .filter((p) => (rel === '' || rel === '.' || p === rel || p.startsWith(`${rel}/`)) && p.endsWith('.map') && !p.split('/').includes('node_modules'));
          if (maps.length === 0) continue;
          ctx.report({
            range: source.range,
            message: `This copy brings ${maps.length} source map${maps.length > 1 ? 's' : ''} from the build context into the final image (${listOf(maps, 3)}): they expose your original source. Exclude \`**/*.map\` in .dockerignore`,
          });
        }
        continue;
      }
      if (copy.from === null || runsNode) continue;
      const from = copyFromStage(ctx, stage, step);
      if (!from) continue;
      if (copy.sources.every((s) => /\.[a-z0-9]+$/i.test(s.value) && !s.value.endsWith('.map'))) continue;
      // Worked out once per stage however many copies take its files.
      const enabling = ctx.memo(sourceMapBuildLine, from);
      if (enabling === null) continue;
      ctx.report({
        range: copy.sources[0]?.range ?? copy.range,
        message: `The build on line ${enabling} generates source maps, and this copy takes its output into the final image: they expose your original source. Turn them off for the production build, or delete *.map before copying`,
      });
    }
  },
};
