import { describe, expect, it } from 'vitest';
import { allRules, lintDockerfile, parseLintConfig, toSarif, type LintConfig } from '../../../src/engine/rules/index.ts';

const lint = (source: string, config?: LintConfig) => lintDockerfile(source, { rules: allRules, ...(config ? { config } : {}) }).findings;
const ids = (source: string, config?: LintConfig) => lint(source, config).map((f) => `${f.range.start.line} ${f.rule}`);

const PRAGMA = 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER nobody\n';

describe('rules that are off by default (hadolint severity "ignore", and an opt-in of our own)', () => {
  it('marks exactly DL1001 and set-user-in-final-stage as off by default', () => {
    expect(allRules.filter((r) => r.defaultOff).map((r) => [r.id, r.aliases.hadolint ?? []])).toEqual([
      ['no-inline-ignore-pragma', ['DL1001']],
      ['set-user-in-final-stage', []],
    ]);
  });

  it('gives DL3063 to reserved stage names, as hadolint 2.15 does, on by default', () => {
    const found = lint('FROM foo:bar AS scratch\n').filter((f) => f.aliases.includes('DL3063'));
    expect(found.map((f) => f.rule)).toEqual(['reserved-stage-name']);
  });

  it('does not report DL1001 unless the configuration turns it on', () => {
    expect(ids(PRAGMA)).not.toContain('2 no-inline-ignore-pragma');
    expect(ids(PRAGMA, { rules: { DL1001: 'on' } })).toContain('2 no-inline-ignore-pragma');
    const warned = lint(PRAGMA, { rules: { 'no-inline-ignore-pragma': 'warning' } }).find((f) => f.rule === 'no-inline-ignore-pragma');
    expect(warned?.severity).toBe('warning');
    expect(lint(PRAGMA, { rules: { DL1001: 'on' } }).find((f) => f.rule === 'no-inline-ignore-pragma')?.severity).toBe('style');
  });

  it('does not report set-user-in-final-stage unless turned on', () => {
    const src = 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD ["/app"]\n';
    expect(ids(src)).not.toContain('1 set-user-in-final-stage');
    expect(ids(src, { rules: { 'set-user-in-final-stage': 'style' } })).toContain('1 set-user-in-final-stage');
  });

  it('accepts "on" in .layerwise.json, and names it in the error for a bad value', () => {
    expect(parseLintConfig('{"rules": {"DL3063": "on"}}', allRules).config.rules).toEqual({ DL3063: 'on' });
    // A label named like Object.prototype's property is kept as a label, not lost to the prototype.
    const schema = parseLintConfig('{"labelSchema": {"__proto__": "text", "maintainer": "email"}}', allRules).config.options?.labelSchema ?? {};
    expect(Object.keys(schema)).toEqual(['__proto__', 'maintainer']);
    expect(parseLintConfig('{"rules": {"DL3063": "yes"}}', allRules).errors[0]!.message).toBe(
      'rule "DL3063" must be "off", "on", "error", "warning", "info", "style"',
    );
  });
});

describe('one problem, one finding: final-stage-runs-as-root supersedes set-user-in-final-stage', () => {
  const ROOT = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

  it('keeps only the Layerwise finding when both flag the same FROM', () => {
    const found = ids(ROOT, { rules: { 'set-user-in-final-stage': 'on' } }).filter((x) => x.startsWith('1 ') && /root|user/.test(x));
    expect(found).toEqual(['1 final-stage-runs-as-root']);
  });

  it('keeps set-user-in-final-stage where final-stage-runs-as-root is quiet (an image that defaults to a non-root user)', () => {
    const src = 'FROM gcr.io/distroless/nodejs22-debian12:nonroot\nCOPY . /app\nCMD ["/app/server.js"]\n';
    const found = ids(src, { rules: { 'set-user-in-final-stage': 'on' } });
    expect(found).toContain('1 set-user-in-final-stage');
    expect(found).not.toContain('1 final-stage-runs-as-root');
  });

  it('still reports set-user-in-final-stage alone when final-stage-runs-as-root is turned off', () => {
    expect(ids(ROOT, { rules: { 'set-user-in-final-stage': 'on', 'final-stage-runs-as-root': 'off' } })).toContain('1 set-user-in-final-stage');
  });
});

describe('SARIF', () => {
  it('describes a rule that is off by default with defaultConfiguration.enabled = false', () => {
    const found = lintDockerfile(PRAGMA, { rules: allRules, config: { rules: { DL1001: 'on' } } }).findings;
    const driver = toSarif('Dockerfile', found, allRules, { version: '0' }).runs[0]!.tool.driver;
    const pragma = driver.rules.find((r) => r.id === 'no-inline-ignore-pragma')!;
    expect(pragma.defaultConfiguration).toEqual({ level: 'note', enabled: false });
    const other = driver.rules.find((r) => r.id !== 'no-inline-ignore-pragma')!;
    expect(other.defaultConfiguration).not.toHaveProperty('enabled');
  });
});
