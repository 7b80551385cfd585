import type { FromInstruction, Instruction, Range } from '../parse/types.ts';

/** An OS/architecture pair such as `linux/arm64/v8`. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  /** Windows only, e.g. `10.0.17763.5830` (BUILDOSVERSION / TARGETOSVERSION); empty elsewhere. */
  osVersion?: string;
}

export interface ResolveOptions {
  /** `--build-arg` values: they override ARG defaults, globally and in stages. */
  buildArgs?: Readonly<Record<string, string>>;
  /** The platform the image is built for (TARGETPLATFORM); linux/amd64 by default. */
  targetPlatform?: Platform;
  /** The platform of the builder (BUILDPLATFORM); the target platform by default. */
  buildPlatform?: Platform;
  /** `--target STAGE` (TARGETSTAGE); the last stage by default. */
  target?: string;
  /**
   * The ENV a base image's config brings (e.g. `node:22` sets NODE_VERSION and PATH), when known.
   * Without it only the PATH BuildKit sets for images that have none is assumed.
   */
  baseImageEnv?: (image: string) => Readonly<Record<string, string>> | undefined;
}

/** What an expanded word is for: the field of the instruction it came from. */
export type ExpansionField =
  | 'image'
  | 'platform'
  | 'arg'
  | 'source'
  | 'destination'
  | 'from'
  | 'chown'
  | 'chmod'
  | 'checksum'
  | 'key'
  | 'value'
  | 'user'
  | 'workdir'
  | 'signal'
  | 'port'
  | 'volume'
  | 'mount';

/** One word after Docker's variable expansion, with the variables it used. */
export interface ExpandedWord {
  field: ExpansionField;
  /** The text as written. */
  raw: string;
  /** The text after expansion ("" when the expansion failed). */
  value: string;
  /** EXPOSE expands one word into several (`EXPOSE $PORTS`); elsewhere this is `[value]`. */
  values: string[];
  range: Range;
  /** Variables referenced that were not set in scope (BuildKit expands them to ""). */
  unmatched: readonly string[];
  /** Variables referenced and set. */
  matched: readonly string[];
  /** BuildKit's error for a malformed word (`${X:?required}`, `${unterminated`), or null. */
  error: string | null;
}

/** One instruction of a stage, with the variables in scope when it runs. */
export interface Step {
  instruction: Instruction;
  /** ARG values declared so far in the stage (including those inherited from a base stage). */
  args: ReadonlyMap<string, string>;
  /** ENV so far (the base image's, then the stage's own). */
  env: ReadonlyMap<string, string>;
  /** The words Docker expands for this instruction, in source order; empty for RUN, CMD, ... */
  expansions: ExpandedWord[];
}

export interface Stage {
  index: number;
  /** Lower-cased name from `AS name`, or null. */
  name: string | null;
  from: FromInstruction;
  /** The base after expanding the global ARGs: an image reference, `scratch` or an earlier stage. */
  base: ExpandedWord;
  /** Index of the earlier stage this one builds on (`FROM build`), or null for an image. */
  baseStage: number | null;
  platform: ExpandedWord | null;
  steps: Step[];
  /** ARGs and ENV at the end of the stage. */
  args: ReadonlyMap<string, string>;
  env: ReadonlyMap<string, string>;
}

/** A problem found while resolving, in the same shape as parse errors. */
export interface ResolveError {
  message: string;
  range: Range;
}

export interface ResolvedDockerfile {
  /** ARGs declared before the first FROM, plus BuildKit's predefined ARGs, after build args. */
  globalArgs: ReadonlyMap<string, string>;
  /** The names of ARGs declared before the first FROM (the only ones FROM may use). */
  globalArgNames: ReadonlySet<string>;
  /**
   * The first default of a global ARG that fails to expand (`ARG V=${X:?required}`): BuildKit's
   * buildMetaArgs stops there, before it reads any stage. Null when they all expand.
   */
  globalArgError: ResolveError | null;
  stages: Stage[];
  errors: ResolveError[];
}
