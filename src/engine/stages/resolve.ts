import { isPlainShellText, plainWords, processWord, processWords, type ShellEnv } from '../parse/shell/lex.ts';
import type {
  ArgInstruction,
  CopyInstruction,
  EscapeCharacter,
  FromInstruction,
  Instruction,
  ParseResult,
  Range,
} from '../parse/types.ts';
import type {
  ExpandedWord,
  ExpansionField,
  Platform,
  ResolveError,
  ResolveOptions,
  ResolvedDockerfile,
  Stage,
  Step,
} from './types.ts';

/** BuildKit gives an image without PATH in its config this one (`system.DefaultPathEnv`). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

export function formatPlatform(p: Platform): string {
  return p.variant ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`;
}

/**
 * The ARGs BuildKit sets for every build, usable in FROM and, once declared with `ARG NAME`, in a
 * stage: BuildKit's `defaultArgs` (frontend/dockerfile/dockerfile2llb), eleven names. The
 * OSVERSION pair is empty except on Windows; TARGETSTAGE is the `--target` stage, else the last
 * stage's name ("" when it has none).
 */
export const PREDEFINED_ARGS = [
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDOSVERSION',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETOSVERSION',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE',
] as const;

/** The predefined ARGs' values (see PREDEFINED_ARGS). */
export function platformArgs(target: Platform, build: Platform, targetStage = ''): Map<string, string> {
  return new Map([
    ['BUILDPLATFORM', formatPlatform(build)],
    ['BUILDOS', build.os],
    ['BUILDOSVERSION', build.osVersion ?? ''],
    ['BUILDARCH', build.architecture],
    ['BUILDVARIANT', build.variant ?? ''],
    ['TARGETPLATFORM', formatPlatform(target)],
    ['TARGETOS', target.os],
    ['TARGETOSVERSION', target.osVersion ?? ''],
    ['TARGETARCH', target.architecture],
    ['TARGETVARIANT', target.variant ?? ''],
    ['TARGETSTAGE', targetStage],
  ]);
}

/**
 * The variables an instruction sees, as BuildKit's `toEnvMap`: ENV first, then ARGs whose names
 * ENV does not already set (an ENV always wins over an ARG of the same name).
 */
export function scopeOf(args: ReadonlyMap<string, string>, env: ReadonlyMap<string, string>): Map<string, string> {
  const scope = new Map(env);
  for (const [key, value] of args) if (!scope.has(key)) scope.set(key, value);
  return scope;
}

interface Expander {
  escape: EscapeCharacter;
  errors: ResolveError[];
}

/** The variables an expansion sees, worked out only when a word has something to expand. */
type Scope = () => ShellEnv;

/** The variables of a word that uses none: one frozen list shared by all such words. */
const NO_NAMES: readonly string[] = Object.freeze([]);

function expandWord(
  x: Expander,
  field: ExpansionField,
  raw: string,
  range: Range,
  scope: Scope,
  split = false,
): ExpandedWord {
  // Most words (paths, image names, plain values) read as themselves: no lexer, no scope.
  if (isPlainShellText(raw)) {
    return { field, raw, value: raw, values: split ? plainWords(raw) : [raw], range, unmatched: NO_NAMES, matched: NO_NAMES, error: null };
  }
  const env = scope();
  const result = split ? processWords(raw, env, { escape: x.escape }) : processWord(raw, env, { escape: x.escape });
  const error = result.error?.message ?? null;
  if (error) x.errors.push({ message: error, range });
  return {
    field,
    raw,
    value: result.value,
    values: split ? result.words : [result.value],
    range,
    // Most words use no variable: no iterator for an empty set.
    unmatched: result.unmatched.size === 0 ? NO_NAMES : [...result.unmatched],
    matched: result.matched.size === 0 ? NO_NAMES : [...result.matched],
    error,
  };
}

/**
 * Resolves stages and variable scopes the way BuildKit's dockerfile2llb does:
 * - ARGs before the first FROM are global: only FROM lines (image and `--platform`) can use them;
 * - a stage sees an ARG only after declaring it; `ARG NAME` without a default takes the global
 *   value of the same name; `--build-arg` overrides defaults;
 * - ENV persists in the stage and into stages built `FROM` it, and wins over an ARG of the same name;
 * - ADD, COPY, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR and `RUN --mount` are
 *   expanded by Docker; RUN, CMD, ENTRYPOINT and HEALTHCHECK are left to the shell at run time.
 */
