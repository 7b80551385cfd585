import { argsWithoutFlags, hasFlag, programName } from '../../script/query.ts';
import type { ShellCommand } from '../../script/types.ts';
import type { NodeProjectData } from '../input.ts';
import { isUnder } from '../fs.ts';
import type { CommandHandler, RunState } from './types.ts';

/**
 * Used when a project has no measured data: the Fastify service measured in the reference data
 * (npm-sizes.json, svc-fastify: node_modules tar 28,323,840 bytes / 4,753 files with all
 * dependencies, 14,991,360 / 3,363 with --omit=dev, npm cache growth 7.0 MB for npm ci).
 * Exercises and the CLI normally provide measured figures; the simulator says when it estimates.
 */
const FALLBACK: NodeProjectData = {
  dir: '',
  allBytes: 28_323_840,
  allFiles: 4753,
  prodBytes: 14_991_360,
  prodFiles: 3363,
  cacheBytes: 7_043_644,
  buildOutputBytes: 1_000_000,
  source: 'no measured data for this project: figures of a small Fastify service (reference data, npm-sizes.json)',
};

function project(state: RunState): { data: NodeProjectData; dir: string } {
  const dir = state.cwd;
  const pkg = state.fs.get(`${dir === '/' ? '' : dir}/package.json`);
  const contextDir = pkg?.from !== undefined ? pkg.from.replace(/\/?package\.json$/, '') : null;
  const data = contextDir !== null ? state.input.nodeProjects?.find((p) => p.dir === contextDir) : undefined;
  if (!pkg) state.note('info', `no package.json in ${dir}: the install fails in a real build`);
  if (!data) {
    state.note('estimate', `node_modules size for ${dir}: no measured data for this project, estimated (${FALLBACK.source})`);
    return { data: FALLBACK, dir };
  }
  return { data, dir };
}

/**
 * gzip -6 / tar of real node_modules in the reference data (npm-sizes.json): 0.27 (Express +
 * Prisma), 0.21 (Vite + React), 0.18 (Fastify); 0.22 is their mean.
 */
const NODE_MODULES_GZIP = 0.22;

function modulesPath(dir: string): string {
  return `${dir === '/' ? '' : dir}/node_modules`;
}

function cached(state: RunState, path: string): boolean {
  return state.cacheMounts.some((m) => isUnder(path, m));
}

function production(command: ShellCommand, state: RunState): boolean {
  const omit = command.args.some((a) => /^--omit=dev$/.test(a.value)) || command.args.some((a, i) => a.value === '--omit' && command.args[i + 1]?.value === 'dev');
  const prodFlag = hasFlag(command, 'production', 'prod', 'P');
  const env = state.vars.get('NODE_ENV') === 'production' || command.assignments.some((a) => a.value === 'NODE_ENV=production');
  return omit || prodFlag || env;
}

function installModules(command: ShellCommand, state: RunState, cacheDir: string, cacheTag: 'npm-cache' | 'pnpm-store' | 'yarn-cache'): void {
  const { data, dir } = project(state);
  const prod = production(command, state);
  const tar = prod ? data.prodBytes : data.allBytes;
  const files = prod ? data.prodFiles : data.allFiles;
  state.layer.add({
    path: modulesPath(dir),
    bytes: tar,
    files,
    tarBytes: tar,
    gzipRatio: NODE_MODULES_GZIP,
    tags: prod ? ['node-modules'] : ['node-modules', 'dev-dependencies'],
    tree: true,
  });
  if (!cached(state, cacheDir)) {
    const previous = state.fs.get(cacheDir)?.bytes ?? 0;
    const cacheBytes = (prod ? data.prodCacheBytes : undefined) ?? data.cacheBytes ?? Math.round((prod ? data.prodBytes : data.allBytes) * 0.4);
    state.layer.add({ path: cacheDir, bytes: Math.max(previous, cacheBytes), files: Math.round(cacheBytes / 20000), tags: [cacheTag], tree: true });
  }
}

function prune(state: RunState): void {
  const { data, dir } = project(state);
  const path = modulesPath(dir);
  const current = state.fs.get(path);
  if (!current || !current.tags.includes('dev-dependencies')) return;
  state.layer.shrink(path, data.prodBytes, data.prodFiles, ['node-modules']);
  const after = state.fs.get(path);
  if (after) after.tarBytes = data.prodBytes;
}

function build(state: RunState): void {
  const { data, dir } = project(state);
  state.layer.add({ path: `${dir === '/' ? '' : dir}/dist`, bytes: data.buildOutputBytes ?? 1_000_000, files: 50, tags: ['build-output'], tree: true });
}

const GLOBAL_TOOL_BYTES: Record<string, number> = {};

