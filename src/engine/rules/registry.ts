import { buildkitRules } from './catalog/buildkit/index.ts';
import { instructionsRules } from './catalog/instructions/index.ts';
import { layerwiseRules } from './catalog/layerwise/index.ts';
import { packagesRules } from './catalog/packages/index.ts';
import type { Rule } from './types.ts';

/** Every rule, in a stable order. Ids are unique; aliases point at exactly one rule. */
export const allRules: readonly Rule[] = [...buildkitRules, ...instructionsRules, ...packagesRules, ...layerwiseRules];

export function findRule(idOrAlias: string): Rule | undefined {
  const key = idOrAlias.toLowerCase();
  return allRules.find(
    (r) =>
      r.id === key ||
      r.aliases.buildkit?.toLowerCase() === key ||
      (r.aliases.hadolint ?? []).some((code) => code.toLowerCase() === key),
  );
}
