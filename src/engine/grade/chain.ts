/**
 * The stages a target stage depends on: the stages it is built FROM, and the stages it (or they)
 * copy files from. Only these run when the target is built (BuildKit skips the others).
 */
import type { ResolvedDockerfile, Stage } from '../stages/types.ts';

function stageNamed(resolved: ResolvedDockerfile, name: string, before: number): Stage | undefined {
  const lower = name.toLowerCase();
  const named = resolved.stages.find((s) => s.name === lower && s.index < before);
  if (named) return named;
  return /^\d+$/.test(name) && Number(name) < before ? resolved.stages[Number(name)] : undefined;
}

/** Indexes of the stages `target` needs, the target included, in build order. */
export function buildChain(resolved: ResolvedDockerfile, target: number): number[] {
  const seen = new Set<number>();
  const visit = (index: number): void => {
    if (seen.has(index)) return;
    const stage = resolved.stages[index];
    if (!stage) return;
    seen.add(index);
    if (stage.baseStage !== null && stage.baseStage !== index) visit(stage.baseStage);
    for (const step of stage.steps) {
      const i = step.instruction;
      if ((i.keyword === 'COPY' || i.keyword === 'ADD') && i.from) {
        const from = stageNamed(resolved, i.from, index);
        if (from) visit(from.index);
      }
    }
  };
  visit(target);
  return [...seen].sort((a, b) => a - b);
}

/** The target stage and the stages it is built on, nearest first (where its USER can come from). */
export function baseChain(resolved: ResolvedDockerfile, target: number): Stage[] {
  const out: Stage[] = [];
  let stage: Stage | undefined = resolved.stages[target];
  while (stage && !out.includes(stage)) {
    out.push(stage);
    stage = stage.baseStage !== null ? resolved.stages[stage.baseStage] : undefined;
  }
  return out;
}
