import type { Exercise, ObjectiveCheck } from '../types.ts';
import { mb, quote, type Evaluation, type GradeFacts } from '../facts.ts';

type Check = Extract<ObjectiveCheck, { kind: 'max-size' }>;

/** The final image's uncompressed size against the target; a failure points at the largest layer. */
export function maxSize(check: Check, facts: GradeFacts): Evaluation {
  const image = facts.image;
  if (!image) return { passed: false, message: 'The image could not be simulated, so its size is unknown', line: null };
  const size = image.totals.sizeBytes;
  const target = `target at most ${check.megabytes} MB`;
  if (size <= check.megabytes * 1e6) return { passed: true, message: `Final image ${mb(size)}, ${target}`, line: null };
  const own = image.layers.filter((l) => !l.base && l.line !== null);
  const largest = own.reduce<(typeof own)[number] | null>((a, l) => (a === null || l.sizeBytes > a.sizeBytes ? l : a), null);
  const base = image.layers.filter((l) => l.base).reduce((n, l) => n + l.sizeBytes, 0);
  const parts = [`Final image ${mb(size)}, ${target}: ${mb(size - check.megabytes * 1e6)} too many`, `base image ${mb(base)}`];
  if (largest && largest.sizeBytes > 0) parts.push(`largest layer ${mb(largest.sizeBytes)} from ${quote(largest.instruction?.original ?? largest.createdBy)} (line ${largest.line})`);
  return { passed: false, message: parts.join('; '), line: largest && largest.sizeBytes > 0 ? largest.line : null };
}

/** The exercise's size target in bytes (its max-size objective), or null when it sets none. */
export function targetSizeBytes(exercise: Pick<Exercise, 'objectives'>): number | null {
  for (const o of exercise.objectives) if (o.check.kind === 'max-size') return o.check.megabytes * 1e6;
  return null;
}
