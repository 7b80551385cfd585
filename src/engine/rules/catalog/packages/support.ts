/**
 * What hadolint's package-manager rules share: the commands of a RUN as hadolint's `Hadolint.Shell`
 * sees them, and the walk over the instructions (ONBUILD triggers a second time, in their own
 * pass, as hadolint's `rule <> onbuild rule` does).
 *
 * hadolint hands every rule the commands ShellCheck finds in the script: a command is kept only
 * when its name is a literal word (`busybox wget` and `builtin cd` count as `wget` and `cd`), and
 * each argument is "simplified" as ShellCheck's `oversimplify` does (script/simplify.ts, part of
 * the shared shell model). The commands themselves are the shared model's (parseShellScript);
 * only hadolint's naming and flag conventions live here. Flags follow `getAllFlags`: `--name[=value]` is the flag `name`,
 * `-abc` the flags `a`, `b` and `c`; `-` and `--` are not flags, and flags are read past `--`.
 * The exec form (`RUN ["a", "b"]`) is checked too, as the words joined by spaces.
 */
import type { Instruction, Range, RunInstruction } from '../../../parse/types.ts';
import { isLiteralWord as isLiteral, parseShellScript, simplifyWord } from '../../../script/index.ts';
import type { ShellCommand, ShellWord } from '../../../script/types.ts';
import type { RuleContext, TextEdit } from '../../types.ts';

/** One argument: the text hadolint compares, and the word it came from. */
export interface HArg {
  text: string;
  word: ShellWord;
}

export interface HFlag {
  name: string;
  /** Index of the argument the flag was written in. */
  arg: number;
}

/** A command the way hadolint's rules see it. */
export interface HCommand {
  readonly name: string;
  readonly args: HArg[];
  readonly flags: HFlag[];
  readonly source: ShellCommand;
}

/** A RUN instruction with its commands. */
export interface RunView {
  run: RunInstruction;
  /** The ONBUILD instruction this RUN is the trigger of, or null. */
  onbuild: Instruction | null;
  commands: HCommand[];
  /** The script text (`Shell.original`); the exec form's words joined by spaces. */
  text: string;
  /** True when offsets in `text` map back to the source (shell form and heredocs). */
  mappable: boolean;
}

// ---- commands -----------------------------------------------------------------------

/** hadolint's `getAllFlags`. */
function flagsOf(args: HArg[]): HFlag[] {
  const flags: HFlag[] = [];
  args.forEach((a, index) => {
    const t = a.text;
    if (!isFlagArgument(t)) return;
    if (t.startsWith('--')) flags.push({ name: longFlagName(t), arg: index });
    else for (const ch of t.slice(1)) flags.push({ name: ch, arg: index });
  });
  return flags;
}

/** An argument that holds flags for `getAllFlags`: one starting with `-`, but not `-` or `--`. */
function isFlagArgument(t: string): boolean {
  return t.length > 1 && t.charCodeAt(0) === 45 /* - */ && t !== '--';
}

/** The flag `--name` or `--name=value` holds. */
function longFlagName(t: string): string {
  const eq = t.indexOf('=');
  return eq < 0 ? t.slice(2) : t.slice(2, eq);
}

/** ShellCheck's `isFlag`: a word whose first part is a literal starting with `-`. */
function isFlagWord(word: ShellWord): boolean {
  return word.raw.startsWith('-');
}

/**
 * `exec`'s command word, as ShellCheck's `getBsdOpts "cla:"` finds it: `-c` and `-l` alone,
 * `-a NAME` with a value; an unknown option means no command is found.
 */
function execTarget(args: readonly ShellWord[]): number {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '--') return i + 1 < args.length ? i + 1 : -1;
    if (!v.startsWith('-') || v === '-') return i;
    const letters = v.slice(1);
    for (let k = 0; k < letters.length; k++) {
      const l = letters[k]!;
      if (l === 'c' || l === 'l') continue;
      if (l !== 'a') return -1;
      if (k === letters.length - 1) i++;
      break;
    }
  }
  return -1;
}

