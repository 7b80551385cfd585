/**
 * From a Dockerfile and a project to a run plan: the stages the target needs, what each receives
 * and runs, and what the final image starts. Built on the engine's own models: the parser, the
 * stage resolver (Docker's variable expansion per instruction), the shell-script model and the
 * context selection (.dockerignore as BuildKit applies it).
 */
import { selectContext, DEFAULT_IGNORE_FILE } from '../context/select.ts';
import { parseDockerfile } from '../parse/index.ts';
import type { CopyInstruction, Instruction } from '../parse/types.ts';
import { expandedField, resolveStages, scopeOf } from '../stages/index.ts';
import type { ResolvedDockerfile, Stage } from '../stages/types.ts';
import { findBaseImageTools } from '../data/base-image-tools.ts';
import { lookupBaseImage, normalizeImageRef } from '../simulate/catalog/base-images.ts';
import { cleanPath } from '../simulate/fs.ts';
import { planRunCommands } from './commands.ts';
import { matchContextCopy } from './copy.ts';
import { planFinalCommand } from './final.ts';
import { planProbe } from './probe.ts';
import type { PlanAction, PlanError, PlannedBase, PlannedCommand, PlannedStage, PlanOptions, RunPlan } from './types.ts';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;

/** The stage a `--from` or `FROM` name refers to: a stage name (case-insensitive) or an index. */
function stageIndex(resolved: ResolvedDockerfile, name: string, before: number): number | null {
  const lower = name.toLowerCase();
  const named = resolved.stages.find((s) => s.name === lower && s.index < before);
  if (named) return named.index;
  if (/^\d+$/.test(name) && Number(name) < before) return Number(name);
  return null;
}

/** The stages `target` needs, dependencies first (FROM a stage, COPY --from a stage, RUN --mount from a stage). */
function neededStages(resolved: ResolvedDockerfile, target: number): number[] {
  const order: number[] = [];
  const seen = new Set<number>();
  const visit = (index: number) => {
    if (seen.has(index)) return;
    seen.add(index);
    const stage = resolved.stages[index]!;
    if (stage.baseStage !== null) visit(stage.baseStage);
    for (const step of stage.steps) {
      const from = step.instruction.keyword === 'COPY' ? expandedField(step, 'from')?.value : undefined;
      const dep = from ? stageIndex(resolved, from, index) : null;
      if (dep !== null) visit(dep);
    }
    order.push(index);
  };
  visit(target);
  return order;
}

function lineOf(instruction: Instruction): number {
  return instruction.range.start.line;
}

function textOf(instruction: Instruction): string {
  return instruction.original.replace(/\s+/g, ' ').trim();
}

