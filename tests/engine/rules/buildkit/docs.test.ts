import { describe, expect, it } from 'vitest';
import { selectContext } from '../../../../src/engine/context/index.ts';
import { buildkitRules, createInvalidBaseImagePlatform } from '../../../../src/engine/rules/catalog/buildkit/index.ts';
import { parseDockerfile } from '../../../../src/engine/parse/index.ts';
import type { LintContext, Rule } from '../../../../src/engine/rules/index.ts';
import { contextOfSelection, findings } from '../support.ts';

/** The rule a docs example is checked with: the platform rule needs its table of images. */
function ruleFor(rule: Rule): Rule {
  return rule.id === 'invalid-base-image-platform' ? createInvalidBaseImagePlatform({ 'corp/legacy-tool:1.0': 'linux/arm64' }) : rule;
}

/** Examples of context rules describe their .dockerignore in a first comment line. */
function contextFor(source: string): LintContext | undefined {
  const m = /^# \.dockerignore: (.*)$/m.exec(source);
  if (!m) return undefined;
  const text = m[1]!.split(' and ').join('\n') + '\n';
  const entries = ['Dockerfile', '.dockerignore', 'config.yml'].map((path) => ({ path, bytes: 1 }));
  const s = selectContext(entries, { ignoreFile: { path: '.dockerignore', text } });
  return contextOfSelection(s);
}

describe('buildkit rules: documentation', () => {
  it('has unique kebab-case ids and one build check each', () => {
    const ids = buildkitRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of buildkitRules) {
      expect(r.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(r.aliases.buildkit).toBeTruthy();
      expect(r.severity).toBe('warning');
    }
  });

  for (const rule of buildkitRules) {
    it(`${rule.id}: the bad example is flagged, the good one is not`, () => {
      const checked = ruleFor(rule);
      const bad = rule.docs.bad;
      const good = rule.docs.good;
      expect(parseDockerfile(bad).errors).toEqual([]);
      expect(parseDockerfile(good).errors).toEqual([]);
      const badContext = contextFor(bad);
      const goodContext = contextFor(good);
      expect(findings(checked, bad, badContext ? { context: badContext } : {}).length).toBeGreaterThan(0);
      expect(findings(checked, good, goodContext ? { context: goodContext } : {})).toEqual([]);
    });
  }
});