/** `busybox`, `builtin`, `command` and `run`, which ShellCheck looks through to the next word. */
function isLookedThrough(name: string): boolean {
  // Asked of every command of every RUN: a switch, not a list built per call.
  switch (name) {
    case 'busybox':
    case 'builtin':
    case 'command':
    case 'run':
      return true;
    default:
      return false;
  }
}

/**
 * ShellCheck's `getCommandName` (not the basename): the literal first word, looked through
 * `busybox`, `builtin`, `command` and `run` (when the next word is no flag) and `exec`. `sudo`,
 * `env` or `nice` are not looked through, so hadolint's rules do not see `sudo apt-get install`
 * as an apt-get command. The arguments stay all the words after the first (`extractAllArgs`).
 */
function toCommand(c: ShellCommand): HCommand | null {
  if (!isLiteral(c.nameWord)) return null;
  let name = c.nameWord.value;
  const at = isLookedThrough(name)
    ? c.args.length > 0 && !isFlagWord(c.args[0]!) ? 0 : -1
    : name === 'exec'
      ? execTarget(c.args)
      : -1;
  if (at >= 0) {
    if (!isLiteral(c.args[at]!)) return null;
    name = c.args[at]!.value;
  }
  return new ViewCommand(name, c);
}

/**
 * An HCommand whose arguments are simplified on first use: most rules look at the name alone
 * (`apt-get`, `yum`), and most commands of a Dockerfile are never looked at further.
 */
class ViewCommand implements HCommand {
  readonly name: string;
  readonly source: ShellCommand;
  private simplified: HArg[] | null = null;
  private allFlags: HFlag[] | null = null;
  private argTexts: string[] | null = null;

  constructor(name: string, source: ShellCommand) {
    this.name = name;
    this.source = source;
  }

  get args(): HArg[] {
    return (this.simplified ??= this.source.args.map((word) => ({ text: simplifyWord(word.raw), word })));
  }

  get flags(): HFlag[] {
    return (this.allFlags ??= flagsOf(this.args));
  }

  /** The argument texts, listed once: the pip and apt rules each ask for them. */
  get texts(): readonly string[] {
    return (this.argTexts ??= this.args.map((a) => a.text));
  }
}

/** The commands of a RUN, as hadolint sees them (built once per lint, shared by the rules). */
export function viewOf(ctx: RuleContext, run: RunInstruction): RunView {
  return ctx.memo(makeView, run);
}

function makeView(ctx: RuleContext, run: RunInstruction): RunView {
  let text: string;
  let commands: ShellCommand[];
  let mappable: boolean;
  if (run.form === 'exec') {
    text = run.command.join(' ');
    commands = parseShellScript(text).commands;
    mappable = false;
  } else {
    const script = ctx.scriptOf(run);
    text = script?.text ?? '';
    commands = script?.commands ?? [];
    mappable = script !== null;
  }
  const views: HCommand[] = [];
  for (const command of commands) {
    const view = toCommand(command);
    if (view !== null) views.push(view);
  }
  return { run, onbuild: ctx.memo(onbuildOfTriggers, null).get(run) ?? null, commands: views, text, mappable };
}

/** The ONBUILD instruction of each trigger (`ONBUILD RUN ...` gives the RUN its ONBUILD). */
function onbuildOfTriggers(ctx: RuleContext): ReadonlyMap<Instruction, Instruction> {
  const owners = new Map<Instruction, Instruction>();
  for (const i of ctx.parsed.instructions) if (i.keyword === 'ONBUILD' && i.trigger) owners.set(i.trigger, i);
  return owners;
}

// ---- queries (Hadolint.Shell) -------------------------------------------------------

