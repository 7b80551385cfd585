import { argsWithoutFlags, flagValue, hasFlag, programName } from '../../script/query.ts';
import { expandPath } from './files.ts';
import type { ShellCommand } from '../../script/types.ts';
import type { NodeProjectData } from '../input.ts';
import { isUnder } from '../fs.ts';
import { devDependenciesImported, needsGeneratedPrismaClient } from '../imports.ts';
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

/** The Node project at `at` (the RUN's directory by default) and its measured data. */
function project(state: RunState, at: string = state.cwd): { data: NodeProjectData; dir: string } {
  const dir = at;
  const pkg = state.fs.get(`${dir === '/' ? '' : dir}/package.json`);
  const contextDir = pkg?.from !== undefined ? pkg.from.replace(/\/?package\.json$/, '') : null;
  const projects = state.input.nodeProjects ?? [];
  // A workspace root as `turbo prune NAME` left it installs only NAME's part of the workspace.
  const pruned = contextDir !== null && pkg?.prunedFor !== undefined ? projects.find((p) => p.dir === contextDir && p.prunedFor === pkg.prunedFor) : undefined;
  const data = pruned ?? (contextDir !== null ? projects.find((p) => p.dir === contextDir && p.prunedFor === undefined) : undefined);
  if (pkg?.prunedFor !== undefined && !pruned && data) {
    state.note('estimate', `the workspace pruned for ${pkg.prunedFor}: no measured install of it, the whole workspace's figures are used (an upper bound)`);
  }
  if (!pkg) state.note('info', `no package.json in ${dir}: the install fails in a real build`);
  if (!data) {
    state.note('estimate', `node_modules size for ${dir}: no measured data for this project, estimated (${FALLBACK.source})`);
    return { data: FALLBACK, dir };
  }
  return { data, dir };
}

/**
 * The directory of the workspace package `pnpm --filter NAME` selects: the copied package.json
 * whose context file names it. Null without a filter; the RUN's directory when no package matches.
 */
function filteredDir(command: ShellCommand, state: RunState): string | null {
  const name = flagValue(command, 'filter', 'F');
  if (name === null) return null;
  for (const file of state.input.context ?? []) {
    if (!file.path.endsWith('package.json') || file.text === undefined) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(file.text);
    } catch {
      continue;
    }
    if ((parsed as { name?: unknown } | null)?.name !== name) continue;
    const rel = file.path.replace(/\/?package\.json$/, '');
    // Where the package landed: the copied package.json that came from this context file.
    const copied = state.fs.withTag('context').find((f) => f.from === file.path);
    if (copied) return copied.path.replace(/\/package\.json$/, '') || '/';
    return rel === '' ? state.cwd : `${state.cwd === '/' ? '' : state.cwd}/${rel}`;
  }
  state.note('info', `pnpm --filter ${name}: no package.json in the context names it; the whole workspace is assumed`);
  return null;
}

/**
 * gzip -6 / tar of real node_modules in the reference data (npm-sizes.json): 0.27 (Express +
 * Prisma), 0.21 (Vite + React), 0.18 (Fastify); 0.22 is their mean.
 */
const NODE_MODULES_GZIP = 0.22;

/**
 * npm cache growth per node_modules tar byte when a project has no cache figure: 0.26, from
 * 119.7/420.9 MB, 33.0/125.2 MB and 7.0/28.3 MB measured in the reference data (npm-sizes.json),
 * the ratio src/node/node-projects.ts uses too.
 */
const CACHE_PER_INSTALLED_BYTE = 0.26;

function modulesPath(dir: string): string {
  return `${dir === '/' ? '' : dir}/node_modules`;
}

function cached(state: RunState, path: string): boolean {
  return state.cacheMounts.some((m) => isUnder(path, m));
}

type InstallKind = 'all' | 'prod' | 'prod-no-optional';

function production(command: ShellCommand, state: RunState): boolean {
  return installKind(command, state) !== 'all';
}

