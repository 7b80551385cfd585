import { describe, expect, it } from 'vitest';
import { layerwiseRules } from '../../../../src/engine/rules/catalog/layerwise/index.ts';
import { parseDockerfile } from '../../../../src/engine/parse/index.ts';
import { fakeContext, findings } from '../support.ts';

/** The contexts the docs' examples describe in their first comment line. */
const contexts: Record<string, { bad: ReturnType<typeof fakeContext>; good: ReturnType<typeof fakeContext> }> = {
  'dockerignore-coverage': {
    bad: fakeContext(['Dockerfile', 'package.json', 'src/server.js', 'node_modules/a/index.js', '.git/HEAD']),
    good: fakeContext(['Dockerfile', '.dockerignore', 'package.json', 'src/server.js', 'node_modules/a/index.js', '.git/HEAD'], (p) => p.startsWith('node_modules/') || p.startsWith('.git/'), '.dockerignore'),
  },
  'secrets-in-context': {
    bad: fakeContext(['Dockerfile', 'package.json', 'server.js', '.env']),
    good: fakeContext(['Dockerfile', '.dockerignore', 'package.json', 'server.js', '.env'], (p) => p === '.env', '.dockerignore'),
  },
};

describe('layerwise rules', () => {
  it('have unique kebab-case ids, a title and docs', () => {
    const ids = layerwiseRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(24);
    for (const rule of layerwiseRules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.docs.rationale.length).toBeGreaterThan(200);
    }
  });

  it('only DL3057 is aliased (to missing-healthcheck)', () => {
    const aliased = layerwiseRules.filter((r) => (r.aliases.hadolint ?? []).length > 0 || r.aliases.buildkit);
    expect(aliased.map((r) => [r.id, r.aliases.hadolint])).toEqual([['missing-healthcheck', ['DL3057']]]);
  });

  for (const rule of layerwiseRules) {
    it(`${rule.id}: its docs' bad example is flagged and the good one is not`, () => {
      const ctx = contexts[rule.id];
      expect(parseDockerfile(rule.docs.bad).errors).toEqual([]);
      expect(parseDockerfile(rule.docs.good).errors).toEqual([]);
      expect(findings(rule, rule.docs.bad, ctx ? { context: ctx.bad } : {}).length).toBeGreaterThan(0);
      expect(findings(rule, rule.docs.good, ctx ? { context: ctx.good } : {})).toEqual([]);
    });
  }

  it('never crash on odd input', () => {
    const inputs = [
      '',
      'FROM',
      'RUN npm ci',
      'FROM scratch\nCOPY\nRUN\nCMD\nENTRYPOINT []\nHEALTHCHECK\nUSER\nWORKDIR\n',
      'FROM a AS a\nFROM a\nCOPY --from=a / /\nCOPY --from=9 / /\n',
      'FROM $X\nRUN ["sh", "-c"]\nRUN ["sh", "-c", ""]\nCMD ["sh", "-c", "exec node a.js"]\n',
      'FROM node\nONBUILD RUN npm ci\nONBUILD\nRUN <<EOF\nEOF\nRUN rm -rf "$(pwd)" ~ ${X:-y} /\n',
      'FROM node\nRUN chown -R\nRUN chmod -R 755\nRUN go build -ldflags\nRUN cargo build --release --config\n',
    ];
    for (const src of inputs) {
      for (const rule of layerwiseRules) {
        findings(rule, src);
        findings(rule, src, { context: fakeContext(['Dockerfile', '.env', 'a.map', 'node_modules/x']) });
      }
    }
  });
});
