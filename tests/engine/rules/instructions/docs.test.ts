import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../../src/engine/parse/index.ts';
import { instructionsRules } from '../../../../src/engine/rules/catalog/instructions/index.ts';
import type { LintInput, Rule } from '../../../../src/engine/rules/index.ts';
import { findings } from '../support.ts';

/** Options a rule's examples need to say anything. */
function inputFor(rule: Rule): Partial<LintInput> {
  if (rule.id === 'trusted-registry') return { config: { options: { trustedRegistries: ['registry.corp.example'] } } };
  return {};
}

/** Rules whose bad example is, by nature, a Dockerfile BuildKit refuses. */
const BAD_DOES_NOT_PARSE = new Set(['valid-onbuild-trigger']);

describe('instructions rules: documentation', () => {
  it('has unique kebab-case ids, hadolint aliases and no build-check names', () => {
    const ids = instructionsRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = instructionsRules.flatMap((r) => r.aliases.hadolint ?? []);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of instructionsRules) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(r.aliases.hadolint?.length).toBeGreaterThan(0);
      expect(r.aliases.buildkit).toBeUndefined();
      expect(r.docs.rationale.length).toBeGreaterThan(100);
    }
    for (const owned of ['DL3000', 'DL3012', 'DL3024', 'DL3025', 'DL3057', 'DL4000', 'DL4003', 'DL4004']) expect(codes).not.toContain(owned);
  });

  for (const rule of instructionsRules) {
    it(`${rule.id}: the bad example is flagged, the good one is not`, () => {
      if (!BAD_DOES_NOT_PARSE.has(rule.id)) expect(parseDockerfile(rule.docs.bad).errors).toEqual([]);
      expect(parseDockerfile(rule.docs.good).errors).toEqual([]);
      expect(findings(rule, rule.docs.bad, inputFor(rule)).length).toBeGreaterThan(0);
      expect(findings(rule, rule.docs.good, inputFor(rule))).toEqual([]);
    });
  }
});
