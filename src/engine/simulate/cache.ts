import type { Instruction } from '../parse/types.ts';
import { matchContext } from './context-match.ts';
import type { ContextFile, SimulationInput } from './input.ts';
import type { SimLayer, SimulatedImage } from './types.ts';

/** What changed since the last build. */
export type EditScenario =
  | { kind: 'file'; path: string }
  | { kind: 'build-arg'; name: string }
  | { kind: 'base-image'; image?: string };

export interface CacheStep {
  stage: number;
  line: number;
  instruction: string;
  hit: boolean;
  reason: string;
  /** Estimated seconds to run the step again when it misses (0 on a hit). */
  seconds: number;
}

export interface CacheReport {
  scenario: EditScenario;
  steps: CacheStep[];
  /** Seconds the rebuild spends on steps that miss. */
  rebuildSeconds: number;
  /** Seconds a build with no cache at all would spend. */
  coldSeconds: number;
}

/**
 * Rough cost of running a step, in seconds. npm installs: about 480 files per second, from the
 * measured installs in the reference data (npm-sizes.json: 21,667 files in 40 s, 8,861 in 22 s,
 * 4,753 in 10 s). Other steps are assumptions, labelled as such: downloads at 5 MB/s plus 2 s,
 * copies at 200 MB/s, any RUN at least 0.5 s.
 */
export function stepSeconds(layer: SimLayer): number {
  const instruction = layer.instruction;
  if (!instruction || layer.empty) return 0;
  if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') return 0.1 + layer.sizeBytes / 200e6;
  if (instruction.keyword !== 'RUN') return 0.1;
  let seconds = 0.5;
  for (const change of layer.changes) {
    if (change.kind !== 'add') continue;
    const f = change.file;
    if (f.tags.includes('node-modules')) seconds += f.files / 480;
    else if (f.tags.includes('apt-package') || f.tags.includes('apt-lists') || f.tags.includes('apk-package') || f.tags.includes('python-package') || f.tags.includes('download')) {
      seconds += 2 + f.bytes / 5e6;
    } else if (f.tags.includes('build-output') || f.tags.includes('binary')) seconds += 10;
  }
  return Math.round(seconds * 10) / 10;
}

function describe(instruction: Instruction): string {
  return instruction.original.replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** Does a COPY/ADD read `path` from the context? */
function copyReads(instruction: Instruction, path: string, context: readonly ContextFile[]): boolean {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
  if (instruction.from) return false;
  const found = context.find((f) => f.path === path);
  // With a context given, a path it does not hold (excluded by .dockerignore) never reaches the
  // builder, so editing it changes no COPY. Without one, assume the file is there.
  if (!found && context.length > 0) return false;
  const file: ContextFile = found ?? { path, bytes: 0 };
  return instruction.sources.some((s) => matchContext(s.value, [file]).files.length > 0);
}

/**
 * A COPY --from a stage that was rebuilt still hits the cache when what it copies has the same
 * content: BuildKit keys the copy on a checksum of the files it reads, not on how the stage was
 * made (this is what `turbo prune --docker`'s out/json relies on). The simulator knows the
 * content is the same when every file copied is a verbatim copy of a context file (`from`) that
 * the edit does not touch; anything a RUN wrote counts as changed.
 */
function sameContent(layer: SimLayer, scenario: EditScenario): boolean {
  const added = layer.changes.filter((c) => c.kind === 'add');
  if (added.length === 0) return false;
  return added.every((c) => {
    const origin = c.kind === 'add' ? c.file.from : undefined;
    if (origin === undefined) return false;
    if (scenario.kind !== 'file') return true;
    return !(scenario.path === origin || scenario.path.startsWith(`${origin}/`));
  });
}

/** Does a step see build arg `name` (declared in its stage before it, or used by FROM)? */
function usesArg(instruction: Instruction, declared: Set<string>, name: string): boolean {
  if (instruction.keyword === 'ARG') return instruction.definitions.some((d) => d.name === name);
  // BuildKit puts every declared ARG in the environment of RUN, so any RUN after the
  // declaration depends on its value, used or not.
  if (instruction.keyword === 'RUN') return declared.has(name);
  return declared.has(name) && new RegExp(`\\$\\{?${name}\\b`).test(instruction.original);
}

/**
 * Which steps a rebuild runs again after an edit: the first step whose inputs changed misses,
 * and so does every step after it in the stage and in every stage built from it.
 */
export function cacheReport(image: SimulatedImage, scenario: EditScenario, input: SimulationInput = {}): CacheReport {
  const context = input.context ?? [];
  const steps: CacheStep[] = [];
  const stageMissed = new Map<number, boolean>();
  let rebuild = 0;
  let cold = 0;
  for (const stage of image.stages) {
    let broken = stage.baseStage !== null ? (stageMissed.get(stage.baseStage) ?? false) : false;
    let why = broken ? `the stage it builds on (${stage.baseStage}) was rebuilt` : '';
    if (!broken && scenario.kind === 'base-image' && stage.base && (!scenario.image || stage.base.ref === scenario.image)) {
      broken = true;
      why = `the base image ${stage.base.ref} was updated`;
    }
    const declared = new Set<string>();
    const own = stage.layers.filter((l) => !l.base && l.instruction && l.stage === stage.index);
    for (const layer of own) {
      const instruction = layer.instruction!;
      if (instruction.keyword === 'ARG') for (const d of instruction.definitions) declared.add(d.name);
      const seconds = stepSeconds(layer);
      cold += seconds;
      let hit = !broken;
      let reason = broken ? `an earlier step missed: ${why}` : 'inputs unchanged';
      if (!broken) {
        if (scenario.kind === 'file' && copyReads(instruction, scenario.path, context)) {
          hit = false;
          reason = `copies ${scenario.path}, which changed`;
        } else if (scenario.kind === 'build-arg' && usesArg(instruction, declared, scenario.name)) {
          hit = false;
          reason = `depends on build arg ${scenario.name}, which changed`;
        } else if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && instruction.from) {
          const from = image.stages.find((s) => s.name === instruction.from!.toLowerCase() || String(s.index) === instruction.from);
          if (from && stageMissed.get(from.index) && !sameContent(layer, scenario)) {
            hit = false;
            reason = `copies from stage ${instruction.from}, which was rebuilt`;
          }
        }
        if (!hit) {
          broken = true;
          why = `line ${layer.line}: ${reason}`;
        }
      }
      if (!hit) rebuild += seconds;
      steps.push({ stage: stage.index, line: layer.line ?? 0, instruction: describe(instruction), hit, reason, seconds: hit ? 0 : seconds });
    }
    stageMissed.set(stage.index, broken);
  }
  return { scenario, steps, rebuildSeconds: Math.round(rebuild * 10) / 10, coldSeconds: Math.round(cold * 10) / 10 };
}
