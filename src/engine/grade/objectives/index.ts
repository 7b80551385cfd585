/** One evaluator per objective kind; each turns an ObjectiveCheck into pass/fail with figures. */
import type { ObjectiveCheck } from '../types.ts';
import type { Evaluation, GradeFacts } from '../facts.ts';
import { fileObjective } from './file.ts';
import { installCacheHit } from './install-cache-hit.ts';
import { maxSize } from './max-size.ts';
import { maxWasted } from './max-wasted.ts';
import { minEfficiency } from './min-efficiency.ts';
import { nonRoot } from './non-root.ts';
import { ruleObjective } from './rule.ts';
import { runtimeOk } from './runtime-ok.ts';
import { secretMount } from './secret-mount.ts';
import { stagesObjective } from './stages.ts';

export function evaluate(check: ObjectiveCheck, facts: GradeFacts): Evaluation {
  switch (check.kind) {
    case 'max-size':
      return maxSize(check, facts);
    case 'rule':
      return ruleObjective(check, facts);
    case 'stages':
      return stagesObjective(check, facts);
    case 'non-root':
      return nonRoot(check, facts);
    case 'install-cache-hit':
      return installCacheHit(check, facts);
    case 'runtime-ok':
      return runtimeOk(check, facts);
    case 'file':
      return fileObjective(check, facts);
    case 'max-wasted':
      return maxWasted(check, facts);
    case 'min-efficiency':
      return minEfficiency(check, facts);
    case 'secret-mount':
      return secretMount(check, facts);
  }
}
