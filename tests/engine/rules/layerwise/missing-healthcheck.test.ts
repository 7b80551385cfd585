import { describe, expect, it } from 'vitest';
import { missingHealthcheck as rule } from '../../../../src/engine/rules/catalog/layerwise/missing-healthcheck.ts';
import { findings, flaggedLines } from '../support.ts';

describe('missing-healthcheck (DL3057)', () => {
  it('hadolint: warn with no HEALTHCHECK instructions', () => {
    expect(flaggedLines(rule, 'FROM scratch')).toEqual([1]);
    expect(findings(rule, 'FROM scratch')[0]!.message).toBe('`HEALTHCHECK` instruction missing.');
    expect(findings(rule, 'FROM scratch')[0]!.severity).toBe('info');
  });

  it('hadolint: ok with one HEALTHCHECK instruction', () => {
    expect(flaggedLines(rule, 'FROM scratch\nHEALTHCHECK CMD /bin/bla')).toEqual([]);
  });

  it('hadolint: ok with inheriting HEALTHCHECK instruction', () => {
    expect(flaggedLines(rule, 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base')).toEqual([]);
  });

  it('hadolint: warn when not inheriting with no HEALTHCHECK instruction', () => {
    expect(flaggedLines(rule, 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch')).toEqual([3]);
  });

  it('only looks at the final stage', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nHEALTHCHECK CMD ["node", "hc.js"]\n')).toEqual([]);
  });

  it('counts HEALTHCHECK NONE as a decision, and ignores ONBUILD ones', () => {
    expect(flaggedLines(rule, 'FROM node:22\nHEALTHCHECK NONE\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22\nONBUILD HEALTHCHECK CMD true\n')).toEqual([1]);
  });

  it('says nothing for a file without stages, and honours pragmas', () => {
    expect(flaggedLines(rule, '# just a comment\n')).toEqual([]);
    expect(flaggedLines(rule, '# hadolint ignore=DL3057\nFROM scratch\n')).toEqual([]);
  });

  it('hadolint: ok when HEALTHCHECK is explicitly disabled', () => {
    expect(flaggedLines(rule, 'FROM scratch\nHEALTHCHECK NONE\n')).toEqual([]);
  });

  it('hadolint: ok with ending inheritance chain with HEALTHCHECK', () => {
    expect(flaggedLines(rule, 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3\nFROM base3 AS end\nHEALTHCHECK NONE\n')).toEqual([]);
  });

  it('hadolint: warn when inheritance chain bifurcates (Layerwise reports the final stage only)', () => {
    const src = 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3.1\nFROM base2 AS base3.2\n\nFROM base3.1 AS end1\nHEALTHCHECK NONE\n\nFROM base3.2 AS end2\n';
    expect(flaggedLines(rule, src)).toEqual([9]);
  });
});
