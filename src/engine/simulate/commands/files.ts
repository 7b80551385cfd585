import { argsWithoutFlags, flagValue, hasFlag, programName } from '../../script/query.ts';
import type { ShellCommand } from '../../script/types.ts';
import { cleanPath, isUnder } from '../fs.ts';
import { RANDOM_GZIP_RATIO, TEXT_GZIP_RATIO, ZEROS_GZIP_RATIO } from '../compression.ts';
import type { FileTag } from '../types.ts';
import type { CommandHandler, RunState } from './types.ts';

/** Expands `$VAR`/`${VAR}` from the RUN's environment, and `~` to the home of root. */
export function expandPath(word: string, state: RunState): string {
  const expanded = word
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a: string | undefined, b: string | undefined) => state.vars.get((a ?? b)!) ?? '')
    .replace(/^~(?=\/|$)/, '/root');
  return cleanPath(expanded, state.cwd);
}

/** Paths a glob like `/var/lib/apt/lists/*` or `/tmp/*.deb` matches among modelled files. */
function matchGlob(pattern: string, state: RunState): string[] {
  if (!/[*?[]/.test(pattern)) return [pattern];
  const dir = pattern.slice(0, pattern.search(/[*?[]/)).replace(/\/[^/]*$/, '') || '/';
  const re = new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|\\\]]/g, '\\$&')))
      .join('')}$`,
  );
  const out = new Set<string>();
  for (const f of state.fs.under(dir)) {
    // A modelled tree at exactly `dir/*` level, or any path whose prefix matches.
    const parts = f.path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/') || '/';
      if (re.test(prefix)) out.add(prefix);
    }
    // `rm -rf /var/lib/apt/lists/*` empties a tree modelled as one path.
    if (f.tree && re.test(`${f.path}/x`)) out.add(f.path);
  }
  return [...out];
}

function remove(command: ShellCommand, state: RunState): void {
  for (const word of argsWithoutFlags(command)) {
    for (const path of matchGlob(expandPath(word.value, state), state)) {
      if (path === '/') continue;
      state.layer.remove(path);
    }
  }
}

/** A file written by the command: `> file`, `head -c N`, `dd`, `touch`, `mkdir`. */
function write(state: RunState, path: string, bytes: number, tags: FileTag[] = ['generated'], gzipRatio?: number): void {
  if (state.cacheMounts.some((m) => isUnder(path, m))) return;
  state.layer.add({ path, bytes, files: 1, tags, ...(gzipRatio !== undefined ? { gzipRatio } : {}) });
}

/**
 * How well bytes read from a device compress: zeros to almost nothing (gzip's longest match
 * repeats, about 1/1000), the kernel's random generator not at all (gzip adds its block headers).
 */
function deviceGzipRatio(device: string | undefined): number | undefined {
  if (device === '/dev/zero') return ZEROS_GZIP_RATIO;
  if (device === '/dev/urandom' || device === '/dev/random') return RANDOM_GZIP_RATIO;
  return undefined;
}

/**
 * Bytes `seq [FIRST [INCREMENT]] LAST` prints: every integer and a newline. Null when the
 * arguments are not plain integers (a format, a fractional step): then the size is not modelled.
 */
export function seqOutputBytes(args: readonly string[]): number | null {
  if (args.length === 0 || args.length > 3 || !args.every((a) => /^-?\d+$/.test(a))) return null;
  const [first, step, last] = args.length === 1 ? [1, 1, Number(args[0])] : args.length === 2 ? [Number(args[0]), 1, Number(args[1])] : args.map(Number) as [number, number, number];
  if (step <= 0 || last < first) return step <= 0 ? null : 0;
  if (step !== 1 || first < 0) {
    // Rare in Dockerfiles: count term by term, bounded.
    const n = Math.floor((last - first) / step) + 1;
    if (n > 10_000_000) return null;
    let bytes = 0;
    for (let v = first; v <= last; v += step) bytes += String(v).length + 1;
    return bytes;
  }
  // Consecutive non-negative integers: count each run of numbers with the same digit count.
  let bytes = 0;
  for (let digits = 1, lo = 0, hi = 9; lo <= last; digits++, lo = hi + 1, hi = hi * 10 + 9) {
    const from = Math.max(first, lo);
    const to = Math.min(last, hi);
    if (to >= from) bytes += (to - from + 1) * (digits + 1);
  }
  return bytes;
}

