/**
 * What Layerwise's own rules share: the final stage and the stages that end up in it, the
 * commands of a RUN (shell form, heredoc or exec form) with their source ranges, paths as a
 * stage's filesystem sees them, and the package managers' install commands.
 */
import type { CmdInstruction, CopyInstruction, Instruction, Range, RunInstruction } from '../../../parse/types.ts';
import { argsWithoutFlags, argvCommand, commandScope, firstArgWithoutFlags, flagValue, hasFlag, parseShellScript, programName, unwrapCommand } from '../../../script/index.ts';
import type { ShellCommand, ShellWord } from '../../../script/types.ts';
import type { Stage, Step } from '../../../stages/types.ts';
import { scopeOf } from '../../../stages/index.ts';
import type { RuleContext } from '../../types.ts';

// ---------------------------------------------------------------------------------------------
// Stages
// ---------------------------------------------------------------------------------------------

/** The stage `docker build` produces without `--target`: the last one. */
export function finalStage(ctx: RuleContext): Stage | null {
  return ctx.resolved.stages.at(-1) ?? null;
}

/** A stage and the stages it is built `FROM`, oldest first (cycles cut). Shared by the rules: do not modify. */
export function chainOf(ctx: RuleContext, stage: Stage): readonly Stage[] {
  // Many rules walk the same chains: each is listed once per lint.
  return ctx.memo(listChain, stage);
}

function listChain(ctx: RuleContext, stage: Stage): readonly Stage[] {
  const list = [stage];
  const seen = new Set([stage.index]);
  for (let b = stage.baseStage; b !== null && !seen.has(b); ) {
    const s = ctx.resolved.stages[b];
    if (!s) break;
    seen.add(b);
    list.unshift(s);
    b = s.baseStage;
  }
  return list;
}

/** The stages whose layers make up the final image: the final stage and those it builds on. */
export function finalChain(ctx: RuleContext): readonly Stage[] {
  const last = finalStage(ctx);
  return last ? chainOf(ctx, last) : [];
}

export interface ChainStep {
  stage: Stage;
  step: Step;
  /** Position of the step in the whole chain. */
  order: number;
}

/**
 * Every step of `stage`'s chain (the stages it builds on, then its own), in build order. Listed
 * once per lint for all the rules that walk it: do not modify.
 */
export function chainSteps(ctx: RuleContext, stage: Stage): readonly ChainStep[] {
  return ctx.memo(listChainSteps, stage);
}

function listChainSteps(ctx: RuleContext, stage: Stage): ChainStep[] {
  const out: ChainStep[] = [];
  for (const s of chainOf(ctx, stage)) for (const step of s.steps) out.push({ stage: s, step, order: out.length });
  return out;
}

/** The steps of the final stage's chain: the layers of the image `docker build` produces. */
export function finalChainSteps(ctx: RuleContext): readonly ChainStep[] {
  const last = finalStage(ctx);
  return last ? chainSteps(ctx, last) : [];
}

/**
 * The position in `chain` (the steps of `stage`'s chain) of the last RUN of `stage` itself that
 * runs a command `wanted` accepts, or -1. Rules that only report on such commands stop their walk
 * there, and skip stages without one.
 */
export function lastOwnRunWith(ctx: RuleContext, stage: Stage, chain: readonly ChainStep[], wanted: (command: ShellCommand) => boolean): number {
  for (let at = chain.length - 1; at >= 0; at--) {
    const { step, stage: owner } = chain[at]!;
    if (owner !== stage) return -1;
    if (step.instruction.keyword === 'RUN' && someCommand(commandsOf(ctx, step.instruction), wanted)) return at;
  }
  return -1;
}

/** Whether `wanted` accepts one of `cmds`' commands (a loop: no closure per RUN). */
export function someCommand(cmds: readonly Cmd[], wanted: (command: ShellCommand) => boolean): boolean {
  for (const { command } of cmds) if (wanted(command)) return true;
  return false;
}

/** The image a chain starts from (`scratch` included), or null when the reference is empty. */
export function rootImage(ctx: RuleContext, stage: Stage): { stage: Stage; ref: string } | null {
  const root = chainOf(ctx, stage)[0]!;
  if (root.baseStage !== null) return null;
  const ref = root.base.value.trim();
  return ref === '' ? null : { stage: root, ref };
}

