import type { ObjectiveCheck } from '../types.ts';
import { quote, type Evaluation, type GradeFacts } from '../facts.ts';
import { largestHiddenLayer } from './waste.ts';

type Check = Extract<ObjectiveCheck, { kind: 'min-efficiency' }>;

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/**
 * dive's image efficiency (`lowestEfficiency` in its CI mode) against a target ratio: for each
 * path, the smallest of its copies over all of its copies, summed over the image (1 when no path
 * is stored twice). The simulator lists the files the Dockerfile's own layers add, not those
 * inside the base image, so the score covers what the learner wrote.
 */
export function minEfficiency(check: Check, facts: GradeFacts): Evaluation {
  const image = facts.image;
  if (!image) return { passed: false, message: 'The image could not be simulated, so its efficiency is unknown', line: null };
  const score = image.totals.efficiency;
  const target = `target at least ${percent(check.ratio)}`;
  // Compare in tenths of a percent, as the message prints them, so "99.0%" never fails "99.0%".
  if (Math.round(score * 1000) >= Math.round(check.ratio * 1000)) return { passed: true, message: `Image efficiency ${percent(score)}, ${target}`, line: null };
  const worst = largestHiddenLayer(image);
  const where = worst ? `; the layer of ${quote(worst.instruction?.original ?? worst.createdBy)} (line ${worst.line}) holds the most bytes a later layer deletes or rewrites` : '';
  return { passed: false, message: `Image efficiency ${percent(score)}, ${target}${where}`, line: worst?.line ?? null };
}