/** Builds the run plan. Never throws: problems the real build would stop at are in `errors`. */
export function planRun(source: string, options: PlanOptions): RunPlan {
  const parsed = parseDockerfile(source);
  const errors: PlanError[] = parsed.errors.map((e) => ({ message: e.message, line: e.range.start.line, column: e.range.start.column }));
  const resolved = resolveStages(parsed, {
    ...(options.buildArgs ? { buildArgs: options.buildArgs } : {}),
    baseImageEnv: (image) => lookupBaseImage(image)?.env,
  });
  for (const e of resolved.errors) errors.push({ message: e.message, line: e.range.start.line, column: e.range.start.column });

  const ignoreText = options.dockerignore ?? options.context.find((f) => f.path === DEFAULT_IGNORE_FILE)?.text ?? null;
  const selection = selectContext(
    options.context.map((f) => ({ path: f.path, bytes: f.bytes ?? f.text?.length ?? 0 })),
    { dockerfile: 'Dockerfile', ignoreFile: ignoreText === null ? null : { path: DEFAULT_IGNORE_FILE, text: ignoreText } },
  );
  for (const e of selection.errors) errors.push({ message: `${e.path ?? DEFAULT_IGNORE_FILE}: ${e.message}`, line: e.line ?? null, column: e.column ?? null });
  // Files excluded but sent all the same (the Dockerfile, the ignore file) are not visible to COPY.
  const addedBack = new Set(selection.addedBack);
  const visible = selection.files.map((f) => f.path).filter((p) => !addedBack.has(p));

  const noStages = { stages: [], target: -1, command: null, probe: planProbe(null, options), errors, ignored: selection.excluded };
  if (resolved.stages.length === 0) {
    errors.push({ message: 'the Dockerfile has no FROM instruction', line: null, column: null });
    return noStages;
  }
  let target = resolved.stages.length - 1;
  if (options.target !== undefined) {
    const t = stageIndex(resolved, options.target, resolved.stages.length);
    if (t === null) errors.push({ message: `target stage "${options.target}" could not be found`, line: null, column: null });
    else target = t;
  }

  const planned = new Map<number, PlannedStage>();
  for (const index of neededStages(resolved, target)) {
    const stage = resolved.stages[index]!;
    planned.set(index, planStage(resolved, stage, visible, planned.get(stage.baseStage ?? -1) ?? null));
  }
  const stages = [...planned.values()];
  const chain = stageChain(resolved, target);
  const finalStage = planned.get(target)!;
  return {
    stages,
    target,
    command: planFinalCommand(chain, finalStage, imageEntrypoint(chain[0])),
    probe: planProbe(chain, options),
    errors,
    ignored: selection.excluded,
  };
}

/** The target and the stages it builds on through FROM, base first. */
function stageChain(resolved: ResolvedDockerfile, target: number): Stage[] {
  const chain: Stage[] = [];
  let stage: Stage | undefined = resolved.stages[target];
  while (stage && !chain.includes(stage)) {
    chain.unshift(stage);
    stage = stage.baseStage === null ? undefined : resolved.stages[stage.baseStage];
  }
  return chain;
}

/** The ENTRYPOINT the root image of the chain sets itself, when the cited table knows it. */
function imageEntrypoint(root: Stage | undefined): string[] | null {
  if (!root || root.baseStage !== null) return null;
  const ref = normalizeImageRef(root.base.value);
  const colon = ref.lastIndexOf(':');
  return findBaseImageTools(ref.slice(0, colon), ref.slice(colon + 1))?.entrypoint ?? null;
}

function planBase(stage: Stage): PlannedBase {
  if (stage.baseStage !== null) return { kind: 'stage', index: stage.baseStage };
  const ref = stage.base.value;
  if (ref.toLowerCase() === 'scratch') return { kind: 'scratch' };
  const info = lookupBaseImage(ref);
  return { kind: 'image', ref, known: info !== null, tools: info ? [...info.tools] : null };
}

function planStage(resolved: ResolvedDockerfile, stage: Stage, context: readonly string[], parent: PlannedStage | null): PlannedStage {
  const base = planBase(stage);
  let workdir = parent?.workdir ?? '/';
  let user = parent?.user ?? (base.kind === 'image' ? (lookupBaseImage(base.ref)?.user ?? 'root') : 'root');
  // Programs on PATH: the base image's (unknown images are assumed to have what they are used for).
  const tools = new Set<string>(base.kind === 'image' ? (base.tools ?? ['npm', 'npx', 'node', 'pnpm', 'yarn']) : []);
  if (base.kind === 'stage') for (const t of parent?.tools ?? []) tools.add(t);
  const actions: PlanAction[] = [];
  for (const step of stage.steps) {
    const instruction = step.instruction;
    const line = lineOf(instruction);
    const text = textOf(instruction);
    switch (instruction.keyword) {
      case 'WORKDIR':
        workdir = cleanPath(expandedField(step, 'workdir')?.value ?? instruction.value, workdir);
        actions.push({ kind: 'workdir', line, path: workdir });
        break;
      case 'USER':
        user = expandedField(step, 'user')?.value ?? instruction.value;
        break;
      case 'COPY':
      case 'ADD':
        actions.push(planCopy(resolved, stage, step.expansions, instruction, workdir, context));
        break;
      case 'RUN': {
        const unsupportedMount = instruction.mounts.find((m) => m.type === 'bind' || m.type === 'secret' || m.type === 'ssh');
        if (unsupportedMount) {
          actions.push({ kind: 'skip', line, text, reason: `RUN --mount=type=${unsupportedMount.type} is not modelled by the runtime` });
          break;
        }
        const run = planRunCommands(instruction, workdir, scopeOf(step.args, step.env));
        if (run.unsupported) {
          actions.push({ kind: 'skip', line, text, reason: run.unsupported });
          break;
        }
        actions.push({ kind: 'run', line, text, commands: run.commands.map((c) => withTools(c, tools, base)) });
        break;
      }
      default:
        break;
    }
  }
  return { index: stage.index, name: stage.name, line: lineOf(stage.from), base, actions, workdir, env: Object.fromEntries(stage.env), user, tools: [...tools] };
}

