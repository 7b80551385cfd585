/**
 * The data model of a parsed Dockerfile.
 *
 * Two layers live side by side on every instruction, as in BuildKit:
 * - the raw syntax BuildKit's parser produces (`args`, `flags`, `json`, `heredocs`), which the
 *   `buildkit` dump format prints and which conformance tests compare against BuildKit's own output;
 * - typed fields per instruction (`FROM`'s stage name, `COPY`'s `--from`, `RUN`'s mounts, ...),
 *   which is what rules, the simulator and the grader read.
 *
 * Positions are 1-based lines and 1-based columns counted in UTF-16 code units, the convention
 * Monaco uses, so an editor can underline any range without conversion.
 */

/** A piece of an instruction's logical line: it starts at `offset` and was written at line:column. */
export interface Segment {
  offset: number;
  line: number;
  column: number;
}

export interface Position {
  line: number;
  column: number;
}

/** A source range; `end` is exclusive (the column just after the last character). */
export interface Range {
  start: Position;
  end: Position;
}

/**
 * `syntax` errors are the ones BuildKit's parser itself rejects (the build cannot start);
 * `instruction` errors are the ones BuildKit reports when it turns the syntax tree into typed
 * instructions (unknown flag, wrong argument count, ...): the build fails there too.
 */
export type ParseErrorKind = 'syntax' | 'instruction';

export interface ParseError {
  kind: ParseErrorKind;
  message: string;
  range: Range;
}

export interface ParseWarning {
  message: string;
  range: Range;
}

/** A parser directive from the top of the file (`# syntax=`, `# escape=`, `# check=`). */
export interface Directive {
  name: 'syntax' | 'escape' | 'check';
  value: string;
  range: Range;
}

/** One word of an instruction's arguments, with where it was written. */
export interface Argument {
  value: string;
  range: Range;
}

/** A builder flag such as `--from=builder`, as BuildKit keeps it (`raw`) and split into parts. */
export interface Flag {
  /** The flag as BuildKit's AST holds it, e.g. `--mount=type=cache,target=/root/.npm`. */
  raw: string;
  /** The name without dashes, e.g. `mount`. */
  name: string;
  /** The text after `=`, or null when the flag was written without `=`. */
  value: string | null;
  range: Range;
}

/** A here-document attached to RUN, COPY or ADD. */
export interface Heredoc {
  name: string;
  /** File descriptor written before `<<` (`3<<EOF`), 0 when absent. */
  fileDescriptor: number;
  /** False when the delimiter was quoted (`<<'EOF'`): the body is not variable-expanded. */
  expand: boolean;
  /** True for `<<-EOF`: leading tabs are removed from the body when it is used. */
  chomp: boolean;
  /** The raw body, every line with its line ending, as BuildKit keeps it. */
  content: string;
  /** From the first body line to the terminator line. */
  range: Range;
}

export type InstructionKeyword =
  | 'ADD'
  | 'ARG'
  | 'CMD'
  | 'COPY'
  | 'ENTRYPOINT'
  | 'ENV'
  | 'EXPOSE'
  | 'FROM'
  | 'HEALTHCHECK'
  | 'LABEL'
  | 'MAINTAINER'
  | 'ONBUILD'
  | 'RUN'
  | 'SHELL'
  | 'STOPSIGNAL'
  | 'USER'
  | 'VOLUME'
  | 'WORKDIR';

interface InstructionBase {
  /** The keyword as written, e.g. `run` (kept for the casing checks). */
  keywordText: string;
  keywordRange: Range;
  /** From the keyword to the end of the last continuation line or heredoc terminator. */
  range: Range;
  /** The logical line: continuation lines joined, comments inside it removed. */
  original: string;
  /**
   * Where each piece of `original` was written, to map an offset in it back to the source
   * (`positionInSegments`); empty when the instruction is one piece starting at `range.start`.
   */
  segments: Segment[];
  flags: Flag[];
  /**
   * BuildKit's argument nodes in order. For ENV and LABEL these are (key, value, separator)
   * triples; for ONBUILD they are empty (see `trigger`).
   */
  args: Argument[];
  /** True when the arguments were written in JSON (exec) form. */
  json: boolean;
  heredocs: Heredoc[];
  /** Comment lines directly above the instruction. */
  comments: string[];
}

export type CommandForm = 'shell' | 'exec';

export interface FromInstruction extends InstructionBase {
  keyword: 'FROM';
  /** The image reference as written (variables not expanded). */
  image: string;
  /** The stage name, lower-cased as BuildKit stores it, or null without `AS`. */
  stageName: string | null;
  stageNameRange: Range | null;
  platform: string | null;
}

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';

