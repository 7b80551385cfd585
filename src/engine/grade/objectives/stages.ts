import type { ObjectiveCheck } from '../types.ts';
import type { Evaluation, GradeFacts } from '../facts.ts';

type Check = Extract<ObjectiveCheck, { kind: 'stages' }>;

/** The number of stages (FROM instructions) within [min, max]. */
export function stagesObjective(check: Check, facts: GradeFacts): Evaluation {
  const stages = facts.resolved.stages;
  const n = stages.length;
  const bounds = [check.min !== undefined ? `at least ${check.min}` : null, check.max !== undefined ? `at most ${check.max}` : null].filter(Boolean).join(' and ');
  const names = stages.map((s) => s.name ?? `unnamed #${s.index}`).join(', ');
  const counted = `${n} stage${n === 1 ? '' : 's'}${n > 0 ? ` (${names})` : ''}, ${bounds}`;
  const low = check.min !== undefined && n < check.min;
  const high = check.max !== undefined && n > check.max;
  if (!low && !high) return { passed: true, message: counted.charAt(0).toUpperCase() + counted.slice(1), line: null };
  const last = stages.at(-1);
  return { passed: false, message: counted.charAt(0).toUpperCase() + counted.slice(1), line: last ? last.from.range.start.line : null };
}