/** Which dependencies an install keeps: dev ones left out by --omit=dev, --prod, NODE_ENV=production; optional ones by --omit=optional too. */
function installKind(command: ShellCommand, state: RunState): InstallKind {
  const omitted = (what: string) =>
    command.args.some((a) => a.value === `--omit=${what}`) || command.args.some((a, i) => a.value === '--omit' && command.args[i + 1]?.value === what);
  const prodFlag = hasFlag(command, 'production', 'prod', 'P');
  // state.vars holds the command's own prefixes too (NODE_ENV=production npm ci).
  const env = state.vars.get('NODE_ENV') === 'production';
  if (!(omitted('dev') || prodFlag || env)) return 'all';
  return omitted('optional') || hasFlag(command, 'no-optional') ? 'prod-no-optional' : 'prod';
}

/** Tar bytes and files of node_modules for an install kind. */
function modulesSize(data: NodeProjectData, kind: InstallKind, state: RunState): { tar: number; files: number } {
  if (kind === 'all') return { tar: data.allBytes, files: data.allFiles };
  if (kind === 'prod-no-optional') {
    if (data.prodNoOptionalBytes !== undefined) return { tar: data.prodNoOptionalBytes, files: data.prodNoOptionalFiles ?? data.prodFiles };
    state.note('estimate', 'npm --omit=optional: no measured size without optional dependencies; the production size is used');
  }
  return { tar: data.prodBytes, files: data.prodFiles };
}

