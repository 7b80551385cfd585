import { describe, expect, it } from 'vitest';
import { setUserInFinalStage as rule } from '../../../../src/engine/rules/catalog/layerwise/set-user-in-final-stage.ts';
import { findings, flaggedLines } from '../support.ts';

describe('set-user-in-final-stage (proposed to hadolint as DL3063, pull request #1032)', () => {
  it('flags a final stage without USER (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM alpine:3\n')).toEqual([1]);
    expect(findings(rule, 'FROM alpine:3\n')[0]!.message).toBe('A USER should be set after the last FROM');
  });

  it('accepts USER in the final stage (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM alpine:3\nUSER nobody\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine:3 AS builder\nFROM alpine:3\nUSER app\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine:3\nUSER 1000\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine:3\nUSER 1000:1000\n')).toEqual([]);
  });

  it('only counts a USER after the last FROM, as hadolint (it resets at every FROM)', () => {
    expect(flaggedLines(rule, 'FROM alpine:3\nUSER app\nFROM alpine:3\n')).toEqual([3]);
    // The proposed DL3063 flags this too: the USER is in the base stage, not after the last FROM.
    expect(flaggedLines(rule, 'FROM alpine:3 AS base\nUSER app\nFROM base\n')).toEqual([3]);
    expect(flaggedLines(rule, 'RUN x\n')).toEqual([]);
  });
});
