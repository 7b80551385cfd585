import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/engine/parse/index.ts';
import { allRules } from '../../src/engine/rules/registry.ts';
import { rulePage } from '../../src/site/rule-docs.ts';

/**
 * Rules whose examples cannot speak on their own: they need the files of a build context, or
 * facts about a registry's images that a Dockerfile alone does not carry.
 */
const SILENT_WITHOUT_CONTEXT = new Set(['copy-ignored-file', 'dockerignore-coverage', 'secrets-in-context', 'invalid-base-image-platform']);

describe('rule pages', () => {
  for (const rule of allRules) {
    it(`${rule.id}: the bad example is flagged, the good one is not, the fix resolves it`, () => {
      const page = rulePage(rule);
      expect(page.good.findings.map((f) => f.message)).toEqual([]);
      if (SILENT_WITHOUT_CONTEXT.has(rule.id)) {
        expect(rule.needsContext || rule.id === 'invalid-base-image-platform').toBe(true);
        return;
      }
      expect(page.bad.findings.length).toBeGreaterThan(0);
      if (page.fixed !== null) {
        expect(rulePage({ ...rule, docs: { ...rule.docs, bad: page.fixed } }).bad.findings).toEqual([]);
        expect(parseDockerfile(page.fixed).errors.filter((e) => e.kind === 'syntax')).toEqual([]);
      }
    });
  }

  it('every page offers Layerwise pragmas, the config file and each alias', () => {
    for (const rule of allRules) {
      const codes = rulePage(rule).ignore.map((w) => w.code).join('\n');
      expect(codes).toContain(`# layerwise-ignore=${rule.id}`);
      expect(codes).toContain(rule.defaultOff ? `"${rule.id}": "on"` : `"${rule.id}": "off"`);
      for (const code of rule.aliases.hadolint ?? []) expect(codes).toContain(`# hadolint ignore=${code}`);
      if (rule.aliases.buildkit) expect(codes).toContain(`# check=skip=${rule.aliases.buildkit}`);
    }
  });
});