export function resolveStages(parsed: ParseResult, options: ResolveOptions = {}): ResolvedDockerfile {
  const target = options.targetPlatform ?? DEFAULT_PLATFORM;
  const build = options.buildPlatform ?? target;
  const buildArgs = new Map(Object.entries(options.buildArgs ?? {}));
  const lastFrom = parsed.instructions.findLast((i): i is FromInstruction => i.keyword === 'FROM');
  const predefined = platformArgs(target, build, (options.target ?? lastFrom?.stageName ?? '').toLowerCase());
  // A --build-arg of a predefined name replaces its value, declared or not (BuildKit's defaultArgs).
  for (const [name, value] of buildArgs) if (predefined.has(name)) predefined.set(name, value);
  const x: Expander = { escape: parsed.escapeCharacter, errors: [] };

  // Global scope: everything before the first FROM.
  const globalArgs = new Map(predefined);
  const globalScope: Scope = () => globalArgs;
  const globalArgNames = new Set<string>();
  let first = parsed.instructions.findIndex((i) => i.keyword === 'FROM');
  if (first < 0) first = parsed.instructions.length;
  for (const instruction of parsed.instructions.slice(0, first)) {
    if (instruction.keyword !== 'ARG') continue;
    for (const def of instruction.definitions) {
      globalArgNames.add(def.name);
      const override = buildArgs.get(def.name);
      if (override !== undefined) {
        globalArgs.set(def.name, override);
      } else if (def.defaultValue !== null) {
        globalArgs.set(def.name, expandWord(x, 'arg', def.defaultValue, def.range, globalScope).value);
      }
    }
  }

  // Nothing was expanded before the global ARGs: any error so far is theirs.
  const globalArgError = x.errors[0] ?? null;

  // Split the rest into stages.
  const groups: { from: FromInstruction; body: Instruction[] }[] = [];
  for (const instruction of parsed.instructions.slice(first)) {
    if (instruction.keyword === 'FROM') groups.push({ from: instruction, body: [] });
    else groups.at(-1)!.body.push(instruction);
  }

  const byName = new Map<string, number>();
  groups.forEach((g, i) => {
    if (g.from.stageName !== null && !byName.has(g.from.stageName)) byName.set(g.from.stageName, i);
  });

  const stages: (Stage | undefined)[] = new Array(groups.length);
  const resolving = new Set<number>();

  const resolveStage = (index: number): Stage => {
    const done = stages[index];
    if (done) return done;
    const { from, body } = groups[index]!;
    resolving.add(index);
    const imageArg = from.args[0];
    const imageRange = imageArg?.range ?? from.keywordRange;
    const base = expandWord(x, 'image', from.image, imageRange, globalScope);
    const platformFlag = from.flags.find((f) => f.name === 'platform');
    const platform =
      from.platform !== null ? expandWord(x, 'platform', from.platform, platformFlag?.range ?? from.range, globalScope) : null;

    let baseStage = byName.get(base.value.toLowerCase()) ?? null;
    let args = new Map<string, string>();
    let env = new Map<string, string>();
    if (baseStage === index || (baseStage !== null && resolving.has(baseStage))) {
      x.errors.push({ message: `circular dependency detected on stage: ${base.value}`, range: imageRange });
      baseStage = null;
    }
    if (baseStage !== null) {
      const parent = resolveStage(baseStage);
      args = new Map(parent.args);
      env = new Map(parent.env);
    } else if (base.value.toLowerCase() !== 'scratch') {
      const imageEnv = options.baseImageEnv?.(base.value);
      if (imageEnv) for (const [k, v] of Object.entries(imageEnv)) env.set(k, v);
    }
    if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);

    // Copy on write: steps share the variable maps until an ARG or ENV changes them, so a stage
    // of n steps holds as many maps as it has ARG and ENV instructions, not 3n. A map handed to a
    // step is never written again.
    const steps: Step[] = [];
    let scope: Map<string, string> | null = null;
    let step: Step;
    // The variables the current instruction sees (its step keeps the maps from before it), built
    // when an expansion first needs them; one function for the stage, called only while the
    // step is being expanded.
    const here: Scope = () => (scope ??= scopeOf(step.args, step.env));
    for (const instruction of body) {
      step = { instruction, args, env, expansions: [] };
      steps.push(step);
      switch (instruction.keyword) {
        case 'ARG': {
          // The defaults see the variables from before the instruction.
          args = new Map(args);
          declareArgs(x, instruction, here, args, globalArgs, predefined, buildArgs, step);
          scope = null;
          break;
        }
        case 'ENV': {
          // All pairs of one ENV see the environment from before the instruction, as in BuildKit.
          const assigned: [string, string][] = [];
          for (const pair of instruction.pairs) {
            const key = expandWord(x, 'key', pair.key, pair.keyRange, here);
            const value = expandWord(x, 'value', pair.value, pair.valueRange, here);
            step.expansions.push(key, value);
            assigned.push([key.value, value.value]);
          }
          env = new Map(env);
          for (const [k, v] of assigned) env.set(k, v);
          scope = null;
          break;
        }
        case 'LABEL':
          for (const pair of instruction.pairs) {
            step.expansions.push(
              expandWord(x, 'key', pair.key, pair.keyRange, here),
              expandWord(x, 'value', pair.value, pair.valueRange, here),
            );
          }
          break;
        case 'COPY':
        case 'ADD':
          expandCopy(x, instruction, here, step);
          break;
        case 'USER':
        case 'WORKDIR':
        case 'STOPSIGNAL': {
          const field = instruction.keyword === 'USER' ? 'user' : instruction.keyword === 'WORKDIR' ? 'workdir' : 'signal';
          const range = instruction.args[0]?.range ?? instruction.range;
          step.expansions.push(expandWord(x, field, instruction.value, range, here));
          break;
        }
        case 'EXPOSE':
        case 'VOLUME':
          instruction.values.forEach((value, i) => {
            const range = instruction.args[i]?.range ?? instruction.range;
            const field = instruction.keyword === 'EXPOSE' ? 'port' : 'volume';
            step.expansions.push(expandWord(x, field, value, range, here, instruction.keyword === 'EXPOSE'));
          });
          break;
        case 'RUN':
          for (const flag of instruction.flags) {
            if (flag.name === 'mount' && flag.value !== null) {
              step.expansions.push(expandWord(x, 'mount', flag.value, flag.range, here));
            }
          }
          break;
        default:
          break;
      }
    }

    const stage: Stage = {
      index,
      name: from.stageName,
      from,
      base,
      baseStage,
      platform,
      steps,
      args,
      env,
    };
    resolving.delete(index);
    stages[index] = stage;
    return stage;
  };

  for (let i = 0; i < groups.length; i++) resolveStage(i);
  return { globalArgs, globalArgNames, globalArgError, stages: stages as Stage[], errors: x.errors };
}