function installModules(command: ShellCommand, state: RunState, cacheDir: string, cacheTag: 'npm-cache' | 'pnpm-store' | 'yarn-cache', at?: string): void {
  const { data, dir } = project(state, at);
  const kind = installKind(command, state);
  const prod = kind !== 'all';
  const { tar, files } = modulesSize(data, kind, state);
  const pkg = state.fs.get(`${dir === '/' ? '' : dir}/package.json`);
  const lockfiles = ['package-lock.json', 'npm-shrinkwrap.json'].map((name) => state.fs.get(`${dir === '/' ? '' : dir}/${name}`));
  if (programName(command) === 'npm' && argsWithoutFlags(command)[0]?.value === 'ci' && pkg && !lockfiles.some(Boolean)) {
    state.note('build-error', `npm ci in ${dir}: there is no package-lock.json (or npm-shrinkwrap.json) beside package.json, and npm ci refuses to install without one`);
  }
  // A production install leaves out the dev dependencies; the project's code may still import one.
  const contextDir = pkg?.from?.replace(/\/?package\.json$/, '');
  const missingImports = prod && contextDir !== undefined ? devDependenciesImported(state.input.context ?? [], contextDir) : [];
  const prismaClientFor = contextDir !== undefined ? needsGeneratedPrismaClient(state.input.context ?? [], contextDir) : null;
  state.layer.add({
    ...(missingImports.length ? { missingImports } : {}),
    ...(prismaClientFor ? { prismaClientFor } : {}),
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
    // The cache holds the tarballs of what was installed. A measured production-only cache wins;
    // otherwise the measured (all-dependency) cache scales with the node_modules installed.
    const installed = tar;
    const measuredProd = prod ? data.prodCacheBytes : undefined;
    const cacheBytes =
      measuredProd ??
      (data.cacheBytes !== undefined ? Math.round((data.cacheBytes * installed) / Math.max(1, data.allBytes)) : Math.round(installed * CACHE_PER_INSTALLED_BYTE));
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

/** The build output of the workspace package in `dir` (turbo's builds). */
export function buildPackage(state: RunState, dir: string): void {
  build(state, dir);
}

function build(state: RunState, at?: string): void {
  const { data, dir } = project(state, at);
  state.layer.add({ path: `${dir === '/' ? '' : dir}/dist`, bytes: data.buildOutputBytes ?? 1_000_000, files: 50, tags: ['build-output'], tree: true });
}

/** Directories of the workspace packages below the RUN's directory: each copied package.json with measured data. */
function workspacePackages(state: RunState): string[] {
  const root = state.cwd === '/' ? '' : state.cwd;
  return state.fs
    .withTag('context')
    .filter((f) => f.path.startsWith(`${root}/`) && f.path.endsWith('/package.json') && f.path !== `${root}/package.json` && !f.path.includes('/node_modules/'))
    .filter((f) => f.from !== undefined && state.input.nodeProjects?.some((p) => p.dir !== '' && `${p.dir}/package.json` === f.from))
    .map((f) => f.path.slice(0, -'/package.json'.length));
}

/**
 * `pnpm --filter NAME deploy [--prod] DIR`: a standalone copy of one workspace package, its
 * files and its own node_modules (production only with --prod), ready to COPY into a slim stage.
 */
function deploy(command: ShellCommand, state: RunState, target: string | undefined): void {
  const source = filteredDir(command, state);
  if (!target || source === null) {
    state.note('info', 'pnpm deploy needs --filter and a target directory');
    return;
  }
  const out = expandPath(target, state);
  const { data } = project(state, source);
  const kind = installKind(command, state);
  for (const f of state.fs.under(source)) {
    if (/(^|\/)node_modules(\/|$)/.test(f.path.slice(source.length))) continue;
    state.layer.add({ ...f, tags: [...f.tags], path: `${out}${f.path.slice(source.length)}` });
  }
  const { tar, files } = modulesSize(data, kind, state);
  state.layer.add({
    path: `${out}/node_modules`,
    bytes: tar,
    files,
    tarBytes: tar,
    gzipRatio: NODE_MODULES_GZIP,
    tags: kind === 'all' ? ['node-modules', 'dev-dependencies'] : ['node-modules'],
    tree: true,
  });
}

/** No global tool's size is recorded: each is estimated at 10 MB, and the simulation says so. */
const GLOBAL_TOOL_BYTES = 10_000_000;

function globalInstall(names: string[], state: RunState): void {
  for (const name of names) {
    const bare = name.replace(/@[^@/]+$/, '');
    state.stage.tools.add(bare);
    state.layer.add({ path: `/usr/local/lib/node_modules/${bare}`, bytes: GLOBAL_TOOL_BYTES, files: 500, tags: ['global-tool'], tree: true });
    state.note('estimate', `npm install -g ${bare}: size estimated at ${GLOBAL_TOOL_BYTES / 1e6} MB`);
  }
}

/** pnpm's content store: $PNPM_HOME/store when PNPM_HOME is set, else ~/.local/share/pnpm/store (pnpm's store-dir setting). */
function pnpmStore(state: RunState): string {
  const home = state.vars.get('PNPM_HOME');
  return home ? `${home.replace(/\/$/, '')}/store` : '/root/.local/share/pnpm/store';
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
      // --filter/-F/-C/--dir take a value: it is not the verb.
      const [verb, ...rest] = argsWithoutFlags(command, ['filter', 'F', 'C', 'dir']).map((w) => w.value);
      const at = filteredDir(command, state) ?? undefined;
      if (verb === 'install' || verb === 'i' || verb === 'add' || verb === 'fetch') {
        installModules(command, state, pnpmStore(state), 'pnpm-store', at);
        return true;
      }
      if (verb === 'deploy') {
        deploy(command, state, rest[0]);
        return true;
      }
      if (verb === 'prune') {
        if (production(command, state)) prune(state);
        return true;
      }
      if (verb === 'store' && rest[0] === 'prune') {
        state.layer.remove(pnpmStore(state));
        return true;
      }
      if (verb === 'build' || (verb === 'run' && rest[0] === 'build')) {
        // `pnpm -r build` builds every workspace package that was copied in, each into its own dist.
        const packages = hasFlag(command, 'r', 'recursive') && at === undefined ? workspacePackages(state) : [];
        if (packages.length === 0) build(state, at);
        for (const dir of packages) build(state, dir);
        return true;
      }
      if (verb !== undefined && !['config', 'env', 'setup', '--version'].includes(verb)) {
        state.note('unknown-command', `pnpm ${verb}: what it writes is not modelled`);
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
