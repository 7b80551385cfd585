import { describe, expect, it } from 'vitest';
import { fromPlatformFlagConstDisallowed as rule } from '../../../../src/engine/rules/catalog/buildkit/from-platform-flag-const-disallowed.ts';
import { findings, flaggedLines } from '../support.ts';

describe('from-platform-flag-const-disallowed (FromPlatformFlagConstDisallowed)', () => {
  it('flags a constant --platform, with BuildKit’s message', () => {
    expect(findings(rule, '\nFROM --platform=linux/amd64 scratch\n').map((f) => [f.range.start.line, f.message])).toEqual([
      [2, 'FROM --platform flag should not use constant value "linux/amd64"'],
    ]);
  });

  it('accepts a constant when the stage name mentions its OS or architecture', () => {
    expect(flaggedLines(rule, '\nFROM --platform=linux/amd64 scratch AS my_amd64_stage\n')).toEqual([]);
    expect(flaggedLines(rule, '\nFROM --platform=linux/amd64 scratch AS linux\n')).toEqual([]);
    // The architecture is normalized first: x86_64 is amd64.
    expect(flaggedLines(rule, 'FROM --platform=linux/x86_64 alpine AS build-amd64\n')).toEqual([]);
  });

  it('accepts variables, set or not', () => {
    expect(flaggedLines(rule, 'FROM --platform=$BUILDPLATFORM alpine\nFROM --platform=linux/${ARCH} alpine\n')).toEqual([]);
  });

  it('ignores values that are not platforms (the build fails on them anyway)', () => {
    expect(flaggedLines(rule, 'FROM --platform=linux/amd64/v2/x alpine\nFROM --platform=not-a-platform alpine\n')).toEqual([]);
  });

  it('flags a bare architecture or OS', () => {
    expect(flaggedLines(rule, 'FROM --platform=arm64 alpine\nFROM --platform=linux alpine AS b\n')).toEqual([1, 2]);
  });

  it('honours # check=skip above the FROM', () => {
    expect(flaggedLines(rule, 'FROM alpine\n# check=skip=FromPlatformFlagConstDisallowed\nFROM --platform=linux/amd64 alpine\n')).toEqual([]);
  });
});
