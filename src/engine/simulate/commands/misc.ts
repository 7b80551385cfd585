import { argsWithoutFlags, flagValue, hasFlag, programName } from '../../script/query.ts';
import { expandPath } from './files.ts';
import type { CommandHandler, RunState } from './types.ts';

/** Programs that need the network or a build, whose output size the simulator can only estimate. */
function estimated(state: RunState, path: string, bytes: number, what: string, tags: Parameters<RunState['layer']['add']>[0]['tags']): void {
  if (state.cacheMounts.some((m) => path === m || path.startsWith(`${m}/`))) return;
  state.layer.add({ path, bytes, files: Math.max(1, Math.round(bytes / 50_000)), tags, tree: true });
  state.note('estimate', `${what}: estimated at ${(bytes / 1e6).toFixed(1)} MB`);
}

/** apk (Alpine). */
export const apk: CommandHandler = (command, state) => {
  if (programName(command) !== 'apk') return false;
  const [verb, ...pkgs] = argsWithoutFlags(command, ['X', 'repository', 't', 'virtual']).map((w) => w.value);
  if (verb === 'add') {
    for (const p of pkgs) state.stage.tools.add(p.split('=')[0]!);
    estimated(state, `/usr/lib/.layerwise-apk/${pkgs.join('+')}`, 3_000_000 * Math.max(1, pkgs.length), `apk add ${pkgs.join(' ')} (apk package sizes are not recorded)`, ['apk-package']);
    // Without --no-cache, apk keeps the package index in /var/cache/apk.
    if (!hasFlag(command, 'no-cache')) estimated(state, '/var/cache/apk', 2_500_000, 'apk index cache', ['apk-cache']);
  } else if (verb === 'del') {
    state.layer.remove(`/usr/lib/.layerwise-apk/${pkgs.join('+')}`);
    const virtual = state.fs.withTag('apk-package').find((f) => pkgs.some((p) => f.path.includes(p)));
    if (virtual) state.layer.remove(virtual.path);
  }
  return true;
};

/** pip. */
export const pip: CommandHandler = (command, state) => {
  const program = programName(command);
  const isPip = program === 'pip' || program === 'pip3' || ((program === 'python' || program === 'python3') && command.args[1]?.value === 'pip');
  if (!isPip) return false;
  const args = argsWithoutFlags(command, ['r', 'requirement', 'c', 'i', 'index-url', 't', 'target']).map((w) => w.value);
  const verb = args[program.startsWith('pip') ? 0 : 1];
  if (verb !== 'install') return true;
  estimated(state, '/usr/local/lib/python3/site-packages/.layerwise', 30_000_000, 'pip install (Python package sizes are not recorded)', ['python-package']);
  const noCache = hasFlag(command, 'no-cache-dir') || state.vars.get('PIP_NO_CACHE_DIR') !== undefined;
  if (!noCache) estimated(state, '/root/.cache/pip', 15_000_000, 'pip download cache', ['pip-cache']);
  return true;
};

/** cargo, go, strip, gcc: compiled programs. */
export const compilers: CommandHandler = (command, state) => {
  const program = programName(command);
  const args = argsWithoutFlags(command, ['o', 'ldflags', 'p', 'bin', 'target']).map((w) => w.value);
  if (program === 'cargo') {
    if (args[0] === 'build' || args[0] === 'install') {
      const release = hasFlag(command, 'release', 'r');
      estimated(state, `${state.cwd === '/' ? '' : state.cwd}/target`, release ? 400_000_000 : 800_000_000, `cargo ${args[0]} build artifacts`, ['build-output']);
      estimated(state, `${state.vars.get('CARGO_HOME') ?? '/usr/local/cargo'}/registry`, 150_000_000, 'cargo registry (downloaded crates)', ['cargo-registry']);
      const binary = `${state.cwd === '/' ? '' : state.cwd}/target/${release ? 'release' : 'debug'}/app`;
      state.layer.add({ path: binary, bytes: 15_000_000, files: 1, tags: ['binary', 'unstripped'] });
    }
    return true;
  }
  if (program === 'go') {
    if (args[0] === 'build' || args[0] === 'install') {
      const out = flagValue(command, 'o');
      const stripped = /-s\b/.test(flagValue(command, 'ldflags') ?? '') && /-w\b/.test(flagValue(command, 'ldflags') ?? '');
      if (out) state.layer.add({ path: expandPath(out, state), bytes: stripped ? 8_000_000 : 12_000_000, files: 1, tags: stripped ? ['binary'] : ['binary', 'unstripped'] });
      estimated(state, '/root/.cache/go-build', 100_000_000, 'go build cache', ['generated']);
    } else if (args[0] === 'mod' && args[1] === 'download') {
      estimated(state, `${state.vars.get('GOPATH') ?? '/go'}/pkg/mod`, 100_000_000, 'go module cache', ['generated']);
    }
    return true;
  }
  if (program === 'strip') {
    for (const w of argsWithoutFlags(command)) {
      const path = expandPath(w.value, state);
      const f = state.fs.get(path);
      if (f) state.layer.add({ ...f, bytes: Math.round(f.bytes * 0.7), tags: f.tags.filter((t) => t !== 'unstripped') });
    }
    state.note('estimate', 'strip: debug symbols estimated at 30% of the binary');
    return true;
  }
  return false;
};

/** curl and wget: downloads of unknown size. */
export const downloads: CommandHandler = (command, state) => {
  const program = programName(command);
  if (program !== 'curl' && program !== 'wget') return false;
  const out = program === 'curl' ? flagValue(command, 'o', 'output') : flagValue(command, 'O', 'output-document');
  const piped = command.connector === '|' || command.redirects.length > 0;
  if (out && out !== '-') estimated(state, expandPath(out, state), 10_000_000, `${program} download to ${out}`, ['download']);
  else if (program === 'wget' && !piped) {
    const url = argsWithoutFlags(command).at(-1)?.value ?? 'download';
    estimated(state, expandPath(url.slice(url.lastIndexOf('/') + 1) || 'index.html', state), 10_000_000, `wget ${url}`, ['download']);
  }
  return true;
};
