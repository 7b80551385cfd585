import { describe, expect, it } from 'vitest';
import { allRules, findRule } from '../../../src/engine/rules/index.ts';

describe('the rule registry', () => {
  it('has unique kebab-case ids and aliases that name exactly one rule', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const aliases = allRules.flatMap((r) => [...(r.aliases.hadolint ?? []), ...(r.aliases.buildkit ? [r.aliases.buildkit] : [])]);
    expect(new Set(aliases).size).toBe(aliases.length);
  });

  it('documents every rule with a rationale and examples', () => {
    for (const r of allRules) {
      expect(r.title.length, r.id).toBeGreaterThan(5);
      expect(r.docs.rationale.length, r.id).toBeGreaterThan(40);
      expect(r.docs.bad, r.id).toMatch(/FROM|ARG|#/);
    }
  });

  it('finds rules by id, hadolint code or build-check name', () => {
    expect(findRule('DL3025')?.id).toBe('json-args-recommended');
    expect(findRule('JSONArgsRecommended')?.id).toBe('json-args-recommended');
    expect(findRule('dl3003')?.id).toBe('no-cd-use-workdir');
  });
});
