import type { Instruction, ParseResult, Range, RunInstruction } from '../parse/types.ts';
import type { ShellScript } from '../script/types.ts';
import type { ResolvedDockerfile, Stage } from '../stages/types.ts';
import type { BuildkitPhase } from './buildkit-reach.ts';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export type Category = 'size' | 'cache' | 'security' | 'correctness' | 'maintainability';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

/** Replace the text in `range` with `text` (an empty range inserts). */
export interface TextEdit {
  range: Range;
  text: string;
}

/** A mechanical change that resolves a finding. */
export interface Fix {
  /** What the fix does, e.g. "Add --no-install-recommends". */
  title: string;
  edits: TextEdit[];
}

/** Documentation of a rule, rendered on its page of the site. Markdown. */
export interface RuleDocs {
  /** Why the rule exists: what goes wrong, how much it costs. */
  rationale: string;
  /** A Dockerfile the rule flags. */
  bad: string;
  /** The same Dockerfile, fixed. */
  good: string;
}

/** Names the same rule has in other tools. */
export interface RuleAliases {
  /** hadolint codes, e.g. ["DL3008"]. */
  hadolint?: string[];
  /** Docker build check name, e.g. "JSONArgsRecommended". */
  buildkit?: string;
}

/** Files of the build context, when the linter was given one. */
export interface LintContext {
  /** `/`-separated paths relative to the context root, after .dockerignore. */
  files: readonly { path: string; bytes: number; /** Text of the small manifests rules read (Cargo.toml), when known. */ text?: string }[];
  /** Paths the ignore file excluded (directories listed once). */
  excluded: readonly string[];
  /** The ignore file used, relative to the context root, or null when there is none. */
  ignoreFile: string | null;
  /** Tests a context path against the ignore file, as BuildKit would. */
  isIgnored: (path: string) => boolean;
  /**
   * The ignore file has a `!` exception. BuildKit's CopyIgnoredFile then says nothing
   * (`PatternMatcher.Exclusions()`): what an exception brings back is hard to tell statically.
   */
  exceptions: boolean;
}

export interface LintOptions {
  /** Registries `FROM` may pull from (DL3026); empty allows all. */
  trustedRegistries?: readonly string[];
  /** Required labels and their kinds (hadolint's label-schema, DL3048–DL3058). */
  labelSchema?: Readonly<Record<string, LabelKind>>;
  /** Only allow these label keys (hadolint's strict-labels). */
  strictLabels?: boolean;
}

export type LabelKind = 'text' | 'url' | 'spdx' | 'hash' | 'rfc3339' | 'semver' | 'email';

/**
 * For a rule that stands for both a hadolint rule and a build check: the one tool that reports
 * a given finding, where the two differ (hadolint's DL3025 checks HEALTHCHECK, BuildKit's
 * JSONArgsRecommended does not). The finding then carries only that tool's name: its pragma
 * and skip directive apply, the other's do not.
 */
export type AliasTool = 'hadolint' | 'buildkit';

/** What a rule's check can see, and how it reports. */
export interface RuleContext {
  source: string;
  /** Physical lines of the source, without line endings. */
  lines: readonly string[];
  parsed: ParseResult;
  resolved: ResolvedDockerfile;
  /** The build context, or null when linting a Dockerfile alone. */
  context: LintContext | null;
  options: LintOptions;
  /** The stage an instruction belongs to (null for instructions before the first FROM). */
  stageOf: (instruction: Instruction) => Stage | null;
  /** The commands of a RUN (shell form, or its heredoc script); parsed once and cached. */
  scriptOf: (run: RunInstruction) => ShellScript | null;
  /** Source range of `script` offsets [start, end) of a RUN's script, for precise underlines. */
  scriptRange: (run: RunInstruction, start: number, end: number) => Range;
  report: (finding: { range: Range; message?: string; fix?: Fix; only?: AliasTool }) => void;
  /**
   * What `make` gives for `key`, worked out once per lint and shared by every rule of it: what
   * several rules derive from the same instruction or stage (its commands, a chain of stages) is
   * computed once. `make` names the table, so it must be a function defined once (not a closure
   * made per call); it must not return undefined, and readers must not modify what it returns.
   * A fact about the whole file takes the key `null`, which is kept without a table.
   */
  memo: <K, V>(make: (ctx: RuleContext, key: K) => V, key: K) => V;
}

export interface Rule {
  /** Stable kebab-case id, e.g. `apt-no-install-recommends`. */
  id: string;
  /** One line, imperative: "Use --no-install-recommends with apt-get install". */
  title: string;
  severity: Severity;
  category: Category;
  aliases: RuleAliases;
  docs: RuleDocs;
  /** Whether the rule needs the build context to say anything. */
  needsContext?: boolean;
  /**
   * Off unless the configuration gives the rule a severity (`"DL1001": "style"`): hadolint's
   * rules with severity *ignore* by default (DL1001), and opt-in rules of Layerwise's own
   * (set-user-in-final-stage).
   */
  defaultOff?: boolean;
  /**
   * Ids of rules that report the same problem at the same place in less detail. When this rule
   * and one of them both report on the same line, only this rule's finding is kept.
   */
  supersedes?: readonly string[];
  /**
   * For a build check: when BuildKit runs it (see `BuildkitPhase`); 'dispatch' by default, as
   * most run while it converts the instructions. A build error stops every check after it.
   */
  buildkitRunsIn?: BuildkitPhase;
  /**
   * An experimental build check: BuildKit runs it only when the check options enable it
   * (`# check=experimental=CopyIgnoredFile` or `experimental=all`).
   */
  buildkitExperimental?: boolean;
  check: (ctx: RuleContext) => void;
}

export interface Finding {
  rule: string;
  aliases: string[];
  severity: Severity;
  category: Category;
  message: string;
  range: Range;
  fix?: Fix;
}
