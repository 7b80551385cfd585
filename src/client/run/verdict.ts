/**
 * What a real run means next to the static runtime check: the phase a step belongs to (for the
 * live "booting, installing, building, starting" line) and whether the two agree, in one plain
 * sentence. Pure functions over the runtime's records; the panel renders them.
 */
import type { RuntimeCheck } from '../../engine/simulate/runtime.ts';
import type { RunOutcome, StepRecord } from '../../runtime/outcome.ts';

export type Phase = 'booting' | 'installing' | 'building' | 'starting' | 'probing';

export const PHASES: readonly Phase[] = ['booting', 'installing', 'building', 'starting', 'probing'];

/** A RUN that installs packages: npm ci / npm install / pnpm install / yarn (add). */
const INSTALL = /\b(?:npm\s+(?:ci|install|i)|pnpm\s+(?:install|i|add)|yarn(?:\s+(?:install|add))?)(?:\s|$)/;

export function phaseOf(step: Pick<StepRecord, 'kind' | 'text'>): Phase {
  switch (step.kind) {
    case 'boot':
      return 'booting';
    case 'start':
      return 'starting';
    case 'probe':
      return 'probing';
    case 'run':
      return INSTALL.test(step.text) ? 'installing' : 'building';
    default:
      return 'building';
  }
}

export type VerdictKind = 'agree' | 'disagree' | 'no-real-run';

export interface Verdict {
  kind: VerdictKind;
  /** One sentence for the learner. */
  text: string;
}

/** Did the real run and the static check reach the same answer to "does the container start"? */
export function compareRun(outcome: RunOutcome, check: RuntimeCheck): Verdict {
  if (outcome.failure === 'boot-failed') {
    return { kind: 'no-real-run', text: `There was no real run to compare: ${outcome.message}. The static check above is all there is for now.` };
  }
  const staticSays = check.ok ? 'the container starts' : 'the container would not start';
  const realRan = outcome.failure === null;
  if (realRan === check.ok) {
    return {
      kind: 'agree',
      text: realRan ? `The real run agrees with the static check: ${staticSays}, and it answered.` : `The real run agrees with the static check: ${staticSays}.`,
    };
  }
  return {
    kind: 'disagree',
    text: realRan
      ? `The real run and the static check disagree: the static check says ${staticSays}, but the real run built, started and answered. The static check is wrong here.`
      : `The real run and the static check disagree: the static check says ${staticSays}, but the real run failed (${outcome.message}).`,
  };
}
