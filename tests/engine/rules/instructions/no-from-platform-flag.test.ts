import { describe, expect, it } from 'vitest';
import { noFromPlatformFlag as rule } from '../../../../src/engine/rules/catalog/instructions/no-from-platform-flag.ts';
import { findings, flaggedLines } from '../support.ts';

describe('no-from-platform-flag (DL3029)', () => {
  it('flags a fixed platform (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM --platform=linux debian:jessie\n')).toEqual([1]);
    expect(findings(rule, 'FROM --platform=linux debian:jessie\n')[0]!.message).toBe('Do not use --platform flag with FROM');
  });

  it('accepts no flag and BUILDPLATFORM/TARGETPLATFORM (hadolint spec)', () => {
    for (const src of [
      'FROM debian:jessie',
      'FROM --platform=$BUILDPLATFORM debian:jessie',
      'FROM --platform="$BUILDPLATFORM" debian:jessie',
      'FROM --platform=${BUILDPLATFORM} debian:jessie',
      'FROM --platform=${BUILDPLATFORM:-} debian:jessie',
      'FROM --platform="${BUILDPLATFORM:-}" debian:jessie',
      'FROM --platform=$TARGETPLATFORM debian:jessie',
    ]) {
      expect(flaggedLines(rule, `${src}\n`), src).toEqual([]);
    }
  });

  it('underlines the flag', () => {
    expect(findings(rule, 'FROM --platform=linux/amd64 node:22\n')[0]!.range).toEqual({
      start: { line: 1, column: 6 },
      end: { line: 1, column: 28 },
    });
  });
});
