import { argsWithoutFlags, flagValue, hasFlag, programName } from '../../script/query.ts';
import type { ShellCommand } from '../../script/types.ts';
import { cleanPath } from '../fs.ts';
import { buildPackage } from './node.ts';
import type { CommandHandler, RunState } from './types.ts';
import { contextPackages, landedPath, withInternalDependencies, type WorkspacePackage } from './workspace.ts';

/** Lockfiles turbo prune knows, the first found at the workspace root is pruned. */
const LOCKFILES = ['pnpm-lock.yaml', 'package-lock.json', 'yarn.lock', 'bun.lock'];
/** Root files `turbo prune` copies besides the packages (observed with turbo 2.11: out/full holds these, not other root files such as a tsconfig.base.json). */
const ROOT_FILES = ['package.json', 'turbo.json', 'pnpm-workspace.yaml', '.gitignore'];

function rel(root: string, path: string): string {
  return path.slice(root === '/' ? 1 : root.length + 1);
}

/**
 * `turbo prune NAME... [--docker] [--out-dir DIR]` (and turbo 1's `--scope=NAME`): a copy of the
 * workspace with only NAME and the workspace packages it depends on. With --docker (as turbo 2.11
 * writes it, checked on this exercise's monorepo): out/json holds the root and kept packages'
 * package.json files with the pruned lockfile and pnpm-workspace.yaml, out/full their sources
 * and the root's package.json, turbo.json, pnpm-workspace.yaml and .gitignore, out/ the pruned
 * lockfile again. Copies keep their context origin, so the build cache sees that an edit to a
 * package left out does not change them.
 */
function prune(command: ShellCommand, state: RunState, args: string[]): void {
  const root = state.cwd;
  const names = [...args, ...(flagValue(command, 'scope') !== null ? [flagValue(command, 'scope')!] : [])];
  const packages = contextPackages(state).filter((p) => p.dir !== '');
  const kept = withInternalDependencies(packages, names);
  const missing = names.filter((n) => !packages.some((p) => p.name === n));
  if (names.length === 0 || missing.length > 0) {
    state.note('build-error', names.length === 0 ? 'turbo prune needs the name of a workspace package' : `turbo prune: no workspace package named ${missing.join(', ')} in the copied context`);
    return;
  }
  const out = cleanPath(flagValue(command, 'out-dir') ?? 'out', root);
  const docker = hasFlag(command, 'docker');
  const full = docker ? `${out}/full` : out;
  const keptDirs = kept.map((p) => landedPath(state, `${p.dir}/package.json`)?.replace(/\/package\.json$/, '')).filter((d): d is string => d !== undefined);
  const copy = (path: string, to: string, prunedFor?: string) => {
    const f = state.fs.get(path);
    if (f) state.layer.add({ ...f, tags: [...f.tags], path: to, ...(prunedFor !== undefined ? { prunedFor } : {}) });
  };
  const target = names.join(' ');
  for (const name of ROOT_FILES) copy(`${root === '/' ? '' : root}/${name}`, `${full}/${name}`, name === 'package.json' ? target : undefined);
  for (const dir of keptDirs) {
    for (const f of state.fs.under(dir)) {
      if (/(^|\/)(node_modules|dist|\.turbo)(\/|$)/.test(f.path.slice(dir.length))) continue;
      copy(f.path, `${full}/${rel(root, f.path)}`);
    }
  }
  const lockfile = LOCKFILES.map((name) => `${root === '/' ? '' : root}/${name}`).find((p) => state.fs.get(p));
  if (lockfile) {
    // The pruned lockfile keeps only the kept packages' entries; its size is not modelled (the full one's is used).
    const name = lockfile.slice(lockfile.lastIndexOf('/') + 1);
    copy(lockfile, `${out}/${name}`);
    if (docker) copy(lockfile, `${out}/json/${name}`);
  } else state.note('info', 'turbo prune: no lockfile at the workspace root, so none is pruned');
  if (docker) {
    copy(`${root === '/' ? '' : root}/package.json`, `${out}/json/package.json`, target);
    copy(`${root === '/' ? '' : root}/pnpm-workspace.yaml`, `${out}/json/pnpm-workspace.yaml`);
    copy(`${root === '/' ? '' : root}/pnpm-workspace.yaml`, `${out}/pnpm-workspace.yaml`);
    for (const dir of keptDirs) copy(`${dir}/package.json`, `${out}/json/${rel(root, dir)}/package.json`);
  }
}

/** `--filter=NAME`, `--filter NAME`, `-F NAME`, with turbo's `...` dependency markers and `./dir` paths. */
function filters(command: ShellCommand, packages: readonly WorkspacePackage[]): string[] | null {
  const values: string[] = [];
  command.args.forEach((a, i) => {
    const m = /^--filter=(.+)$/.exec(a.value);
    if (m) values.push(m[1]!);
    else if ((a.value === '--filter' || a.value === '-F') && command.args[i + 1]) values.push(command.args[i + 1]!.value);
  });
  if (values.length === 0) return null;
  return values.map((v) => {
    const bare = v.replace(/^\.\.\.|\.\.\.$/g, '').replace(/^\{|\}$/g, '');
    const byDir = packages.find((p) => `./${p.dir}` === bare || p.dir === bare);
    return byDir ? byDir.name : bare;
  });
}

/** `turbo run build` / `turbo build` (with --filter): builds the packages and the workspace packages they depend on (`dependsOn: ["^build"]`). */
function runBuild(command: ShellCommand, state: RunState): void {
  const packages = contextPackages(state).filter((p) => p.dir !== '' && landedPath(state, `${p.dir}/package.json`) !== null);
  const names = filters(command, packages);
  const selected = names === null ? packages : withInternalDependencies(packages, names);
  if (names !== null && selected.length === 0) state.note('info', `turbo --filter ${names.join(' ')}: no such package in the copied workspace`);
  for (const p of selected) buildPackage(state, landedPath(state, `${p.dir}/package.json`)!.replace(/\/package\.json$/, '') || '/');
}

/** turbo itself, or through `npx turbo`, `pnpm turbo`, `pnpm exec turbo`, `pnpm dlx turbo@2`, `yarn turbo`. */
export const turbo: CommandHandler = (command, state) => {
  const program = programName(command);
  const words = argsWithoutFlags(command, ['filter', 'F', 'out-dir', 'scope', 'concurrency']).map((w) => w.value);
  // `turbo@2.11.11` as npx and pnpm dlx name it.
  const isTurbo = (word: string | undefined) => word !== undefined && /^turbo(@[^/\s]+)?$/.test(word);
  let rest: string[];
  if (program === 'turbo') rest = words;
  else if ((program === 'npx' || program === 'pnpm' || program === 'yarn' || program === 'bunx') && isTurbo(words[0])) rest = words.slice(1);
  else if ((program === 'pnpm' || program === 'npm') && (words[0] === 'exec' || words[0] === 'dlx') && isTurbo(words[1])) rest = words.slice(2);
  else return false;
  const [verb, ...args] = rest;
  if (verb === 'prune') prune(command, state, args);
  else if ((verb === 'run' && args[0] === 'build') || verb === 'build') runBuild(command, state);
  else state.note('unknown-command', `turbo ${rest.join(' ')}: what it writes is not modelled`);
  return true;
};
