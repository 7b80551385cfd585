import { describe, expect, it } from 'vitest';
import { redundantTargetPlatform as rule } from '../../../../src/engine/rules/catalog/buildkit/redundant-target-platform.ts';
import { ruleCatches, ruleCatchesNot } from '../packages/hadolint.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('redundant-target-platform (RedundantTargetPlatform)', () => {
  it('flags --platform=$TARGETPLATFORM, quoting the flag as written', () => {
    expect(findings(rule, '\nFROM --platform=$TARGETPLATFORM scratch\n').map((f) => [f.range.start.line, f.message])).toEqual([
      [2, 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior'],
    ]);
    expect(findings(rule, '\nFROM --platform=${TARGETPLATFORM} scratch\n')[0]!.message).toBe(
      'Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant as this is the default behavior',
    );
  });

  it('accepts other platforms and combinations', () => {
    expect(flaggedLines(rule, 'FROM --platform=$BUILDPLATFORM alpine\nFROM --platform=linux/amd64 alpine\nFROM alpine\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM --platform=$TARGETOS/$TARGETARCH alpine\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM --platform=${TARGETPLATFORM}${X} alpine\n')).toEqual([]);
  });

  it('BuildKit alone flags other spellings that expand to $TARGETPLATFORM', () => {
    // reportRedundantTargetPlatform: one variable matched, TARGETPLATFORM, and the result is its
    // value; hadolint's DL3065 compares the text with "$TARGETPLATFORM" and "${TARGETPLATFORM}".
    expect(findings(rule, 'FROM --platform=${TARGETPLATFORM:-linux/arm64} alpine\n').map((f) => [f.aliases, f.message])).toEqual([
      [['RedundantTargetPlatform'], 'Setting platform to predefined ${TARGETPLATFORM:-linux/arm64} in FROM is redundant as this is the default behavior'],
    ]);
    expect(findings(rule, 'FROM --platform=$TARGETPLATFORM alpine\n')[0]!.aliases).toEqual(['DL3065', 'RedundantTargetPlatform']);
  });

  it('hadolint spec (DL3065)', () => {
    ruleCatchesNot(rule, 'FROM alpine:3.24');
    ruleCatchesNot(rule, 'FROM --platform=$FOOBAR alpine:3.24');
    ruleCatchesNot(rule, 'FROM --platform=foobar alpine:3.24');
    ruleCatchesNot(rule, 'FROM --platform=foobar/arm64 alpine:3.24');
    ruleCatches(rule, 'FROM --platform=$TARGETPLATFORM alpine:3.24');
    ruleCatches(rule, 'FROM --platform=${TARGETPLATFORM} alpine:3.24');
  });

  it('honours # check=skip', () => {
    expect(flaggedLines(rule, '\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n')).toEqual([]);
    expect(flaggedLines(rule, '# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n')).toEqual([]);
  });

  it('removes the flag', () => {
    expectFixed(rule, 'FROM --platform=$TARGETPLATFORM node:22 AS app\n', 'FROM node:22 AS app\n');
    expectFixed(rule, 'FROM  --platform=${TARGETPLATFORM}\talpine\n', 'FROM  alpine\n');
  });

  it('offers no fix when TARGETPLATFORM is redeclared', () => {
    expect(findings(rule, 'ARG TARGETPLATFORM\nFROM --platform=$TARGETPLATFORM alpine\n')[0]!.fix).toBeUndefined();
  });
});