/** `cmdHasArgs`: the command is `name` and has any of `args`. */
export function cmdHasArgs(c: HCommand, name: string | readonly string[], args: readonly string[]): boolean {
  // Called for every command of every RUN that calls the manager: the name is tested first, and
  // without building a list for a single name.
  if (typeof name === 'string' ? c.name !== name : !name.includes(c.name)) return false;
  return c.args.some((a) => args.includes(a.text));
}

/** The command is `name` and has every one of `args`. */
export function cmdHasAllArgs(c: HCommand, name: string, args: readonly string[]): boolean {
  return c.name === name && args.every((want) => c.args.some((a) => a.text === want));
}

export function cmdHasPrefixArg(c: HCommand, name: string, prefix: string): boolean {
  return c.name === name && c.args.some((a) => a.text.startsWith(prefix));
}

export function hasFlag(c: HCommand, flag: string): boolean {
  return c.flags.some((f) => f.name === flag);
}

export function hasAnyFlag(c: HCommand, flags: readonly string[]): boolean {
  return c.flags.some((f) => flags.includes(f.name));
}

export function countFlag(c: HCommand, flag: string): number {
  return c.flags.filter((f) => f.name === flag).length;
}

export function hasArg(c: HCommand, arg: string): boolean {
  return c.args.some((a) => a.text === arg);
}

export function argTexts(c: HCommand): readonly string[] {
  return c instanceof ViewCommand ? c.texts : c.args.map((a) => a.text);
}

/** `isInfixOf` over argument lists. */
export function containsSeq(list: readonly string[], seq: readonly string[]): boolean {
  if (seq.length === 0) return true;
  for (let i = 0; i + seq.length <= list.length; i++) {
    if (seq.every((s, k) => list[i + k] === s)) return true;
  }
  return false;
}

/**
 * `getArgsNoFlags` after `dropFlagArg dropValuesOf`: the arguments that are not flags, without
 * the word that follows each flag named in `dropValuesOf` (unless the flag carried its value
 * after `=`).
 */
export function argsNoFlags(c: HCommand, dropValuesOf: readonly string[] = []): HArg[] {
  // One pass over the arguments, in the terms of `flagsOf`: an argument is a flag argument when
  // it holds any flag (`-` and `--` hold none), and a flag in `dropValuesOf` written without `=`
  // also takes the next argument.
  const args = c.args;
  const out: HArg[] = [];
  let dropNext = false;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    const dropped = dropNext;
    dropNext = false;
    if (isFlagArgument(t)) {
      dropNext = dropValuesOf.length > 0 && !t.includes('=') && holdsFlagIn(t, dropValuesOf);
      continue;
    }
    if (!dropped) out.push(args[i]!);
  }
  return out;
}

/** Whether the flag argument `t` holds a flag named in `names`, as `flagsOf` names its flags. */
function holdsFlagIn(t: string, names: readonly string[]): boolean {
  if (t.startsWith('--')) return names.includes(longFlagName(t));
  for (const ch of t.slice(1)) if (names.includes(ch)) return true;
  return false;
}

/** `getFlagArg`: the words that follow each occurrence of a flag. */
export function flagArgs(c: HCommand, flag: string): string[] {
  const ids = new Set(c.flags.filter((f) => f.name === flag).map((f) => f.arg + 1));
  return c.args.filter((_, i) => ids.has(i)).map((a) => a.text);
}

/** The command names `isPipInstall` can accept: `pip*` and `python*`. */
export const PIP_OR_PYTHON = (name: string): boolean => name.startsWith('pip') || name.startsWith('python');

/** `isPipInstall`: `pip* install` (not pipenv) or `python* -m pip install`. */
export function isPipInstall(c: HCommand): boolean {
  if (!PIP_OR_PYTHON(c.name)) return false;
  const args = argTexts(c);
  const std = c.name.startsWith('pip') && !c.name.startsWith('pipenv') && args.includes('install');
  const python = c.name.startsWith('python') && containsSeq(args, ['-m', 'pip', 'install']);
  return std || python;
}

