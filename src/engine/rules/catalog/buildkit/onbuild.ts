/**
 * ONBUILD triggers as BuildKit runs them within one Dockerfile (dockerfile2llb `toDispatchState`
 * and `initOnBuildTriggers`): a stage built `FROM` an earlier stage first runs that stage's
 * ONBUILD triggers, parsed anew, each located at the stage's FROM and without the `# check=`
 * comments of the ONBUILD line. BuildKit does this only for the stages the build target reaches
 * (its base, `COPY --from` and `RUN --mount from=`, transitively), even when `--check` lints every
 * stage. The build checks that run while a step is dispatched (UndefinedVar, WorkdirRelativePath,
 * MultipleInstructionsDisallowed, LegacyKeyValueFormat) see these triggers too.
 */
import type { FromInstruction, Instruction, ParseResult, Range } from '../../../parse/types.ts';
import { resolveStages, scopeOf } from '../../../stages/index.ts';
import type { Stage, Step } from '../../../stages/types.ts';
import type { RuleContext } from '../../types.ts';
import { stageReferenced } from '../../buildkit-reach.ts';
import { anchor } from './support.ts';

/** The stage a `--from` names (see `stageReferenced`); null for an image or a missing index. */
function stageNamed(stages: readonly Stage[], ref: string, byIndex: boolean): number | null {
  const found = stageReferenced(stages, ref, byIndex);
  return typeof found === 'number' ? found : null;
}

/** The earlier stage a stage builds on, as BuildKit links them (a later one is an image name). */
function baseOf(stage: Stage): number | null {
  return stage.baseStage !== null && stage.baseStage < stage.index ? stage.baseStage : null;
}

function ownTriggers(stage: Stage): Instruction[] {
  const out: Instruction[] = [];
  for (const step of stage.steps) {
    const i = step.instruction;
    if (i.keyword === 'ONBUILD' && i.trigger) out.push(i.trigger);
  }
  return out;
}

/** The stages the target (`--target`, else the last stage) reaches: BuildKit's `allReachableStages`. */
function reachable(ctx: RuleContext): Set<number> {
  const stages = ctx.resolved.stages;
  const seen = new Set<number>();
  if (stages.length === 0) return seen;
  const targetName = ctx.resolved.globalArgs.get('TARGETSTAGE') ?? '';
  const target = (targetName !== '' ? stageNamed(stages, targetName, false) : null) ?? stages.length - 1;
  const queue = [target];
  while (queue.length > 0) {
    const stage = stages[queue.pop()!]!;
    if (seen.has(stage.index)) continue;
    seen.add(stage.index);
    const base = baseOf(stage);
    if (base !== null) queue.push(base);
    // The triggers a reached stage runs can reach further stages too.
    const instructions = [...(base !== null ? ownTriggers(stages[base]!) : []), ...stage.steps.map((s) => s.instruction)];
    for (const i of instructions) {
      const refs =
        i.keyword === 'COPY' && i.from !== null
          ? [stageNamed(stages, i.from, true)]
          : i.keyword === 'RUN'
            ? i.mounts.filter((m) => m.from !== null).map((m) => stageNamed(stages, m.from!, false))
            : [];
      for (const ref of refs) if (ref !== null) queue.push(ref);
    }
  }
  return seen;
}

function listTriggerSteps(ctx: RuleContext, index: number): Step[] {
  const stage = ctx.resolved.stages[index]!;
  const base = baseOf(stage);
  if (base === null) return [];
  const triggers = ownTriggers(ctx.resolved.stages[base]!);
  if (triggers.length === 0 || !ctx.memo(reachable, null).has(index)) return [];
  // Resolve the triggers as the steps of a stage whose image brings the base stage's final
  // variables (its ARGs with a value are in the environment BuildKit expands with).
  const { args, env } = ctx.resolved.stages[base]!;
  const inherited = Object.fromEntries(scopeOf(args, env));
  const from: FromInstruction = { ...stage.from, image: 'onbuild', stageName: null, platform: null };
  const parsed: ParseResult = { ...ctx.parsed, instructions: [from, ...triggers], errors: [] };
  return resolveStages(parsed, { baseImageEnv: () => inherited }).stages[0]?.steps ?? [];
}

/**
 * The ONBUILD triggers BuildKit runs at the start of `stage`, in order, each resolved in the
 * variables of the stage it comes from (steps whose instruction is the trigger). Empty for most
 * stages. Worked out once per lint and stage; do not modify.
 */
export function triggerSteps(ctx: RuleContext, stage: Stage): readonly Step[] {
  return ctx.memo(listTriggerSteps, stage.index);
}

/** Where BuildKit reports what an ONBUILD trigger does: the FROM of the stage that runs it. */
export function triggerRange(stage: Stage): Range {
  return anchor(stage.from, stage.from.keywordRange);
}
