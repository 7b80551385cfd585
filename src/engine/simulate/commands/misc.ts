import { argsWithoutFlags, flagValue, goFlag, hasFlag, programName } from '../../script/query.ts';
import { expandPath } from './files.ts';
import { cargoPackageName, cargoReleaseStrips } from '../../context/cargo-manifest.ts';
import type { CommandHandler, RunState } from './types.ts';
import type { FileTag } from '../types.ts';

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

/**
 * Release binary of a Rust web service, an ESTIMATE: about 20 MB, from a third-party report of a
 * ~22 MB gcr.io/distroless/static image for an Axum + sqlx + serde + tracing service
 * (muhammadamal.my.id/blog/rust-docker-image-small-distroless) less that base's 2.43 MB
 * (base-images.json). Small CLIs are a few MB; the figure is for a service with a web stack.
 */
const RUST_SERVICE_BINARY_BYTES = 20_000_000;

/** The text of the Cargo.toml copied into the RUN's directory, when the context gave it. */
function copiedCargoToml(state: Parameters<CommandHandler>[1]): string | null {
  const copied = state.fs.get(`${state.cwd === '/' ? '' : state.cwd}/Cargo.toml`);
  return (copied?.from !== undefined ? state.input.context?.find((f) => f.path === copied.from)?.text : undefined) ?? null;
}

/** Share of an unstripped binary that is symbols, when nothing better is known (the `strip` model's 30%). */
const SYMBOLS_SHARE = 0.3;

/**
 * `cargo build --release [--target TRIPLE]`: the program lands in target/[TRIPLE/]release/NAME.
 * Rust's std links glibc dynamically on *-linux-gnu targets; *-linux-musl targets link musl
 * statically (the Rust platform-support page), which is what lets a binary run on scratch.
 */
function cargoBuild(command: Parameters<CommandHandler>[0], state: Parameters<CommandHandler>[1], verb: string): void {
  const release = hasFlag(command, 'release', 'r');
  const profile = release ? 'release' : 'debug';
  const dir = state.cwd === '/' ? '' : state.cwd;
  const triple = flagValue(command, 'target') ?? state.vars.get('CARGO_BUILD_TARGET') ?? null;
  estimated(state, `${dir}/target`, release ? 400_000_000 : 800_000_000, `cargo ${verb} build artifacts`, ['build-output']);
  estimated(state, `${state.vars.get('CARGO_HOME') ?? '/usr/local/cargo'}/registry`, 150_000_000, 'cargo registry (downloaded crates)', ['cargo-registry']);
  const manifest = copiedCargoToml(state);
  const name = flagValue(command, 'bin') ?? (manifest !== null ? cargoPackageName(manifest) : null) ?? 'app';
  const envStrip = state.vars.get('CARGO_PROFILE_RELEASE_STRIP');
  const strips = release && ((manifest !== null && cargoReleaseStrips(manifest)) || envStrip === 'true' || envStrip === 'symbols');
  const full = release ? RUST_SERVICE_BINARY_BYTES : RUST_SERVICE_BINARY_BYTES * 5;
  const linkage: FileTag | null = triple === null ? 'glibc-dynamic' : /-musl/.test(triple) ? 'static' : /-gnu/.test(triple) ? 'glibc-dynamic' : null;
  const binary = `${dir}/target/${triple !== null ? `${triple}/` : ''}${profile}/${name}`;
  state.layer.add({
    path: binary,
    bytes: strips ? Math.round(full * (1 - SYMBOLS_SHARE)) : full,
    files: 1,
    tags: ['binary', ...(strips ? [] : (['unstripped'] as const)), ...(linkage !== null ? [linkage] : [])],
  });
  state.note(
    'estimate',
    `cargo ${verb}: the program ${name} is estimated at ${(RUST_SERVICE_BINARY_BYTES / 1e6).toFixed(0)} MB in release (a web service; debug builds about 5×)` +
      (strips ? `, less ${SYMBOLS_SHARE * 100}% of symbols stripped by the release profile` : ''),
  );
}

