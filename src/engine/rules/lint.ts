import { parseDockerfile, positionInSegments } from '../parse/index.ts';
import type { Instruction, ParseResult, Range, RunInstruction } from '../parse/types.ts';
import { parseShellScript, runScript, type RunScript } from '../script/index.ts';
import type { ShellScript } from '../script/types.ts';
import { resolveStages } from '../stages/index.ts';
import type { ResolvedDockerfile, ResolveOptions, Stage } from '../stages/types.ts';
import { CHECK_BUILD_ARG, parseCheckOptions, type CheckOptions } from './check-options.ts';
import { readPragmas } from './pragmas.ts';
import type { AliasTool, Finding, LintContext, LintOptions, Rule, RuleContext, Severity } from './types.ts';
import { lineStartsOf, sourceLines } from './source-lines.ts';
import { conversionHalt, instructionParserStop, reachesLine, type ConversionHalt } from './buildkit-reach.ts';

/** What `.layerwise.json` may say about one rule. */
export type RuleSetting = 'off' | 'on' | Severity;

/** `.layerwise.json` (or the `layerwise` key of package.json). */
export interface LintConfig {
  /**
   * Per rule (by id, hadolint code or build-check name): "off", "on" (the rule's own severity;
   * turns on a rule that is off by default) or a new severity.
   */
  rules?: Readonly<Record<string, RuleSetting>>;
  options?: LintOptions;
}

export interface LintInput {
  rules: readonly Rule[];
  context?: LintContext | null;
  config?: LintConfig;
  /**
   * `--build-arg NAME=VALUE` values. They feed the stage resolver (ARG values, so UndefinedVar,
   * UndefinedArgInFrom and InvalidDefaultArgInFrom see them) and `BUILDKIT_DOCKERFILE_CHECK`
   * replaces the file's `# check=` directive, as in BuildKit.
   */
  buildArgs?: Readonly<Record<string, string>>;
  /** Resolver options; its `buildArgs`, when given, win over `buildArgs` above. */
  resolve?: ResolveOptions;
}

export interface LintResult {
  findings: Finding[];
  parsed: ParseResult;
  resolved: ResolvedDockerfile;
  /** Rules that failed while checking (a bug in the rule, reported, never thrown). */
  crashed: { rule: string; message: string }[];
  /**
   * A `# check=` directive or `BUILDKIT_DOCKERFILE_CHECK` value that does not parse: BuildKit
   * fails the build with this message; the checks then run with their defaults.
   */
  checkOptionsError: string | null;
}

/** The build-check options in force: the build arg when set (even empty), else the directive. */
function checkOptionsOf(buildArgs: Readonly<Record<string, string>> | undefined, directive: { checks: CheckOptions | null; checkError: string | null }): { options: CheckOptions | null; error: string | null } {
  const override = buildArgs?.[CHECK_BUILD_ARG];
  if (override === undefined) return { options: directive.checks, error: directive.checkError };
  const parsed = parseCheckOptions(override);
  return parsed.ok ? { options: parsed.options, error: null } : { options: null, error: `failed to parse ${CHECK_BUILD_ARG}: ${parsed.message}` };
}

/** A rule with its names (id, hadolint codes, build-check name), which pragmas and config use. */
interface NamedRule {
  rule: Rule;
  names: string[];
  /** The names of a finding only one of the two tools reports (see `AliasTool`). */
  only: Readonly<Record<AliasTool, string[]>>;
}

/** A rule list, ready for linting: each rule with its names, and the rules by id. */
interface IndexedRules {
  named: readonly NamedRule[];
  byId: ReadonlyMap<string, Rule>;
  /** Some rule of the list supersedes another. */
  supersede: boolean;
}

// Callers lint many files with one rule list: it is indexed once per list, not per file.
const indexedLists = new WeakMap<readonly Rule[], IndexedRules>();
function indexed(rules: readonly Rule[]): IndexedRules {
  let index = indexedLists.get(rules);
  if (!index) {
    index = {
      named: rules.map((rule) => {
        const hadolint = [rule.id, ...(rule.aliases.hadolint ?? [])];
        const buildkit = [rule.id, ...(rule.aliases.buildkit ? [rule.aliases.buildkit] : [])];
        return { rule, names: [...hadolint, ...buildkit.slice(1)], only: { hadolint, buildkit } };
      }),
      byId: new Map(rules.map((r) => [r.id, r])),
      supersede: rules.some((r) => (r.supersedes?.length ?? 0) > 0),
    };
    indexedLists.set(rules, index);
  }
  return index;
}

/** The first setting the config gives under any of a rule's names. */
function settingOf(settings: Readonly<Record<string, RuleSetting>>, names: readonly string[]): RuleSetting | undefined {
  for (const name of names) {
    const setting = settings[name];
    if (setting !== undefined) return setting;
  }
  return undefined;
}

