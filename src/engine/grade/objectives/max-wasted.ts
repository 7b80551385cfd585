import type { ObjectiveCheck } from '../types.ts';
import { mb, quote, type Evaluation, type GradeFacts } from '../facts.ts';
import { largestHiddenLayer } from './waste.ts';

type Check = Extract<ObjectiveCheck, { kind: 'max-wasted' }>;

/**
 * dive's wasted space (`highestWastedBytes` in its CI mode) against a target: the sizes of every
 * path stored in more than one layer, both copies counted. A failure points at the layer whose
 * bytes a later layer deletes or rewrites the most, since that is where the fix goes.
 */
export function maxWasted(check: Check, facts: GradeFacts): Evaluation {
  const image = facts.image;
  if (!image) return { passed: false, message: 'The image could not be simulated, so its wasted space is unknown', line: null };
  const wasted = image.totals.wastedBytes;
  const target = `target at most ${check.megabytes} MB`;
  if (wasted <= check.megabytes * 1e6) return { passed: true, message: `Wasted space ${mb(wasted)} (paths stored in more than one layer), ${target}`, line: null };
  const worst = largestHiddenLayer(image);
  const where = worst
    ? `; ${mb(worst.hiddenBytes)} of ${quote(worst.instruction?.original ?? worst.createdBy)} (line ${worst.line}) is deleted or rewritten by a later layer but still shipped`
    : '';
  return { passed: false, message: `Wasted space ${mb(wasted)} (paths stored in more than one layer), ${target}${where}`, line: worst?.line ?? null };
}