/** The stage a `COPY --from=` / `--mount from=` value names (by name or index), or null for an image. */
export function stageNamed(ctx: RuleContext, value: string, before: number): Stage | null {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (/^\d+$/.test(v)) {
    const i = Number(v);
    return i < before ? (ctx.resolved.stages[i] ?? null) : null;
  }
  return ctx.resolved.stages.find((s) => s.index < before && s.name === v) ?? null;
}

/** The expanded value of a step's first word of `field`, or the raw fallback. */
export function expanded(step: Step, field: Step['expansions'][number]['field'], fallback: string | null = null): string | null {
  const e = step.expansions.find((x) => x.field === field);
  return e ? e.value : fallback;
}

/** The stage a COPY takes its files from (`--from`), or null for the build context / an image. */
export function copyFromStage(ctx: RuleContext, stage: Stage, step: Step): Stage | null {
  const copy = step.instruction as CopyInstruction;
  if (copy.from === null) return null;
  return stageNamed(ctx, expanded(step, 'from', copy.from) ?? copy.from, stage.index);
}

/**
 * The stages whose files reach the final image: its chain and every stage copied or mounted from,
 * transitively. Worked out once per lint for the rules that ask: do not modify.
 */
export function stagesFeedingFinal(ctx: RuleContext): ReadonlySet<number> {
  return ctx.memo(listStagesFeedingFinal, null);
}

