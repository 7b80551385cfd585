/**
 * What Docker's build checks share: the `# check=` comment above an instruction, BuildKit's
 * "did you mean" suggestions, the platform and image-reference parsers the checks call, and
 * small helpers over the parsed Dockerfile.
 */
import type { FromInstruction, Instruction, Range } from '../../../parse/types.ts';
import type { ResolvedDockerfile, Stage } from '../../../stages/types.ts';
import { parseCheckOptions, type CheckOptions } from '../../check-options.ts';
import type { RuleContext } from '../../types.ts';
export { goQuote, isGoLower, isGoUpper } from '../../../parse/go-text.ts';
export { baseChain } from '../../../stages/index.ts';

/**
 * The comments BuildKit's parser attaches to an instruction (`Node.PrevComment`): the comment
 * lines above it, trimmed, back to the nearest empty `#` line (which clears them). The file's
 * parser directives are left out (`directiveLines`: how many open the file, for its first
 * instruction). Blank lines do not clear them: the parser skips blank lines without touching
 * the list.
 */
export function attachedComments(instruction: Instruction, directiveLines = 0): readonly string[] {
  let comments: readonly string[] = instruction.comments;
  if (directiveLines > 0) comments = comments.slice(directiveLines);
  const reset = comments.lastIndexOf('');
  return reset >= 0 ? comments.slice(reset + 1) : comments;
}

/** How many directive lines open the file above `instruction` (only the first has any). */
export function directiveLinesAbove(ctx: RuleContext, instruction: Instruction): number {
  return instruction === ctx.parsed.instructions[0] ? ctx.parsed.directives.length : 0;
}

/**
 * The `# check=` comment directly above an instruction, as BuildKit's
 * `WithMergedConfigFromComments` reads it from the attached comments: only the first `check=`
 * comment counts, its value ends at the first space (`# check=skip=X // reason`), and one that
 * does not parse changes nothing.
 */
function commentConfig(instruction: Instruction, directiveLines: number): CheckOptions | null {
  // The file's parser directives (`# check=...` on the first lines) are comments of the first
  // instruction too, but they configure the whole file, and BUILDKIT_DOCKERFILE_CHECK replaces
  // them (BuildKit's testRuleCheckOption: `#check=skip=all` overridden by the build arg still
  // reports FromAsCasing on the FROM below it).
  for (const comment of attachedComments(instruction, directiveLines)) {
    const m = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/.exec(comment);
    if (!m || m[1]!.toLowerCase() !== 'check') continue;
    const parsed = parseCheckOptions(m[2]!.split(' ')[0]!);
    return parsed.ok ? parsed.options : null;
  }
  return null;
}

/** Whether a `# check=skip=...` comment above `instruction` turns off the check `name` there. */
export function skippedByComment(instruction: Instruction, name: string, directiveLines = 0): boolean {
  const config = commentConfig(instruction, directiveLines);
  return config !== null && (config.skipAll || config.skip.includes(name));
}

/**
 * BuildKit reports a check on the first line of the instruction. A precise range that starts on
 * a continuation line is stretched back to the keyword, so that the finding's line is BuildKit's.
 */
export function anchor(instruction: Instruction, range: Range): Range {
  if (range.start.line === instruction.range.start.line) return range;
  return { start: instruction.keywordRange.start, end: range.end };
}

/**
 * Reports on `at` (the instruction the check is about, `instruction` by default), unless the
 * `# check=` comment above `instruction` skips the check.
 */
export function reportAt(
  ctx: RuleContext,
  check: string,
  instruction: Instruction,
  finding: Parameters<RuleContext['report']>[0],
  at: Instruction = instruction,
): void {
  const directiveLines = directiveLinesAbove(ctx, instruction);
  // The comment is BuildKit's: it does not hide what only hadolint reports.
  if (finding.only !== 'hadolint' && skippedByComment(instruction, check, directiveLines)) return;
  ctx.report({ ...finding, range: anchor(at, finding.range) });
}

/**
 * The instructions before the first FROM: the global ARGs, and anything else there, which
 * BuildKit rejects ("no build stage in current context") while hadolint still checks it.
 */
export function beforeFirstFrom(ctx: RuleContext): readonly Instruction[] {
  const instructions = ctx.parsed.instructions;
  const at = instructions.findIndex((i) => i.keyword === 'FROM');
  return at < 0 ? instructions : instructions.slice(0, at);
}