/**
 * A process the image cannot start fails as the shell would (`sh: 1: npm: not found`, status 127);
 * `corepack enable` puts pnpm and yarn on PATH for the commands after it.
 */
function withTools(command: PlannedCommand, tools: Set<string>, base: PlannedBase): PlannedCommand {
  if (command.kind === 'skip' && /^corepack\b/.test(command.text) && tools.has('corepack')) {
    tools.add('pnpm');
    tools.add('yarn');
  }
  if (command.kind !== 'exec' || tools.has(command.program)) return command;
  const where = base.kind === 'image' ? base.ref : base.kind === 'scratch' ? 'scratch' : 'the base stage';
  return { kind: 'not-found', text: command.text, program: command.program, reason: `${command.program}: not found (${where} does not have it)` };
}

function planCopy(
  resolved: ResolvedDockerfile,
  stage: Stage,
  expansions: Stage['steps'][number]['expansions'],
  instruction: CopyInstruction,
  workdir: string,
  context: readonly string[],
): PlanAction {
  const line = lineOf(instruction);
  const text = textOf(instruction);
  const sources = expansions.filter((e) => e.field === 'source').map((e) => e.value);
  const destWritten = expansions.find((e) => e.field === 'destination')?.value ?? instruction.destination?.value ?? '.';
  const dest = cleanPath(destWritten, workdir);
  if (instruction.sourceContents.length > 0) return { kind: 'skip', line, text, reason: 'inline heredoc sources are not written by the runtime' };
  const from = expansions.find((e) => e.field === 'from')?.value ?? instruction.from;
  if (from) {
    const index = stageIndex(resolved, from, stage.index);
    if (index === null) return { kind: 'skip', line, text, reason: `COPY --from=${from}: the files of another image are not available to the runtime` };
    const destMode = destWritten.endsWith('/') || destWritten === '.' || sources.length > 1 ? 'dir' : 'file-or-into-dir';
    return { kind: 'copy-stage', line, text, fromStage: index, sources: sources.map((s) => cleanPath(s)), dest, destMode, exclude: instruction.exclude, parents: instruction.parents };
  }
  if (instruction.keyword === 'ADD' && sources.some((s) => /^(https?|git):\/\//.test(s) || s.startsWith('git@'))) {
    return { kind: 'skip', line, text, reason: 'ADD from a URL downloads from the network, which the runtime does not do' };
  }
  if (instruction.keyword === 'ADD' && sources.some((s) => ARCHIVE.test(s))) {
    return { kind: 'skip', line, text, reason: 'ADD unpacks a local archive, which the runtime does not do' };
  }
  const match = matchContextCopy(sources, destWritten, dest, context, { exclude: instruction.exclude, parents: instruction.parents });
  return { kind: 'copy-context', line, text, files: match.files, destMode: match.destMode, missing: match.missing };
}