function listStagesFeedingFinal(ctx: RuleContext): Set<number> {
  const last = finalStage(ctx);
  const out = new Set<number>();
  if (!last) return out;
  const queue = [last];
  while (queue.length > 0) {
    const s = queue.pop()!;
    if (out.has(s.index)) continue;
    out.add(s.index);
    if (s.baseStage !== null) {
      const b = ctx.resolved.stages[s.baseStage];
      if (b) queue.push(b);
    }
    for (const step of s.steps) {
      const i = step.instruction;
      if (i.keyword === 'COPY' && i.from !== null) {
        const from = copyFromStage(ctx, s, step);
        if (from) queue.push(from);
      } else if (i.keyword === 'RUN') {
        for (const m of i.mounts) {
          if (m.from === null) continue;
          const from = stageNamed(ctx, m.from, s.index);
          if (from) queue.push(from);
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Image references
// ---------------------------------------------------------------------------------------------

export interface ImageRef {
  /** Registry host, `docker.io` for Docker Hub. */
  registry: string;
  /** Repository path without registry, e.g. `library/node`, `distroless/static-debian12`. */
  path: string;
  /** Last path component, e.g. `node`. */
  name: string;
  tag: string | null;
  digest: string | null;
}

/** Splits an image reference the way Docker's reference parser does (lower-cased). */
export function parseImageRef(ref: string): ImageRef {
  let r = ref.trim().toLowerCase();
  let digest: string | null = null;
  const at = r.indexOf('@');
  if (at >= 0) {
    digest = r.slice(at + 1);
    r = r.slice(0, at);
  }
  let tag: string | null = null;
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  if (colon > slash) {
    tag = r.slice(colon + 1);
    r = r.slice(0, colon);
  }
  const parts = r.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift()!;
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  return { registry, path, name: parts.at(-1) ?? '', tag, digest };
}

/** `node:22-slim` for Docker Hub's official images, else `registry/path:tag`; no tag → `latest`. */
export function normalizeImage(ref: string): string {
  const p = parseImageRef(ref);
  const repo = p.registry === 'docker.io' ? p.path.replace(/^library\//, '') : `${p.registry}/${p.path}`;
  return `${repo}:${p.tag ?? 'latest'}`;
}

// ---------------------------------------------------------------------------------------------
// Commands of RUN, CMD, ENTRYPOINT, HEALTHCHECK
// ---------------------------------------------------------------------------------------------

/** One command of a RUN, with a way to underline it or one of its words. */
export interface Cmd {
  command: ShellCommand;
  run: RunInstruction;
  /** The whole command (program and arguments). */
  range: Range;
  wordRange: (word: ShellWord) => Range;
  /** The script the command came from, for text around it. */
  script: string | null;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** argv → one command, each word placed at the matching JSON element. */
function placedArgvCommand(argv: string[], ranges: Range[], fallback: Range): { command: ShellCommand; rangeOf: (w: ShellWord) => Range } {
  // Each word's offsets are its index in argv, which places it at its JSON element.
  const command = argvCommand(argv, (value, i) => ({ value, raw: value, start: i, end: i + 1, dynamic: false }));
  return { command, rangeOf: (w) => ranges[w.start] ?? fallback };
}

/** Whether exec-form argv is `sh -c "script"` (also `-ec`, `-xc`, ...). */
function shellScriptOf(argv: string[]): number {
  if (argv.length < 3) return -1;
  const prog = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  if (!SHELLS.has(prog)) return -1;
  for (let i = 1; i < argv.length - 1; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) return -1;
    if (/^-[a-z]*c[a-z]*$/.test(a)) return i + 1;
  }
  return -1;
}

/**
 * A command of a shell-form RUN. Most commands are never reported, so the range is worked out
 * on first use rather than for every command of every RUN.
 */
class ScriptCmd implements Cmd {
  readonly command: ShellCommand;
  readonly run: RunInstruction;
  readonly script: string;
  private readonly scriptRange: RuleContext['scriptRange'];
  private where: Range | null = null;

  constructor(command: ShellCommand, run: RunInstruction, script: string, scriptRange: RuleContext['scriptRange']) {
    this.command = command;
    this.run = run;
    this.script = script;
    this.scriptRange = scriptRange;
  }

  get range(): Range {
    return (this.where ??= this.scriptRange(this.run, this.command.start, this.command.end));
  }

  wordRange(word: ShellWord): Range {
    return this.scriptRange(this.run, word.start, word.end);
  }
}

/** The commands a RUN runs, in order, for every form of RUN. Shared by the rules: do not modify. */
export function commandsOf(ctx: RuleContext, run: RunInstruction): readonly Cmd[] {
  // Many rules ask for the same RUN's commands: built once per lint.
  return ctx.memo(buildCommandsOf, run);
}

function buildCommandsOf(ctx: RuleContext, run: RunInstruction): Cmd[] {
  if (run.form === 'shell') {
    const script = ctx.scriptOf(run);
    if (!script) return [];
    // Wrappers are looked through: `sudo apt-get install x` installs x all the same.
    return script.commands.map(unwrapCommand).map((command) => new ScriptCmd(command, run, script.text, ctx.scriptRange));
  }
  const argv = run.command;
  const ranges = run.args.map((a) => a.range);
  const at = shellScriptOf(argv);
  if (at >= 0) {
    const script = parseShellScript(argv[at]!);
    const r = ranges[at] ?? run.range;
    return script.commands.map(unwrapCommand).map((command) => ({ command, run, range: r, wordRange: () => r, script: script.text }));
  }
  if (argv.length === 0) return [];
  const { command: direct, rangeOf } = placedArgvCommand(argv, ranges, run.range);
  const command = unwrapCommand(direct);
  const first = ranges[0] ?? run.range;
  const last = ranges.at(-1) ?? run.range;
  return [{ command, run, range: { start: first.start, end: last.end }, wordRange: rangeOf, script: null }];
}

/** The program and arguments a CMD/ENTRYPOINT/HEALTHCHECK runs: exec form as is, shell form's first command. */
export function argvOf(form: 'shell' | 'exec', command: readonly string[]): string[] {
  if (form === 'exec') {
    const at = shellScriptOf([...command]);
    if (at < 0) return [...command];
    const first = parseShellScript(command[at]!).commands[0];
    return first ? [first.name, ...first.args.map((a) => a.value)] : [];
  }
  const script = parseShellScript(command.join(' '));
  let first = script.commands[0];
  if (first && first.name === 'exec') {
    const args = first.args.map((a) => a.value);
    return args;
  }
  return first ? [first.name, ...first.args.map((a) => a.value)] : [];
}

/** Every program a CMD/HEALTHCHECK command line calls (shell form: all commands of the script). */
export function programsOf(form: 'shell' | 'exec', command: readonly string[]): string[] {
  if (form === 'exec') {
    const at = shellScriptOf([...command]);
    if (at < 0) return command.length > 0 ? [basename(command[0]!)] : [];
    return parseShellScript(command[at]!).commands.map((c) => programName(c));
  }
  return parseShellScript(command.join(' ')).commands.map((c) => programName(c));
}

export function basename(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1);
}

/** The first argument that is not a flag (a subcommand such as `install`), skipping values of `valueFlags`. */
export function subcommand(command: ShellCommand, valueFlags: readonly string[] = []): string | null {
  return firstArgWithoutFlags(command, valueFlags)?.value ?? null;
}

/**
 * What the container runs: the last ENTRYPOINT and CMD of the chain, with Docker's rule that an
 * ENTRYPOINT resets a CMD inherited from an earlier stage or the base image. `null` means "the base
 * image's".
 */
export function runtimeCommand(ctx: RuleContext, stage: Stage): RuntimeCommand {
  // Several rules ask about the final stage's command: worked out once per lint.
  return ctx.memo(findRuntimeCommand, stage);
}

/** Shared by the rules that ask (one per stage and lint), hence read-only. */
interface RuntimeCommand {
  readonly entrypoint: CmdInstruction | null;
  readonly cmd: CmdInstruction | null;
  readonly entrypointSet: boolean;
  readonly cmdSet: boolean;
}

function findRuntimeCommand(ctx: RuleContext, stage: Stage): RuntimeCommand {
  let entrypoint: CmdInstruction | null = null;
  let cmd: CmdInstruction | null = null;
  let entrypointSet = false;
  let cmdSet = false;
  for (const s of chainOf(ctx, stage)) {
    let cmdInStage = false;
    for (const step of s.steps) {
      const i = step.instruction;
      if (i.keyword === 'CMD') {
        cmd = i as CmdInstruction;
        cmdSet = true;
        cmdInStage = true;
      } else if (i.keyword === 'ENTRYPOINT') {
        entrypoint = i as CmdInstruction;
        entrypointSet = true;
        if (!cmdInStage) {
          cmd = null;
          cmdSet = true;
        }
      }
    }
  }
  return { entrypoint, cmd, entrypointSet, cmdSet };
}

const NODE_PROGRAMS = new Set(['node', 'nodejs']);
const SHELL_PROGRAMS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'fish']);
/** Interpreters that, started without arguments, open a prompt: the default CMD of language base images. */
const REPLS = new Set(['node', 'nodejs', 'python', 'python3', 'python2', 'ipython', 'irb', 'ruby', 'php', 'jshell', 'erl', 'iex', 'ghci', 'R', 'julia', 'lua', 'perl', 'deno', 'bun', 'pwsh', 'powershell', 'cmd']);

/**
 * Whether the final image is an application: it sets its own CMD or ENTRYPOINT, and that is not a
 * shell or a bare interpreter prompt (what base and toolchain images default to). Images that only
 * export files (`FROM scratch` + COPY, no command) are not applications either.
 */
export function isApplicationImage(ctx: RuleContext, stage: Stage): boolean {
  return ctx.memo(runsApplication, stage);
}

function runsApplication(ctx: RuleContext, stage: Stage): boolean {
  const { entrypoint, cmd } = runtimeCommand(ctx, stage);
  const first = entrypoint ?? cmd;
  if (!first) return false;
  let argv = argvOf(first.form, first.command);
  let rest = entrypoint && cmd ? argvOf(cmd.form, cmd.command) : [];
  // `ENTRYPOINT ["docker-entrypoint.sh"]` + `CMD ["node"]`: the script ends up running the CMD.
  if (argv.length === 1 && /entrypoint/.test(basename(argv[0]!)) && rest.length > 0) {
    argv = rest;
    rest = [];
  }
  if (argv.length === 0) return rest.length > 0;
  const prog = basename(argv[0]!);
  if (SHELL_PROGRAMS.has(prog) && argv.length === 1 && rest.length === 0) return false;
  if (SHELL_PROGRAMS.has(prog) && (argv[1] === '-l' || argv[1] === '-i') && argv.length === 2) return false;
  if (REPLS.has(prog) && argv.length === 1 && rest.length === 0) return false;
  return true;
}

/** The program the final container starts, after an init or the node image's entrypoint script. */
export function startedProgram(ctx: RuleContext, stage: Stage): StartedProgram | null {
  // Shared by the rules that look at the final container's program: do not modify.
  return ctx.memo(findStartedProgram, stage);
}

/** Shared by the rules that ask (one per stage and lint), hence read-only. */
interface StartedProgram {
  readonly argv: readonly string[];
  readonly instruction: CmdInstruction;
}

function findStartedProgram(ctx: RuleContext, stage: Stage): StartedProgram | null {
  const { entrypoint, cmd } = runtimeCommand(ctx, stage);
  const entry = entrypoint ? argvOf(entrypoint.form, entrypoint.command) : [];
  const rest = cmd ? argvOf(cmd.form, cmd.command) : [];
  const entryProg = entry[0] ? basename(entry[0]) : '';
  if (entrypoint && entry.length > 0 && entryProg !== 'docker-entrypoint.sh') {
    return { argv: [...entry, ...(cmd ? rest : [])], instruction: entrypoint };
  }
  if (cmd && rest.length > 0) return { argv: rest, instruction: cmd };
  return null;
}

/**
 * Whether the program a container starts is a Node.js application (directly, or through
 * npm/yarn/pnpm). A bare `node` is the REPL the official images start by default, not an app.
 */
export function runsNode(argv: readonly string[], withPackageManagers = false): boolean {
  const prog = argv[0] ? basename(argv[0]) : '';
  if (argv.length < 2) return false;
  if (NODE_PROGRAMS.has(prog)) return true;
  return withPackageManagers && ['npm', 'yarn', 'pnpm', 'npx'].includes(prog);
}

// ---------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------

/** A glob character (`*`, `?`, `[`): a path holding one names no single file a linter can follow. */
export const GLOB = /[*?[]/;

/** mkdir's flags that take a value (`-m 755`): skipped to find the directories it makes. */
export const MKDIR_VALUE_FLAGS: readonly string[] = ['m', 'mode'];

/** A doubled slash, a `.` or `..` part, or a trailing slash after something: what cleanPath changes. */
const NOT_CLEAN = /\/\/|(?:^|\/)\.\.?(?:\/|$)|[^/]\/$/;

/** A POSIX path with `.` and `..` resolved, no trailing slash (`/` stays `/`). */
export function cleanPath(path: string): string {
  // Most paths are clean already; they are returned as they are, without splitting and joining.
  if (path !== '' && !NOT_CLEAN.test(path)) return path;
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
}

export function joinPath(dir: string, path: string): string {
  return cleanPath(path.startsWith('/') ? path : `${dir.replace(/\/+$/, '')}/${path}`);
}

/** Whether `path` is `dir` or inside it. */
export function isUnder(path: string, dir: string): boolean {
  if (dir === '/') return true;
  return path === dir || path.startsWith(`${dir}/`);
}

/**
 * The WORKDIR in force at each step of a chain (`/` until one is set, as in most base images).
 * `chain` is a chainSteps list; listed once per lint for the rules that walk it: do not modify.
 */
export function workdirs(ctx: RuleContext, chain: readonly ChainStep[]): readonly string[] {
  return ctx.memo(listWorkdirs, chain);
}

function listWorkdirs(_ctx: RuleContext, chain: readonly ChainStep[]): string[] {
  let wd = '/';
  return chain.map(({ step }) => {
    const here = wd;
    if (step.instruction.keyword === 'WORKDIR') {
      const v = expanded(step, 'workdir', step.instruction.value) ?? '';
      if (v !== '') wd = joinPath(wd, v);
      return wd;
    }
    return here;
  });
}

/**
 * The variables a RUN sees, as the resolver builds them (ENV over ARG). Built once per lint for
 * all the rules that expand a step's words: do not modify.
 */
export function scopeAt(ctx: RuleContext, step: Step): ReadonlyMap<string, string> {
  return ctx.memo(stepScope, step);
}

function stepScope(_ctx: RuleContext, step: Step): ReadonlyMap<string, string> {
  return scopeOf(step.args, step.env);
}

/**
 * A shell word with `$VAR`/`${VAR}` and a leading `~` replaced from `scope`; null when it uses
 * anything else (command substitution, unknown variables, `${VAR:-x}` forms).
 */
export function expandShellWord(word: string, scope: ReadonlyMap<string, string>): string | null {
  let w = word;
  if (w === '~' || w.startsWith('~/')) {
    const home = scope.get('HOME') ?? null;
    if (home === null) return null;
    w = home + w.slice(1);
  }
  if (w.includes('`')) return null;
  // One scan from `$` to `$` (no regex replace with a callback), giving up at the first `$` that
  // is not a `$NAME`/`${NAME}` of a variable in scope (`$(`, `$1`, `${X:-y}`, a lone `$`, an unset
  // name) and at a value holding a `$`: what the shell would make of those is not known here.
  let at = w.indexOf('$');
  // Most words are plain text: nothing to replace.
  if (at < 0) return w;
  let out = '';
  let from = 0;
  for (; at >= 0; at = w.indexOf('$', from)) {
    const braced = w.charCodeAt(at + 1) === 123; // `{`
    const start = braced ? at + 2 : at + 1;
    const end = nameEnd(w, start);
    if (end === start || (braced && w.charCodeAt(end) !== 125)) return null; // no name, or no `}`
    const value = scope.get(w.slice(start, end));
    if (value === undefined || value.includes('$')) return null;
    out += w.slice(from, at) + value;
    from = braced ? end + 1 : end;
  }
  return out + w.slice(from);
}

/** Where the variable name (`[A-Za-z_][A-Za-z0-9_]*`) starting at `start` ends: `start` when there is none. */
function nameEnd(text: string, start: number): number {
  let end = start;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!letter && !(end > start && c >= 48 && c <= 57)) break;
  }
  return end;
}

// ---------------------------------------------------------------------------------------------
// Builds
// ---------------------------------------------------------------------------------------------

const BUILD_PROGRAMS = new Set(['npm', 'pnpm', 'yarn', 'go', 'cargo', 'mvn', 'mvnw', 'gradle', 'gradlew', 'dotnet', 'tsc', 'npx']);
const COMPILERS = /^(cc|gcc|g\+\+|clang|clang\+\+|c\+\+|javac|rustc)$/;

/**
 * `npm run build`, `go build`, `cargo build`, `mvn package`, ...: a label for the build command, or null.
 * With `compilers`, direct compiler calls (`make`, `gcc`, `javac`) count too.
 */
export function buildCommand(command: ShellCommand, compilers = false): string | null {
  const prog = programName(command);
  // Only these programs can answer; the others need not have their arguments listed.
  if (!BUILD_PROGRAMS.has(prog) && !(compilers && (prog === 'make' || COMPILERS.test(prog)))) return null;
  const args = argsWithoutFlags(command).map((a) => a.value);
  const verb = args[0];
  if ((prog === 'npm' || prog === 'pnpm' || prog === 'yarn') && ((verb === 'run' && /build/.test(args[1] ?? '')) || verb === 'build')) {
    return `${prog} ${args.slice(0, verb === 'run' ? 2 : 1).join(' ')}`;
  }
  if (prog === 'go' && (verb === 'build' || verb === 'run' || verb === 'install')) return `go ${verb}`;
  if (prog === 'cargo' && (verb === 'build' || verb === 'run' || verb === 'install')) return `cargo ${verb}`;
  if ((prog === 'mvn' || prog === 'mvnw') && args.some((a) => /^(package|install|verify)$/.test(a))) return 'mvn package';
  if ((prog === 'gradle' || prog === 'gradlew') && args.some((a) => /^(build|assemble|bootJar|installDist|shadowJar)$/.test(a))) return `${prog} build`;
  if (prog === 'dotnet' && (verb === 'publish' || verb === 'build')) return `dotnet ${verb}`;
  if (prog === 'tsc') return 'tsc';
  if (prog === 'npx' && (verb === 'tsc' || args[1] === 'build')) return `npx ${verb}`;
  if (compilers && (prog === 'make' || COMPILERS.test(prog))) return prog;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Package managers
// ---------------------------------------------------------------------------------------------

const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
const NPM_CI = new Set(['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean']);
const NPM_VALUE_FLAGS = ['prefix', 'C', 'w', 'workspace', 'cache', 'registry', 'userconfig', 'loglevel', 'omit', 'include', 'only', 'location'];
const PNPM_VALUE_FLAGS = ['C', 'dir', 'filter', 'F', 'store-dir', 'w', 'workspace-dir', 'reporter', 'loglevel'];
const YARN_VALUE_FLAGS = ['cwd', 'cache-folder', 'modules-folder', 'network-timeout', 'registry', 'mutex'];

export type NodePackageManager = 'npm' | 'yarn' | 'pnpm';

/**
 * The programs of the Node package managers (`yarnpkg` is yarn's other name): the only commands
 * nodeInstall answers for, so rules can pass over any other without asking it.
 */
export const NODE_PACKAGE_MANAGERS: ReadonlySet<string> = new Set(['npm', 'pnpm', 'yarn', 'yarnpkg']);

export interface NodeInstall {
  pm: NodePackageManager;
  /** `project`: installs the project's dependencies; `packages`: named packages; `global`: `-g`. */
  kind: 'project' | 'packages' | 'global';
  /** The subcommand word (`ci`, `install`), or the program for a bare `yarn`. */
  verb: ShellWord;
}

/** `npm ci`, `npm install [pkg]`, `yarn [install]`, `yarn add`, `pnpm install`, `pnpm add`, with their kind. */
export function nodeInstall(command: ShellCommand): NodeInstall | null {
  const prog = programName(command);
  if (!NODE_PACKAGE_MANAGERS.has(prog)) return null;
  if (prog === 'npm') {
    const args = argsWithoutFlags(command, NPM_VALUE_FLAGS);
    const verb = args[0];
    if (!verb || (!NPM_INSTALL.has(verb.value) && !NPM_CI.has(verb.value))) return null;
    const global = hasFlag(command, 'g', 'global') || flagValue(command, 'location') === 'global';
    if (global) return { pm: 'npm', kind: 'global', verb };
    return { pm: 'npm', kind: args.length > 1 && NPM_INSTALL.has(verb.value) ? 'packages' : 'project', verb };
  }
  if (prog === 'pnpm') {
    const args = argsWithoutFlags(command, PNPM_VALUE_FLAGS);
    const verb = args[0];
    if (!verb || !['install', 'i', 'add'].includes(verb.value)) return null;
    if (hasFlag(command, 'g', 'global')) return { pm: 'pnpm', kind: 'global', verb };
    return { pm: 'pnpm', kind: verb.value === 'add' || args.length > 1 ? 'packages' : 'project', verb };
  }
  // yarn or yarnpkg, the programs left.
  const args = argsWithoutFlags(command, YARN_VALUE_FLAGS);
  const verb = args[0];
  if (!verb) {
    // `yarn --version`, `yarn -v`, `yarn --help` only print.
    if (hasFlag(command, 'version', 'v', 'help', 'h')) return null;
    return { pm: 'yarn', kind: 'project', verb: command.nameWord };
  }
  if (verb.value === 'install') return { pm: 'yarn', kind: 'project', verb };
  if (verb.value === 'add') return { pm: 'yarn', kind: 'packages', verb };
  if (verb.value === 'global' && args[1]?.value === 'add') return { pm: 'yarn', kind: 'global', verb };
  return null;
}

const TRUE_VALUES = new Set(['1', 'true', 'yes', 'on']);

function envSays(scope: ReadonlyMap<string, string>, name: string, test: (v: string) => boolean): boolean {
  for (const [k, v] of scope) if (k.toLowerCase() === name.toLowerCase() && test(v)) return true;
  return false;
}

/** Whether a project install leaves out devDependencies (flags, NODE_ENV=production, npm config). */
export function installsProductionOnly(install: NodeInstall, command: ShellCommand, scope: ReadonlyMap<string, string>): boolean {
  const local = commandScope(command, scope);
  const nodeEnvProd = local.get('NODE_ENV') === 'production';
  if (install.pm === 'npm') {
    const include = command.args.map((a) => a.value);
    const includeDev = include.some((v, i) => v === '--include=dev' || (v === '--include' && include[i + 1] === 'dev'));
    if (includeDev) return false;
    const omitDev = include.some((v, i) => v === '--omit=dev' || (v === '--omit' && include[i + 1] === 'dev'));
    const only = flagValue(command, 'only');
    if (omitDev || (hasFlag(command, 'production') && flagValue(command, 'production') !== 'false')) return true;
    if (only !== null && /^prod(uction)?$/.test(only)) return true;
    if (envSays(local, 'npm_config_omit', (v) => v.split(/[ ,]/).includes('dev'))) return true;
    if (envSays(local, 'npm_config_production', (v) => TRUE_VALUES.has(v.toLowerCase()))) return true;
    return nodeEnvProd;
  }
  if (install.pm === 'pnpm') {
    if (hasFlag(command, 'dev', 'D')) return false;
    if (hasFlag(command, 'prod', 'P') || (hasFlag(command, 'production') && flagValue(command, 'production') !== 'false')) return true;
    return nodeEnvProd;
  }
  if (hasFlag(command, 'production') && flagValue(command, 'production') !== 'false') return true;
  return nodeEnvProd;
}

const PACKAGE_MANAGERS = new Set(['apt-get', 'apt', 'aptitude', 'apk', 'yum', 'dnf', 'microdnf', 'tdnf', 'zypper']);

/** `apt-get install`, `apk add`, ... : the packages a command installs, with the manager. */
export function systemPackagesInstalled(command: ShellCommand): { manager: string; packages: ShellWord[] } | null {
  const prog = programName(command);
  // Most commands are not package managers: answer before listing their arguments.
  if (!PACKAGE_MANAGERS.has(prog)) return null;
  const args = argsWithoutFlags(command, ['o', 't', 'virtual', 'X', 'repository', 'repositories-file', 'p', 'root', 'c']);
  const verb = args[0]?.value;
  if ((prog === 'apt-get' || prog === 'apt' || prog === 'aptitude') && verb === 'install') return { manager: 'apt', packages: args.slice(1) };
  if (prog === 'apk' && verb === 'add') return { manager: 'apk', packages: args.slice(1) };
  if ((prog === 'yum' || prog === 'dnf' || prog === 'microdnf' || prog === 'tdnf') && verb === 'install') return { manager: prog, packages: args.slice(1) };
  if (prog === 'zypper' && (verb === 'install' || verb === 'in')) return { manager: 'zypper', packages: args.slice(1) };
  return null;
}

/** `pip`, `pip3`, `pip3.12`: pip under any of its versioned names. */
export function isPip(program: string): boolean {
  return program.startsWith('pip') && /^pip[0-9.]*$/.test(program);
}

/** A package argument without its version (`curl=8.5.0-2` → `curl`, `musl>1.2` → `musl`). */
export function packageName(word: string): string {
  const end = word.search(/[=<>~]/);
  return end < 0 ? word : word.slice(0, end);
}

/** `apt-get purge|remove|autoremove`, `apk del`, `yum remove`, ... */
export function isSystemPackageRemoval(command: ShellCommand): boolean {
  const prog = programName(command);
  if (!PACKAGE_MANAGERS.has(prog)) return false;
  const verb = firstArgWithoutFlags(command, ['o'])?.value;
  if (prog === 'apt-get' || prog === 'apt') return verb === 'purge' || verb === 'remove' || verb === 'autoremove';
  if (prog === 'apk') return verb === 'del';
  if (['yum', 'dnf', 'microdnf', 'zypper'].includes(prog)) return verb === 'remove' || verb === 'erase' || verb === 'rm';
  return false;
}

/** The cache mounts of a RUN, with their targets expanded where Docker would. */
export function cacheMountTargets(ctx: RuleContext, step: Step): string[] {
  const run = step.instruction as RunInstruction;
  const scope = scopeAt(ctx, step);
  return run.mounts
    .filter((m) => m.type === 'cache' && m.target !== null)
    .map((m) => cleanPath(expandShellWord(m.target!, scope) ?? m.target!));
}

/** Line label for messages: "line 4". */
export function lineOf(instruction: Instruction): number {
  return instruction.range.start.line;
}

/** Markdown-free quoting of a command for messages: `npm ci`. */
export function quoteCommand(command: ShellCommand, words = 2): string {
  const parts = [command.name, ...command.args.slice(0, words - 1).map((a) => a.value)];
  return `\`${parts.join(' ')}\``;
}

/** Human list: "a, b and c". */
export function listOf(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
