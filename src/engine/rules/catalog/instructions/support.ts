/**
 * What hadolint's instruction-level rules share: walking the instructions (ONBUILD triggers
 * included, as hadolint checks them a second time), quote handling in hadolint's manner, image
 * references, archive names and the commands of a RUN.
 */
import type { CopyInstruction, FromInstruction, Instruction, Range, RunInstruction } from '../../../parse/types.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { Stage, Step } from '../../../stages/types.ts';
import type { RuleContext } from '../../types.ts';

export { baseChain } from '../../../stages/index.ts';

/** One instruction in file order, with its ONBUILD wrapper when it is a trigger. */
export interface Visited {
  instruction: Instruction;
  /** The ONBUILD instruction this one is the trigger of, or null. */
  onbuild: Instruction | null;
  stage: Stage | null;
  /** The resolved step (null for triggers and for instructions before the first FROM). */
  step: Step | null;
}

/**
 * Every instruction in file order; ONBUILD triggers follow their wrapper when `triggers` is set.
 * Listed once per lint and shared by the rules: do not modify.
 */
export function visit(ctx: RuleContext, triggers: boolean): readonly Visited[] {
  return ctx.memo(listInstructions, triggers);
}

function listInstructions(ctx: RuleContext, triggers: boolean): Visited[] {
  const out: Visited[] = [];
  const add = (instruction: Instruction, stage: Stage | null, step: Step | null) => {
    out.push({ instruction, onbuild: null, stage, step });
    if (triggers && instruction.keyword === 'ONBUILD' && instruction.trigger) {
      out.push({ instruction: instruction.trigger, onbuild: instruction, stage, step: null });
    }
  };
  // The stages split the instructions after the first FROM in file order (each FROM, then its
  // steps), so one walk pairs every instruction with its stage and step, without a lookup table.
  const { instructions } = ctx.parsed;
  const stages = ctx.resolved.stages;
  const first = stages.length > 0 ? instructions.indexOf(stages[0]!.from) : instructions.length;
  for (let k = 0; k < first; k++) add(instructions[k]!, null, null);
  for (const stage of stages) {
    add(stage.from, stage, null);
    for (const step of stage.steps) add(step.instruction, stage, step);
  }
  return out;
}

type Keyword = Instruction['keyword'];

/** How many instructions of each keyword a file has: its own, and its ONBUILD triggers. */
interface KeywordCounts {
  own: Map<Keyword, number>;
  triggers: Map<Keyword, number>;
}

function countKeywords(ctx: RuleContext): KeywordCounts {
  const own = new Map<Keyword, number>();
  const triggers = new Map<Keyword, number>();
  for (const instruction of ctx.parsed.instructions) {
    own.set(instruction.keyword, (own.get(instruction.keyword) ?? 0) + 1);
    const trigger = instruction.keyword === 'ONBUILD' ? instruction.trigger : null;
    if (trigger) triggers.set(trigger.keyword, (triggers.get(trigger.keyword) ?? 0) + 1);
  }
  return { own, triggers };
}

/**
 * How many instructions of `keyword` the file has, its ONBUILD triggers included when `triggers`
 * is set (the steps BuildKit runs from triggers are those). Counted once per lint: a rule about
 * one keyword returns at once on the many files without it.
 */
export function keywordCount(ctx: RuleContext, keyword: Keyword, triggers = true): number {
  const counts = ctx.memo(countKeywords, null);
  return (counts.own.get(keyword) ?? 0) + (triggers ? (counts.triggers.get(keyword) ?? 0) : 0);
}

/** Whether an image reference names a Windows image (`windows/servercore`, `nanoserver`, ...). */
export function isWindowsImage(ref: string): boolean {
  return /windows|nanoserver|servercore/i.test(ref);
}

function isQuote(code: number): boolean {
  return code === 0x22 || code === 0x27;
}

/** hadolint's `dropQuotes`: strips `"` and `'` from both ends. */
export function dropQuotes(text: string): string {
  // Most words are not quoted: they are returned as they are, without a regular expression.
  if (!isQuote(text.charCodeAt(0)) && !isQuote(text.charCodeAt(text.length - 1))) return text;
  return text.replace(/^["']+/, '').replace(/["']+$/, '');
}

/**
 * A Dockerfile word with its quotes removed and backslash escapes resolved, variables left as
 * written (what hadolint's parser hands its rules for LABEL and ENV pairs).
 */
export function unquote(word: string, escape = '\\'): string {
  let out = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
      continue;
    }
    if (c === escape && i + 1 < word.length) {
      const next = word[i + 1]!;
      if (quote === '"' && next !== '"' && next !== escape && next !== '$') {
        out += c;
        continue;
      }
      out += next;
      i++;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else out += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    out += c;
  }
  return out;
}

/** Whether a word refers to a variable (`$X`, `${X}`). */
export function hasVariable(word: string): boolean {
  return /\$(?:[A-Za-z_{]|\d)/.test(word);
}

/** An image reference split the way Docker reads it. */
export interface ImageRef {
  /** The registry host when the first path component names one (has `.` or `:` or is `localhost`). */
  registry: string | null;
  /** The repository path without registry, tag or digest. */
  path: string;
  tag: string | null;
  digest: string | null;
}

export function parseImageRef(reference: string): ImageRef {
  let rest = reference;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  return { registry, path: rest, tag, digest };
}

/** Extensions `ADD` extracts (hadolint's `archiveFileFormatExtensions`). */
export const ARCHIVE_EXTENSIONS = [
  '.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz',
];

const ARCHIVE_EXTENSION_SET: ReadonlySet<string> = new Set(ARCHIVE_EXTENSIONS);

export function isArchive(path: string): boolean {
  const p = dropQuotes(path);
  // Each extension has one dot, its first character: a path ends with one exactly when what
  // follows its last dot is one.
  const dot = p.lastIndexOf('.');
  return dot >= 0 && ARCHIVE_EXTENSION_SET.has(p.slice(dot));
}

/** The last component of a path (`/` or `\` separated), quotes dropped. */
export function basename(path: string): string {
  const p = dropQuotes(path);
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return p.slice(i + 1);
}

/** The expanded value of the `index`-th word of a field of a step, when it is known. */
export function expanded(step: Step | null, field: string, index = 0): { value: string; known: boolean } | null {
  if (!step) return null;
  const words = step.expansions.filter((e) => e.field === field);
  const word = words[index];
  if (!word) return null;
  return { value: word.value, known: word.unmatched.length === 0 && word.error === null };
}

/** The commands of a shell-form RUN (or its heredoc), or [] for the exec form. */
export function commandsOf(ctx: RuleContext, run: RunInstruction): ShellCommand[] {
  return ctx.scriptOf(run)?.commands ?? [];
}

/** The source range of one command of a RUN. */
export function commandRange(ctx: RuleContext, run: RunInstruction, command: ShellCommand): Range {
  return ctx.scriptRange(run, command.start, command.end);
}

/** The image word of a FROM (or the whole instruction when it has none). */
export function imageRange(from: FromInstruction): Range {
  return from.args[0]?.range ?? from.range;
}

/** The range a COPY/ADD finding underlines when it is about the destination. */
export function destinationRange(copy: CopyInstruction): Range {
  return copy.destination?.range ?? copy.range;
}

/** The range of a flag of an instruction, by name, or the instruction. */
export function flagRange(instruction: Instruction, name: string): Range {
  return instruction.flags.find((f) => f.name === name)?.range ?? instruction.range;
}