/** The index of the first command matching, or -1. */
export function firstIndex(view: RunView, pred: (c: HCommand) => boolean): number {
  return view.commands.findIndex(pred);
}

/** `Utils.hasCacheOrTmpfsMountWith`: a cache or tmpfs mount whose target contains `fragment`. */
export function hasCacheOrTmpfsMountWith(run: RunInstruction, fragment: string): boolean {
  return run.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && (m.target ?? '').includes(fragment));
}

// ---- walking the Dockerfile ---------------------------------------------------------

/**
 * The instruction sequences hadolint folds a rule over: every instruction in order, then (for
 * rules that check ONBUILD) the ONBUILD triggers alone, with fresh state.
 */
export function passes(ctx: RuleContext, withOnbuild = true): readonly (readonly PassStep[])[] {
  // Listed once per lint for all the rules that fold over them.
  return ctx.memo(listPasses, withOnbuild);
}

function listPasses(ctx: RuleContext, withOnbuild: boolean): readonly (readonly PassStep[])[] {
  const main = ctx.parsed.instructions.map((instruction) => ({ instruction, onbuild: null }));
  if (!withOnbuild) return [main];
  const triggers: PassStep[] = [];
  for (const i of ctx.parsed.instructions) {
    if (i.keyword === 'ONBUILD' && i.trigger) triggers.push({ instruction: i.trigger, onbuild: i });
  }
  return [main, triggers];
}

/** One instruction of a pass, with the ONBUILD it is the trigger of. */
export interface PassStep {
  instruction: Instruction;
  onbuild: Instruction | null;
}

/** Every RUN (ONBUILD triggers included), with its commands. */
export function eachRun(ctx: RuleContext, visit: (view: RunView) => void, withOnbuild = true): void {
  // The RUNs of each pass are listed once per lint, for all the rules that walk them.
  for (const view of ctx.memo(listRunViews, withOnbuild)) visit(view);
}

function listRunViews(ctx: RuleContext, withOnbuild: boolean): readonly RunView[] {
  // The RUNs of `passes`, in their order (every RUN, then the RUN triggers), read straight from
  // the instructions.
  const views: RunView[] = [];
  const { instructions } = ctx.parsed;
  for (const i of instructions) if (i.keyword === 'RUN') views.push(viewOf(ctx, i));
  if (withOnbuild) {
    for (const i of instructions) if (i.keyword === 'ONBUILD' && i.trigger?.keyword === 'RUN') views.push(viewOf(ctx, i.trigger));
  }
  return views;
}

/**
 * Whether any RUN (ONBUILD triggers included) runs a command named as `names` lists, or as `names`
 * accepts. Rules about one package manager start with it: most Dockerfiles never call yum or gem,
 * and those rules then need not walk the instructions at all.
 */
export function runsAny(ctx: RuleContext, names: CommandNames): boolean {
  const index = ctx.memo(indexRunsByCommand, null);
  if (typeof names === 'function') {
    for (const name of index.keys()) if (names(name)) return true;
    return false;
  }
  for (const name of names) if (index.has(name)) return true;
  return false;
}

/** Command names, listed or as a test. */
export type CommandNames = readonly string[] | ((name: string) => boolean);

/**
 * Every RUN (ONBUILD triggers included) that runs a command named as `names` says, in the order
 * `eachRun` visits them. A rule about one program visits only the RUNs that call it: in most
 * Dockerfiles that is one RUN or none, where `eachRun` would visit them all.
 */
export function eachRunWith(ctx: RuleContext, names: CommandNames, visit: (view: RunView) => void): void {
  const index = ctx.memo(indexRunsByCommand, null);
  const lists: (readonly RunView[])[] = [];
  if (typeof names === 'function') {
    for (const [name, views] of index) if (names(name)) lists.push(views);
  } else {
    for (const name of names) {
      const views = index.get(name);
      if (views) lists.push(views);
    }
  }
  if (lists.length === 1) {
    for (const view of lists[0]!) visit(view);
  } else if (lists.length > 1) {
    // A RUN that runs two of the names is visited once, in its place.
    const all = ctx.memo(listRunViews, true);
    const wanted = new Set(lists.flat());
    for (const view of all) if (wanted.has(view)) visit(view);
  }
}