/** cargo, go, strip, gcc: compiled programs. */
export const compilers: CommandHandler = (command, state) => {
  const program = programName(command);
  const args = argsWithoutFlags(command, ['o', 'ldflags', 'p', 'bin', 'target']).map((w) => w.value);
  if (program === 'cargo') {
    if (args[0] === 'build' || args[0] === 'install') cargoBuild(command, state, args[0]);
    return true;
  }
  if (program === 'go') {
    if (args[0] === 'build' || args[0] === 'install') {
      const out = flagValue(command, 'o');
      const ldflags = goFlag(command, 'ldflags') ?? '';
      const stripped = /(^|\s)-s\b/.test(ldflags) && /(^|\s)-w\b/.test(ldflags);
      // Without cgo, Go links everything itself: the binary needs no libc (it runs on scratch).
      // state.vars holds the command's own NAME=value prefixes too (CGO_ENABLED=0 go build).
      const cgo = state.vars.get('CGO_ENABLED');
      const tags: FileTag[] = ['binary', ...(stripped ? [] : (['unstripped'] as const)), ...(cgo === '0' ? (['static'] as const) : [])];
      if (out) state.layer.add({ path: expandPath(out, state), bytes: stripped ? 8_000_000 : 12_000_000, files: 1, tags });
      estimated(state, '/root/.cache/go-build', 100_000_000, 'go build cache', ['generated']);
    } else if (args[0] === 'mod' && args[1] === 'download') {
      estimated(state, `${state.vars.get('GOPATH') ?? '/go'}/pkg/mod`, 100_000_000, 'go module cache', ['generated']);
    }
    return true;
  }
  if (C_COMPILERS.has(program)) {
    cCompile(command, state);
    return true;
  }
  if (program === 'strip') {
    let estimatedStrip = false;
    for (const w of argsWithoutFlags(command)) {
      const path = expandPath(w.value, state);
      const f = state.fs.get(path);
      // An already stripped binary (a stripping release profile, a second strip) stays as it is.
      if (!f || !f.tags.includes('unstripped')) continue;
      // A binary whose stripped size the model knows (gcc output) takes it; others lose an estimated 30%.
      const bytes = f.strippedBytes ?? Math.round(f.bytes * 0.7);
      if (f.strippedBytes === undefined) estimatedStrip = true;
      const { strippedBytes: _dropped, ...rest } = f;
      state.layer.add({ ...rest, bytes, tags: f.tags.filter((t) => t !== 'unstripped') });
    }
    if (estimatedStrip) state.note('estimate', 'strip: debug symbols estimated at 30% of the binary');
    return true;
  }
  return false;
};

const C_COMPILERS = new Set(['gcc', 'cc', 'g++', 'c++', 'clang', 'clang++']);

/**
 * What gcc links for a near-empty program (`int main(void){return 0;}`, gcc 12.2.0 on Debian 12
 * bookworm, -O2, measured for this model): -static 762,296 bytes, 682,696 after strip (glibc's
 * static startup, stdio and locale code); dynamic 15,832 bytes, 14,392 after strip.
 */
const GCC_EMPTY = { static: { bytes: 762_296, stripped: 682_696 }, dynamic: { bytes: 15_832, stripped: 14_392 } };

/**
 * `gcc [-static] -o OUT SRC...`: the program is the libc part above plus about one byte of code
 * per byte of source (an estimate: -O2 machine code is roughly as long as terse C source), which
 * for a small program is noise next to a static libc.
 */
function cCompile(command: Parameters<CommandHandler>[0], state: Parameters<CommandHandler>[1]): void {
  // gcc's options are whole words (`-static` is not -s -t -a ...).
  const option = (name: string) => command.args.some((a) => a.value === name);
  const out = flagValue(command, 'o');
  if ((option('-c') || option('-E') || option('-S')) && !out) return;
  // `-c` writes an object file: code only, no libc linked in.
  const linkage = option('-c')
    ? { bytes: 0, stripped: 0 }
    : option('-static')
      ? GCC_EMPTY.static
      : GCC_EMPTY.dynamic;
  let sourceBytes = 0;
  for (const w of argsWithoutFlags(command, ['o', 'I', 'L', 'l', 'D', 'x', 'include'])) {
    if (!/\.(c|cc|cpp|cxx|C|s|S)$/.test(w.value)) continue;
    const src = state.fs.get(expandPath(w.value, state));
    if (src) sourceBytes += src.bytes;
    else state.note('estimate', `${w.value}: source not in the modelled files, its code size is not counted`);
  }
  const path = expandPath(out ?? 'a.out', state);
  state.layer.add({
    path,
    bytes: linkage.bytes + sourceBytes,
    strippedBytes: linkage.stripped + sourceBytes,
    files: 1,
    tags: ['binary', 'unstripped'],
  });
  state.stage.tools.add(path.slice(path.lastIndexOf('/') + 1));
}

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
