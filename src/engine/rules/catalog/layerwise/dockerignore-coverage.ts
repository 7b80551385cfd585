import { programName } from '../../../script/index.ts';
import type { Range } from '../../../parse/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { contextDirectoryCopies, isBuildFile, isUnderDir, megabytes } from './context-copies.ts';
import { commandsOf, listOf, subcommand } from './support.ts';

/** Directories that never belong in an image's build context. */
const ALWAYS = new Set(['node_modules', '.git', 'coverage', '.nyc_output', '.venv', '.pytest_cache', '.terraform']);
/** Build outputs: unwanted when the Dockerfile builds them itself. */
const BUILD_OUTPUTS = new Set(['dist', 'build', '.next', '.nuxt', '.svelte-kit', 'target', 'out']);

/** Whether some stage runs a build whose output a copied build directory would duplicate. */
function dockerfileBuilds(ctx: RuleContext): boolean {
  for (const stage of ctx.resolved.stages) {
    for (const step of stage.steps) {
      if (step.instruction.keyword !== 'RUN') continue;
      for (const { command } of commandsOf(ctx, step.instruction)) {
        const prog = programName(command);
        const verb = subcommand(command);
        const args = command.args.map((a) => a.value);
        if ((prog === 'npm' || prog === 'yarn' || prog === 'pnpm') && (verb === 'build' || (verb === 'run' && /build/.test(args.find((a) => !a.startsWith('-') && a !== 'run') ?? '')))) return true;
        if ((prog === 'cargo' || prog === 'go') && verb === 'build') return true;
        if (['mvn', 'mvnw', 'gradle', 'gradlew', 'tsc', 'vite', 'next', 'nuxt', 'webpack'].includes(prog)) return true;
        if (prog === 'npx' && /^(tsc|vite|next|nuxt|webpack|ng)$/.test(verb ?? '')) return true;
      }
    }
  }
  return false;
}

/** The unwanted directories present in the context, each with its size. */
function unwanted(paths: readonly { path: string; bytes: number }[], builds: boolean): Map<string, number> {
  const found = new Map<string, number>();
  for (const f of paths) {
    const parts = f.path.split('/');
    for (let i = 0; i < parts.length - 1; i++) {
      const name = parts[i]!;
      if (ALWAYS.has(name) || (builds && BUILD_OUTPUTS.has(name))) {
        const dir = parts.slice(0, i + 1).join('/');
        found.set(dir, (found.get(dir) ?? 0) + f.bytes);
        break;
      }
    }
  }
  return found;
}

function describe(found: Map<string, number>, limit = 5): string {
  const entries = [...found].sort((a, b) => b[1] - a[1]).map(([dir, bytes]) => `${dir}/ (${megabytes(bytes)})`);
  return listOf(entries, limit);
}

export const dockerignoreCoverage: Rule = {
  id: 'dockerignore-coverage',
  title: 'Keep node_modules, .git and build output out of the build context',
  severity: 'warning',
  category: 'cache',
  aliases: {},
  needsContext: true,
  docs: {
    rationale: `Before building, Docker sends the **build context** (the directory you pass to \`docker build\`) to the builder, and \`COPY . .\` copies all of it into the image. Without a \`.dockerignore\`, that includes your local \`node_modules\` (413 MB for the Express + Prisma API of Layerwise's reference measurements, and built for your machine, not the image's platform), the whole \`.git\` history, test coverage reports and old build output. The cost is threefold:
- **time**: it is transferred on every build;
- **cache**: any change in those files (a \`git commit\` changes \`.git\`) invalidates the \`COPY\` and every layer after it;
- **correctness and size**: a host \`node_modules\` copied over the one installed in the image can break native modules, and everything copied ships.

Add a \`.dockerignore\` next to the Dockerfile:

\`\`\`
node_modules
.git
coverage
dist
*.log
.env*
\`\`\`

The rule needs the build context. It reports a context without any ignore file (when it holds more than the Dockerfile), and, with one, the directories it lets through that a \`COPY\` of a directory would take: \`node_modules\`, \`.git\`, \`coverage\`, \`.venv\`, and build output (\`dist\`, \`build\`, \`.next\`, \`target\`, ...) when the Dockerfile runs the build itself. Secrets such as \`.env\` are the subject of *secrets-in-context*.`,
    bad: '# build context: Dockerfile, package.json, src/, node_modules/, .git/ (no .dockerignore)\nFROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "src/server.js"]\n',
    good: '# build context: Dockerfile, .dockerignore (node_modules, .git), package.json, src/\nFROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "src/server.js"]\n',
  },
  check(ctx) {
    const context = ctx.context;
    if (!context) return;
    const files = context.files.filter((f) => !isBuildFile(f.path));
    const copies = contextDirectoryCopies(ctx, context.files.map((f) => f.path));
    const found = unwanted(files, dockerfileBuilds(ctx));
    if (context.ignoreFile === null) {
      if (files.length === 0) return;
      const first = copies[0];
      const from = ctx.resolved.stages[0]?.from;
      const range: Range | null = first ? first.source.range : (from?.range ?? null);
      if (!range) return;
      ctx.report({
        range,
        message: `There is no .dockerignore: the whole directory is sent to the builder${first ? ` and copied by this ${first.copy.keyword}` : ''}${found.size > 0 ? `, including ${describe(found)}` : ''}. Add a .dockerignore`,
      });
      return;
    }
    for (const c of copies) {
      const inside = new Map([...found].filter(([dir]) => isUnderDir(dir, c.dir)));
      if (inside.size === 0) continue;
      ctx.report({
        range: c.source.range,
        message: `${context.ignoreFile} lets ${describe(inside)} into the build context, and this ${c.copy.keyword} copies ${inside.size > 1 ? 'them' : 'it'} into the image: add ${inside.size > 1 ? 'them' : 'it'} to ${context.ignoreFile}`,
      });
    }
  },
};