/** The RUNs (ONBUILD triggers included) that run each command name, in the order of `eachRun`. */
function indexRunsByCommand(ctx: RuleContext): ReadonlyMap<string, readonly RunView[]> {
  const index = new Map<string, RunView[]>();
  for (const view of ctx.memo(listRunViews, true)) {
    for (const c of view.commands) {
      const views = index.get(c.name);
      if (views === undefined) index.set(c.name, [view]);
      else if (views.at(-1) !== view) views.push(view);
    }
  }
  return index;
}

// ---- ranges and edits ---------------------------------------------------------------

/** The arguments of a RUN that cannot be mapped word by word (the exec form). */
function wholeRange(view: RunView): Range {
  const args = view.run.args;
  if (args.length > 0) return { start: args[0]!.range.start, end: args.at(-1)!.range.end };
  return view.run.range;
}

export function commandRange(ctx: RuleContext, view: RunView, c: HCommand): Range {
  return view.mappable ? ctx.scriptRange(view.run, c.source.start, c.source.end) : wholeRange(view);
}

export function wordRange(ctx: RuleContext, view: RunView, word: ShellWord): Range {
  return view.mappable ? ctx.scriptRange(view.run, word.start, word.end) : wholeRange(view);
}

/** Inserts ` text` right after a word of the script; null when the script cannot be edited. */
export function insertAfter(ctx: RuleContext, view: RunView, word: ShellWord, text: string): TextEdit | null {
  if (!view.mappable) return null;
  const at = ctx.scriptRange(view.run, word.end, word.end);
  return { range: { start: at.start, end: at.start }, text: ` ${text}` };
}

/**
 * Reports one finding for a RUN (hadolint fails an instruction once) on the first offending
 * command; the fix, when given, must be able to edit every offending command, or none is offered.
 */
export function reportCommands(
  ctx: RuleContext,
  view: RunView,
  offenders: HCommand[],
  message: string,
  fix?: { title: string; edit: (c: HCommand) => TextEdit | null },
): void {
  const first = offenders[0];
  if (!first) return;
  const edits = fix ? offenders.map(fix.edit) : [];
  const complete = fix !== undefined && edits.every((e) => e !== null);
  ctx.report({
    range: commandRange(ctx, view, first),
    message,
    ...(complete ? { fix: { title: fix.title, edits: edits as TextEdit[] } } : {}),
  });
}

/** A Dockerfile word with its quotes removed (how hadolint sees ENV values). */
export function unquote(word: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
    } else if (c === '\\' && i + 1 < word.length) {
      out += word[++i];
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else out += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else {
      out += c;
    }
  }
  return out;
}

// ---- stages (for the rules that look at FROM) ---------------------------------------

/** The parts of a FROM that hadolint's `BaseImage` holds, to compare two FROMs. */
export interface FromKey {
  image: string;
  /** The image name without tag or digest (hadolint's `imageName`). */
  name: string;
  alias: string | null;
  platform: string | null;
}

export function fromKey(from: Instruction): FromKey | null {
  if (from.keyword !== 'FROM') return null;
  const args = from.args.map((a) => a.value);
  const image = from.image;
  let name = image;
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) name = name.slice(0, colon);
  const asIndex = args.findIndex((a, i) => i > 0 && a.toLowerCase() === 'as');
  const alias = asIndex >= 0 ? (args[asIndex + 1] ?? null) : null;
  return { image, name, alias, platform: from.platform };
}

export function sameFrom(a: FromKey | null, b: FromKey | null): boolean {
  if (a === null || b === null) return a === b;
  return a.image === b.image && a.alias === b.alias && a.platform === b.platform;
}