function sizeArg(value: string | null): number | null {
  if (value === null) return null;
  const m = /^(\d+)([kKmMgG]i?[bB]?|[bB]|[kK][bB])?$/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  // GNU coreutils: K/M/G are 1024-based, KB/MB/GB 1000-based.
  if (unit === '') return n;
  if (unit === 'b') return n * 512;
  const power = unit.startsWith('k') ? 1 : unit.startsWith('m') ? 2 : 3;
  return n * (unit.endsWith('b') && !unit.includes('i') ? 1000 : 1024) ** power;
}

function ownerChange(command: ShellCommand, state: RunState, kind: 'chown' | 'chmod'): void {
  const args = argsWithoutFlags(command);
  const [spec, ...targets] = args;
  if (!spec) return;
  const recursive = hasFlag(command, 'R', 'recursive');
  let touched = 0;
  for (const t of targets) {
    for (const path of matchGlob(expandPath(t.value, state), state)) {
      if (recursive) touched += state.layer.touchAll(path, () => (kind === 'chown' ? { owner: spec.value } : {}));
      else {
        const f = state.fs.get(path);
        if (f) {
          state.layer.add({ ...f, ...(kind === 'chown' ? { owner: spec.value } : {}) });
          touched += f.bytes;
        }
      }
    }
  }
  if (touched === 0 && targets.length > 0) {
    state.note('info', `${kind} of paths the simulator does not model (base image files): only metadata is counted`);
  }
}