function declareArgs(
  x: Expander,
  instruction: ArgInstruction,
  scope: Scope,
  args: Map<string, string>,
  globalArgs: ReadonlyMap<string, string>,
  predefined: ReadonlyMap<string, string>,
  buildArgs: ReadonlyMap<string, string>,
  step: Step,
): void {
  for (const def of instruction.definitions) {
    const override = buildArgs.get(def.name);
    if (override !== undefined) {
      args.set(def.name, override);
    } else if (def.defaultValue !== null) {
      const expanded = expandWord(x, 'arg', def.defaultValue, def.range, scope);
      step.expansions.push(expanded);
      args.set(def.name, expanded.value);
    } else if (globalArgs.has(def.name)) {
      // `ARG NAME` in a stage re-declares the global ARG (or a predefined one) with its value.
      args.set(def.name, globalArgs.get(def.name)!);
    } else if (predefined.has(def.name)) {
      args.set(def.name, predefined.get(def.name)!);
    }
    // Otherwise the ARG is declared but unset: `${NAME-x}` still gives x.
  }
}

function expandCopy(x: Expander, instruction: CopyInstruction, scope: Scope, step: Step): void {
  for (const flag of instruction.flags) {
    if (flag.value === null) continue;
    if (flag.name === 'from' || flag.name === 'chown' || flag.name === 'chmod' || flag.name === 'checksum') {
      step.expansions.push(expandWord(x, flag.name, flag.value, flag.range, scope));
    }
  }
  for (const source of instruction.sources) {
    step.expansions.push(expandWord(x, 'source', source.value, source.range, scope));
  }
  if (instruction.destination) {
    step.expansions.push(expandWord(x, 'destination', instruction.destination.value, instruction.destination.range, scope));
  }
}

/** The expanded value of one field of a step (the first one with that field), or null. */
export function expandedField(step: Step, field: ExpansionField): ExpandedWord | null {
  return step.expansions.find((e) => e.field === field) ?? null;
}

/**
 * The stages a stage builds on (`FROM builder`), nearest first: never the stage itself, and a
 * cycle (which BuildKit rejects) is cut where it closes.
 */
export function baseChain(resolved: ResolvedDockerfile, stage: Stage): Stage[] {
  const out: Stage[] = [];
  // Most stages start from an image: no table of the stages seen to build for them.
  if (stage.baseStage === null) return out;
  const seen = new Set<number>([stage.index]);
  for (let i: number | null = stage.baseStage; i !== null && !seen.has(i); i = resolved.stages[i]?.baseStage ?? null) {
    seen.add(i);
    const s = resolved.stages[i];
    if (!s) break;
    out.push(s);
  }
  return out;
}