function globalInstall(names: string[], state: RunState): void {
  for (const name of names) {
    const bare = name.replace(/@[^@/]+$/, '');
    state.stage.tools.add(bare);
    state.layer.add({ path: `/usr/local/lib/node_modules/${bare}`, bytes: GLOBAL_TOOL_BYTES[bare] ?? 10_000_000, files: 500, tags: ['global-tool'], tree: true });
    state.note('estimate', `npm install -g ${bare}: size estimated at 10 MB`);
  }
}

/** npm, pnpm, yarn, corepack, turbo, prisma, tsc/vite builds. */
export const node: CommandHandler = (command, state) => {
  const program = programName(command);
  const args = argsWithoutFlags(command).map((w) => w.value);
  const verb = args[0];
  switch (program) {
    case 'npm': {
      if (verb === 'ci' || verb === 'install' || verb === 'i' || verb === 'add') {
        if (hasFlag(command, 'g', 'global')) {
          globalInstall(args.slice(1), state);
          return true;
        }
        if (args.length > 1 && verb !== 'ci') state.note('estimate', `npm ${verb} ${args.slice(1).join(' ')}: extra packages not modelled beyond the project's`);
        installModules(command, state, '/root/.npm', 'npm-cache');
        return true;
      }
      if (verb === 'prune') {
        if (production(command, state)) prune(state);
        return true;
      }
      if (verb === 'cache' && (args[1] === 'clean' || args[1] === 'clear')) {
        state.layer.remove('/root/.npm');
        return true;
      }
      if (verb === 'run' || verb === 'run-script') {
        if (args[1] === 'build') build(state);
        else state.note('unknown-command', `npm run ${args[1] ?? ''}: what the script writes is not modelled`);
        return true;
      }
      return true;
    }
    case 'pnpm': {
      if (verb === 'install' || verb === 'i' || verb === 'add' || verb === 'fetch') {
        installModules(command, state, '/root/.local/share/pnpm/store', 'pnpm-store');
        return true;
      }
      if (verb === 'prune') {
        if (production(command, state)) prune(state);
        return true;
      }
      if (verb === 'store' && args[1] === 'prune') {
        state.layer.remove('/root/.local/share/pnpm/store');
        return true;
      }
      if (verb === 'build' || (verb === 'run' && args[1] === 'build')) {
        build(state);
        return true;
      }
      return true;
    }
    case 'yarn': {
      if (verb === undefined || verb === 'install' || verb === 'add') {
        installModules(command, state, '/usr/local/share/.cache/yarn', 'yarn-cache');
        return true;
      }
      if (verb === 'cache' && args[1] === 'clean') {
        state.layer.remove('/usr/local/share/.cache/yarn');
        return true;
      }
      if (verb === 'build' || (verb === 'run' && args[1] === 'build')) {
        build(state);
        return true;
      }
      return true;
    }
    case 'corepack':
      if (verb === 'enable') for (const t of ['pnpm', 'yarn']) state.stage.tools.add(t);
      else if (verb === 'prepare' || verb === 'install') {
        state.layer.add({ path: '/root/.cache/node/corepack', bytes: 5_000_000, files: 50, tags: ['global-tool'], tree: true });
        state.note('estimate', 'corepack prepare: package manager download estimated at 5 MB');
      }
      return true;
    case 'npx':
    case 'turbo':
    case 'prisma': {
      const tool = program === 'npx' ? args[0] : program;
      const sub = program === 'npx' ? args[1] : args[0];
      if (tool === 'turbo' && sub === 'prune') {
        // `turbo prune --docker` writes out/json (manifests) and out/full (sources) of one app.
        state.layer.add({ path: `${state.cwd === '/' ? '' : state.cwd}/out`, bytes: 2_000_000, files: 200, tags: ['generated'], tree: true });
        state.note('estimate', 'turbo prune --docker: the pruned workspace is estimated at 2 MB of sources and manifests');
        return true;
      }
      if (tool === 'prisma' && sub === 'generate') {
        state.layer.add({ path: `${state.cwd === '/' ? '' : state.cwd}/node_modules/.prisma`, bytes: 20_000_000, files: 20, tags: ['generated'], tree: true });
        state.note('estimate', 'prisma generate: generated client and query engine estimated at 20 MB');
        return true;
      }
      if (tool === 'tsc' || tool === 'vite' || tool === 'next' || tool === 'webpack') {
        build(state);
        return true;
      }
      state.note('unknown-command', `${program} ${args.join(' ')}: what it writes is not modelled`);
      return true;
    }
    case 'tsc':
    case 'vite':
      build(state);
      return true;
    default:
      return false;
  }
};