/** Levenshtein distance over code points (agext/levenshtein with unit costs). */
export function levenshtein(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * BuildKit's `suggest.Search`: the first option closer than 3 edits (the closest wins), or ""
 * when there is none. An exact match is returned as is.
 */
export function suggest(value: string, options: Iterable<string>, caseSensitive = true): string {
  const val = caseSensitive ? value : value.toLowerCase();
  let match = '';
  let best = 3;
  for (const option of options) {
    const opt = caseSensitive ? option : option.toLowerCase();
    if (opt === val) return opt;
    const d = levenshtein(val, opt);
    if (d < best) {
      best = d;
      match = opt;
    }
  }
  return match;
}

/** A platform as containerd's `platforms.Parse` returns it (normalized). */
export interface ParsedPlatform {
  os: string;
  architecture: string;
  variant: string;
}

const PLATFORM_COMPONENT = /^[A-Za-z0-9_.-]+$/;
const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl',
  'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
]);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64',
  'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x',
  'sparc', 'sparc64', 'wasm',
]);

function normalizeOs(os: string): string {
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

function normalizeArch(arch: string, variant: string): [string, string] {
  const a = arch.toLowerCase();
  const v = variant.toLowerCase();
  switch (a) {
    case 'i386':
      return ['386', ''];
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return ['amd64', v === 'v1' ? '' : v];
    case 'aarch64':
    case 'arm64':
      return ['arm64', v === '8' || v === 'v8' ? '' : v];
    case 'armhf':
      return ['arm', 'v7'];
    case 'armel':
      return ['arm', 'v6'];
    case 'arm':
      if (v === '' || v === '7' || v === 'v7') return ['arm', 'v7'];
      if (v === '5' || v === '6' || v === '8') return ['arm', `v${v}`];
      return ['arm', v];
    default:
      return [a, v];
  }
}

/**
 * containerd's `platforms.Parse` for the forms a Dockerfile uses (`os`, `arch`, `os/arch`,
 * `os/arch/variant`, `os(version)/arch`), normalized; null where it fails. A lone word that is
 * not an OS is an architecture of the default OS (linux).
 */
export function parsePlatform(specifier: string): ParsedPlatform | null {
  if (specifier.includes('*')) return null;
  let spec = specifier;
  const paren = /^([^()/]*)\(([^)]*)\)(.*)$/.exec(spec);
  if (paren) spec = paren[1]! + paren[3]!;
  const parts = spec.split('/');
  for (const part of parts) if (!PLATFORM_COMPONENT.test(part)) return null;
  if (parts.length === 1) {
    const word = parts[0]!.toLowerCase();
    if (KNOWN_OS.has(normalizeOs(word))) {
      return { os: normalizeOs(word), architecture: 'amd64', variant: '' };
    }
    const [architecture, variant] = normalizeArch(word, '');
    if (!KNOWN_ARCH.has(architecture)) return null;
    return { os: 'linux', architecture, variant };
  }
  if (parts.length === 2 || parts.length === 3) {
    const os = normalizeOs(parts[0]!);
    const [architecture, variant] = normalizeArch(parts[1]!, parts[2] ?? '');
    if (parts.length === 3 && architecture === 'arm64' && variant === '') return { os, architecture, variant: 'v8' };
    return { os, architecture, variant };
  }
  return null;
}

/** containerd's `platforms.FormatAll` of a normalized platform. */
export function formatPlatformSpec(p: ParsedPlatform): string {
  return p.variant ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`;
}

/** The ARG names a step's stage has declared before it, with those of the stages it builds on. */
export function declaredArgNames(resolved: ResolvedDockerfile, stage: Stage, stepIndex: number): Set<string> {
  const names = new Set<string>();
  const chain: Stage[] = [];
  const seen = new Set<number>();
  for (let s: Stage | undefined = stage; s && !seen.has(s.index); s = s.baseStage === null ? undefined : resolved.stages[s.baseStage]) {
    seen.add(s.index);
    chain.push(s);
  }
  for (const s of chain.reverse()) {
    const limit = s === stage ? stepIndex : s.steps.length;
    for (const step of s.steps.slice(0, limit)) {
      if (step.instruction.keyword === 'ARG') for (const def of step.instruction.definitions) names.add(def.name);
    }
  }
  return names;
}

/** The FROM instructions that start stages, in order (one per stage). Shared by the rules: do not modify. */
export function fromInstructions(ctx: RuleContext): readonly FromInstruction[] {
  return ctx.memo(listFroms, null);
}

function listFroms(ctx: RuleContext): readonly FromInstruction[] {
  return ctx.resolved.stages.map((stage) => stage.from);
}

/** The whole of one physical line (1-based), for checks BuildKit reports on a line. */
export function lineRange(ctx: RuleContext, line: number): Range {
  const text = ctx.lines[line - 1] ?? '';
  const start = text.length - text.trimStart().length;
  return { start: { line, column: start + 1 }, end: { line, column: Math.max(start + 1, text.trimEnd().length + 1) } };
}