/** rm, mkdir, touch, head/dd, redirections, chown/chmod, cp/mv, cd, find -delete, and the shell's own no-ops. */
export const files: CommandHandler = (command, state) => {
  const program = programName(command);
  for (const r of command.redirects) {
    if ((r.op === '>' || r.op === '>>' || r.op.endsWith('>') ) && r.target && !/^\d$/.test(r.target.value) && r.target.value !== '/dev/null') {
      const path = expandPath(r.target.value, state);
      if (program === 'head' || program === 'dd' || program === 'seq') continue;
      const previous = state.fs.get(path)?.bytes ?? 0;
      write(state, path, r.op === '>>' ? previous + 100 : 100);
    }
  }
  switch (program) {
    case 'rm':
      remove(command, state);
      return true;
    case 'rmdir':
      remove(command, state);
      return true;
    case 'mkdir':
      for (const w of argsWithoutFlags(command, ['m', 'mode'])) {
        const path = expandPath(w.value, state);
        if (!state.fs.exists(path)) state.layer.add({ path, bytes: 0, files: 0, tags: ['generated'] });
      }
      return true;
    case 'touch':
      for (const w of argsWithoutFlags(command)) write(state, expandPath(w.value, state), state.fs.get(expandPath(w.value, state))?.bytes ?? 0);
      return true;
    case 'head': {
      const bytes = sizeArg(flagValue(command, 'c', 'bytes'));
      const out = command.redirects.find((r) => r.op === '>' && r.target);
      if (out && out.target) {
        const input = argsWithoutFlags(command, ['c', 'bytes', 'n', 'lines'])[0]?.value;
        write(state, expandPath(out.target.value, state), bytes ?? 0, ['generated'], deviceGzipRatio(input));
        if (bytes === null) state.note('estimate', 'head without -c: output size not modelled');
      }
      return true;
    }
    case 'dd': {
      const opt = (k: string) => command.args.find((a) => a.value.startsWith(`${k}=`))?.value.slice(k.length + 1) ?? null;
      const of = opt('of');
      const bs = sizeArg(opt('bs')) ?? 512;
      const count = Number(opt('count') ?? 'NaN');
      if (of) {
        const bytes = Number.isFinite(count) ? bs * count : 0;
        write(state, expandPath(of, state), bytes, ['generated'], deviceGzipRatio(opt('if') ?? undefined));
        if (!Number.isFinite(count)) state.note('estimate', 'dd without count=: output size not modelled');
      }
      return true;
    }
    case 'seq': {
      const out = command.redirects.find((r) => (r.op === '>' || r.op === '>>') && r.target && r.target.value !== '/dev/null');
      if (!out?.target) return true;
      const bytes = seqOutputBytes(argsWithoutFlags(command).map((w) => w.value));
      const path = expandPath(out.target.value, state);
      if (bytes === null) {
        state.note('estimate', 'seq with a format or fractional step: output size not modelled');
        return true;
      }
      const previous = out.op === '>>' ? (state.fs.get(path)?.bytes ?? 0) : 0;
      // Decimal numbers, one per line: text that compresses like source code.
      write(state, path, previous + bytes, ['generated'], TEXT_GZIP_RATIO);
      return true;
    }
    case 'chown':
      ownerChange(command, state, 'chown');
      return true;
    case 'chmod':
      ownerChange(command, state, 'chmod');
      return true;
    case 'cp':
    case 'mv': {
      const args = argsWithoutFlags(command, ['t', 'target-directory']).map((w) => expandPath(w.value, state));
      const dest = args.pop();
      if (!dest) return true;
      for (const src of args) {
        for (const f of state.fs.under(src)) {
          const target = args.length > 1 || state.fs.exists(dest) ? `${dest}/${f.path.slice(src.lastIndexOf('/') + 1)}` : dest + f.path.slice(src.length);
          state.layer.add({ ...f, path: cleanPath(target) });
        }
        if (program === 'mv') state.layer.remove(src);
      }
      return true;
    }
    case 'ln':
      for (const w of argsWithoutFlags(command).slice(1)) write(state, expandPath(w.value, state), 0);
      return true;
    case 'cd': {
      const target = argsWithoutFlags(command)[0];
      state.cwd = target ? expandPath(target.value, state) : '/root';
      return true;
    }
    case 'find': {
      if (!hasFlag(command, 'delete') && !command.args.some((a) => a.value === '-delete')) return true;
      const name = command.args.findIndex((a) => a.value === '-name' || a.value === '-iname');
      const pattern = name >= 0 ? command.args[name + 1]?.value : undefined;
      const root = expandPath(command.args[0]?.value ?? '.', state);
      if (pattern === '*.map') {
        for (const f of state.fs.under(root)) if (f.tags.includes('source-map')) state.layer.remove(f.path);
      } else if (pattern) {
        const re = new RegExp(`^${pattern.replace(/[.+^${}()|\\\]]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
        for (const f of state.fs.under(root)) if (re.test(f.path.slice(f.path.lastIndexOf('/') + 1))) state.layer.remove(f.path);
      }
      return true;
    }
    case 'echo':
    case 'printf':
    case 'cat':
    case 'tee':
    case 'true':
    case 'false':
    case ':':
    case 'set':
    case 'export':
    case 'exit':
    case 'test':
    case '[':
    case 'ls':
    case 'pwd':
    case 'which':
    case 'command':
    case 'sleep':
    case 'env':
    case 'unset':
    case 'sh':
    case 'bash':
    case 'source':
    case '.':
    case 'update-ca-certificates':
    case 'ldconfig':
    case 'sed':
    case 'grep':
    case 'awk':
    case 'cut':
    case 'sort':
    case 'xargs':
    case 'id':
    case 'whoami':
    case 'uname':
    case 'node':
    case 'nginx':
      // No file-system effect worth modelling (their redirections are handled above).
      return true;
    default:
      return false;
  }
};
