import { describe, expect, it } from 'vitest';
import { fromFirst as rule } from '../../../../src/engine/rules/catalog/instructions/from-first.ts';
import { findings, flaggedLines } from '../support.ts';

describe('from-first (DL3061)', () => {
  it('flags an instruction before FROM (hadolint spec)', () => {
    expect(flaggedLines(rule, 'LABEL foo=bar\nFROM foo\n')).toEqual([1]);
    expect(findings(rule, 'LABEL foo=bar\nFROM foo\n')[0]!.message).toBe(
      'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.',
    );
  });

  it('accepts FROM first, ARG and directives before it (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM foo\nLABEL foo=bar\n')).toEqual([]);
    expect(flaggedLines(rule, 'ARG A=B\nFROM foo\nLABEL foo=bar\n')).toEqual([]);
    expect(flaggedLines(rule, '# syntax = docker/dockerfile:1.0-experimental\nFROM node:16-alpine3.13\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM foo\nARG A=B\nRUN echo bla\n')).toEqual([]);
  });

  it('flags each instruction before FROM, and ONBUILD triggers only there', () => {
    expect(flaggedLines(rule, 'ENV A=1\nRUN x\nFROM foo\n')).toEqual([1, 2]);
    expect(flaggedLines(rule, 'FROM foo\nONBUILD RUN x\n')).toEqual([]);
  });
});