/** One `RUN --mount=...`. Values are as written; BuildKit expands variables in them later. */
export interface Mount {
  type: MountType;
  target: string | null;
  source: string | null;
  from: string | null;
  id: string | null;
  sharing: 'shared' | 'private' | 'locked' | null;
  readOnly: boolean;
  required: boolean;
  mode: number | null;
  uid: number | null;
  gid: number | null;
  size: string | null;
  env: string | null;
  range: Range;
}

export interface RunInstruction extends InstructionBase {
  keyword: 'RUN';
  form: CommandForm;
  /** Shell form: one element, the command text. Exec form: the argv. */
  command: string[];
  mounts: Mount[];
  network: 'default' | 'none' | 'host' | null;
  security: 'sandbox' | 'insecure' | null;
}

export interface CmdInstruction extends InstructionBase {
  keyword: 'CMD' | 'ENTRYPOINT';
  form: CommandForm;
  command: string[];
}

export interface ShellInstruction extends InstructionBase {
  keyword: 'SHELL';
  shell: string[];
}

/** A source written inline as a heredoc (`COPY <<EOF /etc/app.conf`). */
export interface SourceContent {
  path: string;
  data: string;
  expand: boolean;
}

export interface CopyInstruction extends InstructionBase {
  keyword: 'COPY' | 'ADD';
  sources: Argument[];
  sourceContents: SourceContent[];
  destination: Argument | null;
  /** COPY only: `--from=stage|image|index`. */
  from: string | null;
  chown: string | null;
  chmod: string | null;
  link: boolean;
  /** COPY only. */
  parents: boolean;
  exclude: string[];
  /** ADD only. */
  keepGitDir: boolean;
  /** ADD only. */
  checksum: string | null;
  /** ADD only: null when not given. */
  unpack: boolean | null;
}

export interface KeyValue {
  key: string;
  value: string;
  /** `=` for `KEY=value`, empty for the legacy `KEY value` form. */
  separator: '' | '=';
  keyRange: Range;
  valueRange: Range;
}

export interface EnvInstruction extends InstructionBase {
  keyword: 'ENV' | 'LABEL';
  pairs: KeyValue[];
}

export interface ArgDefinition {
  name: string;
  /** The default as written, or null for `ARG NAME` without a default. */
  defaultValue: string | null;
  range: Range;
}

export interface ArgInstruction extends InstructionBase {
  keyword: 'ARG';
  definitions: ArgDefinition[];
}

export interface HealthcheckInstruction extends InstructionBase {
  keyword: 'HEALTHCHECK';
  type: 'NONE' | 'CMD' | null;
  form: CommandForm;
  command: string[];
  /** Durations in milliseconds, null when not given. */
  intervalMs: number | null;
  timeoutMs: number | null;
  startPeriodMs: number | null;
  startIntervalMs: number | null;
  retries: number | null;
}

export interface SingleValueInstruction extends InstructionBase {
  keyword: 'USER' | 'WORKDIR' | 'STOPSIGNAL' | 'MAINTAINER';
  value: string;
}

export interface ListInstruction extends InstructionBase {
  keyword: 'EXPOSE' | 'VOLUME';
  values: string[];
}

export interface OnbuildInstruction extends InstructionBase {
  keyword: 'ONBUILD';
  trigger: Instruction | null;
}

/** An instruction BuildKit does not know. Its parser keeps it; the build then fails. */
export interface UnknownInstruction extends InstructionBase {
  keyword: 'UNKNOWN';
}

export type Instruction =
  | FromInstruction
  | RunInstruction
  | CmdInstruction
  | ShellInstruction
  | CopyInstruction
  | EnvInstruction
  | ArgInstruction
  | HealthcheckInstruction
  | SingleValueInstruction
  | ListInstruction
  | OnbuildInstruction
  | UnknownInstruction;

/** The instruction type that carries a given keyword (`InstructionOf<'COPY'>` is `CopyInstruction`). */
export type InstructionOf<K extends InstructionKeyword> = Instruction extends infer I
  ? I extends { keyword: infer W }
    ? K extends W
      ? I
      : never
    : never
  : never;

export type EscapeCharacter = '\\' | '`';

export interface ParseResult {
  instructions: Instruction[];
  directives: Directive[];
  escapeCharacter: EscapeCharacter;
  errors: ParseError[];
  warnings: ParseWarning[];
  /** Number of physical lines in the source. */
  lineCount: number;
}