const MEMO_SLOT = Symbol('layerwise.memo');
/** A `make` function of `RuleContext.memo`, with the table of the lint that last used it. */
type MemoizedMake = { [MEMO_SLOT]?: MemoSlot };
/** One lint's values of a `make` function: the one for the key `null` (a fact about the whole file) kept apart, without a Map. */
interface MemoSlot {
  generation: number;
  table: Map<unknown, unknown> | null;
  whole: unknown;
}
let lintGeneration = 0;

/** A RUN's script, parsed, with what mapping script offsets back to the source needs. */
interface ScriptEntry {
  run: RunScript | null;
  parsed: ShellScript | null;
  /** For a heredoc script: offsets in its text where each line starts (built on first use). */
  lineStarts: number[] | null;
}

export function lintDockerfile(source: string, input: LintInput): LintResult {
  const parsed = parseDockerfile(source);
  const buildArgs = { ...input.buildArgs, ...input.resolve?.buildArgs };
  const resolved = resolveStages(parsed, { ...input.resolve, buildArgs });
  const lines = sourceLines(source);
  const pragmas = readPragmas(lines, parsed.directives);
  const checks = checkOptionsOf(buildArgs, pragmas);
  const config = input.config ?? {};
  const findings: Finding[] = [];
  const crashed: LintResult['crashed'] = [];

  // Built on first use: many files never ask for a stage, or have no pragma to look up.
  let stageByInstruction: Map<Instruction, Stage> | null = null;
  const stageOf = (instruction: Instruction): Stage | null => {
    if (!stageByInstruction) {
      stageByInstruction = new Map();
      for (const stage of resolved.stages) {
        stageByInstruction.set(stage.from, stage);
        for (const step of stage.steps) stageByInstruction.set(step.instruction, stage);
      }
    }
    return stageByInstruction.get(instruction) ?? null;
  };
  // A pragma above an instruction covers all of it, continuation lines and heredoc included:
  // owner[line] is the first line of the instruction written on `line` (0 when none is).
  let owner: Int32Array | null = null;
  const ownerLine = (line: number): number => {
    if (!owner) {
      owner = new Int32Array(parsed.lineCount + 2);
      for (let k = parsed.instructions.length - 1; k >= 0; k--) {
        const { start, end } = parsed.instructions[k]!.range;
        for (let l = Math.max(start.line, 0); l <= end.line && l < owner.length; l++) owner[l] = start.line;
      }
    }
    return line >= 0 && line < owner.length && owner[line] !== 0 ? owner[line]! : line;
  };
  // Each RUN's script is found and parsed once per lint, however many rules ask for it.
  const scripts = new Map<RunInstruction, ScriptEntry>();
  const entryOf = (run: RunInstruction): ScriptEntry => {
    let entry = scripts.get(run);
    if (!entry) {
      const s = runScript(run);
      entry = { run: s, parsed: s ? parseShellScript(s.text) : null, lineStarts: null };
      scripts.set(run, entry);
    }
    return entry;
  };
  // One table per `make` function, for this lint only: kept on the function itself, stamped with
  // this lint's number (rules call memo ~150 times per file; a slot read is cheaper than a Map of
  // Maps). A slot stamped by another lint (one run inside a rule, or an earlier one) is replaced.
  const generation = ++lintGeneration;
  const memo = <K, V>(make: (ctx: RuleContext, key: K) => V, key: K): V => {
    const memoized = make as MemoizedMake;
    let slot = memoized[MEMO_SLOT];
    if (slot === undefined || slot.generation !== generation) {
      slot = { generation, table: null, whole: undefined };
      memoized[MEMO_SLOT] = slot;
    }
    if (key === null) {
      if (slot.whole === undefined) slot.whole = make(ctx, key);
      return slot.whole as V;
    }
    const table = (slot.table ??= new Map());
    let value = table.get(key) as V | undefined;
    if (value === undefined) {
      value = make(ctx, key);
      table.set(key, value);
    }
    return value;
  };
  const scriptOf = (run: RunInstruction): ShellScript | null => entryOf(run).parsed;
  const scriptRange = (run: RunInstruction, start: number, end: number): Range => {
    const entry = entryOf(run);
    const s = entry.run;
    if (!s) return run.range;
    if (s.heredoc) {
      const doc = run.heredocs[0]!;
      const starts = entry.lineStarts ?? (entry.lineStarts = lineStartsOf(s.text));
      const at = (offset: number) => {
        // The line holding `offset`: the last line start at or before it (offsets past the end
        // stay on the last line, negative ones on the first, as slicing the text would).
        const o = Math.min(Math.max(offset, 0), s.text.length);
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= o) lo = mid;
          else hi = mid - 1;
        }
        return { line: doc.range.start.line + lo, column: offset - (starts[lo]! - 1) };
      };
      return { start: at(start), end: at(end) };
    }
    return {
      start: positionInSegments(run.segments, s.offset + start, run.range.start),
      end: end > start ? (({ line, column }) => ({ line, column: column + 1 }))(positionInSegments(run.segments, s.offset + end - 1, run.range.start)) : positionInSegments(run.segments, s.offset + start, run.range.start),
    };
  };

  // One context serves every rule: `report` reads the rule being run (with its names) from
  // `current` and its severity from `currentSeverity`, so the loop allocates no object or closure
  // per rule (rules report synchronously, inside check).
  let current: NamedRule | null = null;
  let currentSeverity: Severity = 'error';
  // The rule's build check is skipped (`# check=skip=`) or made an error (`error=true`): this
  // concerns its findings that BuildKit reports, not those only hadolint does.
  let checkSkipped = false;
  let checkError = false;
  // How far BuildKit gets (buildkit-reach.ts): a file its parser rejects is never linted by it,
  // its instruction parser may stop early, and a conversion error ends the checks after it.
  let halt: ConversionHalt | null | undefined;
  const reach = {
    parses: !parsed.errors.some((e) => e.kind === 'syntax'),
    parserStop: instructionParserStop(parsed),
    halt: () => (halt === undefined ? (halt = conversionHalt(resolved)) : halt),
  };
  const ctx: RuleContext = {
    source,
    lines,
    parsed,
    resolved,
    context: input.context ?? null,
    options: config.options ?? {},
    stageOf,
    scriptOf,
    scriptRange,
    memo,
    report: ({ range, message, fix, only }) => {
      if (current === null) throw new Error('a rule reported a finding after its check returned');
      const { rule } = current;
      if (rule.aliases.buildkit && only !== 'hadolint' && !reachedByBuildkit(rule, range.start.line)) {
        // What the rule reports as a hadolint rule too stays, under hadolint's names alone.
        if (only === 'buildkit' || !rule.aliases.hadolint) return;
        only = 'hadolint';
      }
      const names = only ? current.only[only] : current.names;
      if (checkSkipped && only !== 'hadolint') return;
      const severity = checkError && only !== 'hadolint' ? 'error' : currentSeverity;
      const ignored = pragmas.byLine.size === 0 ? undefined : pragmas.byLine.get(ownerLine(range.start.line));
      if (ignored && names.some((n) => ignored.has(n))) return;
      findings.push({
        rule: rule.id,
        aliases: names.slice(1),
        severity,
        category: rule.category,
        message: message ?? rule.title,
        range,
        ...(fix ? { fix } : {}),
      });
    },
  };
  /** Whether BuildKit gets as far as running `rule` on `line` (see `Rule.buildkitRunsIn`). */
  const reachedByBuildkit = (rule: Rule, line: number): boolean => reachesLine(rule.buildkitRunsIn ?? 'dispatch', line, reach);
  const configuredRules = config.rules;
  const rules = indexed(input.rules);
  for (const entry of rules.named) {
    const { rule, names } = entry;
    const configured = configuredRules === undefined ? undefined : settingOf(configuredRules, names);
    if (configured === 'off') continue;
    if (rule.defaultOff && configured === undefined) continue;
    if (pragmas.global.size > 0 && names.some((n) => pragmas.global.has(n))) continue;
    const check = rule.aliases.buildkit;
    // BuildKit's linter runs an experimental check only when enabled, and then whatever `skip` says.
    const skipped =
      check !== undefined &&
      (rule.buildkitExperimental === true
        ? !(checks.options?.experimentalAll || checks.options?.experimental.includes(check))
        : checks.options !== null && (checks.options.skipAll || checks.options.skip.includes(check)));
    // A build check alone is skipped whole; one that is also a hadolint rule still runs, for
    // the findings only hadolint reports.
    if (skipped && !rule.aliases.hadolint) continue;
    if (rule.needsContext && !input.context) continue;

    current = entry;
    currentSeverity = configured === undefined || configured === 'on' ? rule.severity : configured;
    checkSkipped = skipped;
    checkError = check !== undefined && checks.options?.error === true && configured === undefined;
    try {
      rule.check(ctx);
    } catch (err) {
      crashed.push({ rule: rule.id, message: err instanceof Error ? err.message : String(err) });
    }
    current = null;
  }

  // A finding superseded by a more specific rule's on the same line is dropped (one problem, one finding).
  const byRule = rules.byId;
  const supersededLines = new Map<string, Set<number>>();
  if (rules.supersede) {
    for (const f of findings) {
      for (const id of byRule.get(f.rule)?.supersedes ?? []) {
        const lines = supersededLines.get(id) ?? new Set<number>();
        lines.add(f.range.start.line);
        supersededLines.set(id, lines);
      }
    }
  }
  const kept = supersededLines.size === 0 ? findings : findings.filter((f) => !supersededLines.get(f.rule)?.has(f.range.start.line));

  // Rule ids are kebab-case ASCII, where code-unit order is the order localeCompare gives, at a
  // fraction of its cost.
  kept.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  return { findings: kept, parsed, resolved, crashed, checkOptionsError: checks.error };
}
