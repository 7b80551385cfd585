import { describe, expect, it } from 'vitest';
import { fromAsCasing as rule } from '../../../../src/engine/rules/catalog/buildkit/from-as-casing.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('from-as-casing (FromAsCasing)', () => {
  it('flags AS whose case differs from FROM, with BuildKit’s messages', () => {
    const src = '\n# warning: stage name should be lowercase\n#\nFROM scratch AS BadStageName\n\n#\nFROM scratch as base2\n\nFROM scratch AS base3\n';
    expect(flaggedLines(rule, src)).toEqual([7]);
    expect(findings(rule, src)[0]!.message).toBe("'as' and 'FROM' keywords' casing do not match");
    const lower = '\nfrom scratch AS base\n\nfrom scratch as base2\n';
    expect(flaggedLines(rule, lower)).toEqual([2]);
    expect(findings(rule, lower)[0]!.message).toBe("'AS' and 'from' keywords' casing do not match");
  });

  it('leaves mixed-case FROM to ConsistentInstructionCasing', () => {
    expect(flaggedLines(rule, 'From scratch as base\nFrom scratch AS base2\n')).toEqual([]);
  });

  it('flags a mixed-case AS', () => {
    expect(flaggedLines(rule, 'FROM scratch As base\nfrom scratch aS b\n')).toEqual([1, 2]);
  });

  it('ignores FROM without a stage name', () => {
    expect(flaggedLines(rule, 'FROM alpine\nfrom alpine\n')).toEqual([]);
  });

  it('honours # check=skip', () => {
    expect(flaggedLines(rule, '#check=skip=ConsistentInstructionCasing,FromAsCasing\nFROM scratch as base\ncopy Dockerfile .\n')).toEqual([]);
    expect(flaggedLines(rule, '#check=skip=ConsistentInstructionCasing\nFROM scratch as base\ncopy Dockerfile .\n')).toEqual([2]);
    expect(flaggedLines(rule, '#check=skip=all\nFROM scratch as base\n')).toEqual([]);
    expect(findings(rule, '#check=skip=ConsistentInstructionCasing;error=true\nFROM scratch as base\n')[0]!.severity).toBe('error');
  });

  // Needs a shared helper: as for StageNameCasing, BuildKit stops checking FROMs at the first
  // instruction instructions.Parse rejects.
  it('does not check a FROM after an instruction BuildKit cannot parse', () => {
    expect(flaggedLines(rule, 'FROM alpine as before\nBADCMD\nFROM alpine as after\n')).toEqual([1]);
  });

  it('rewrites AS in the case of FROM', () => {
    expectFixed(rule, 'FROM golang as build\nfrom alpine AS final\n', 'FROM golang AS build\nfrom alpine as final\n');
  });
});
