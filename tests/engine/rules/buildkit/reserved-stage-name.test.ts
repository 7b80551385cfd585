import { describe, expect, it } from 'vitest';
import { reservedStageName as rule } from '../../../../src/engine/rules/catalog/buildkit/reserved-stage-name.ts';
import { findings, flaggedLines } from '../support.ts';

describe('reserved-stage-name (ReservedStageName)', () => {
  it('flags stages named scratch or context', () => {
    const src = '\nFROM scratch AS scratch\nFROM scratch AS context\n';
    expect(findings(rule, src).map((f) => [f.range.start.line, f.message])).toEqual([
      [2, 'Stage name should not use the same name as reserved stage "scratch"'],
      [3, 'Stage name should not use the same name as reserved stage "context"'],
    ]);
  });

  it('accepts scratch as a base and other names', () => {
    expect(flaggedLines(rule, '\nFROM scratch\nFROM scratch AS a\nFROM alpine AS contexts\n')).toEqual([]);
  });

  it('compares in lowercase', () => {
    expect(findings(rule, 'FROM alpine AS Scratch\n')[0]!.message).toBe('Stage name should not use the same name as reserved stage "scratch"');
  });

  it('honours # check=skip', () => {
    expect(flaggedLines(rule, '# check=skip=ReservedStageName\nFROM alpine AS context\n')).toEqual([]);
  });
});
