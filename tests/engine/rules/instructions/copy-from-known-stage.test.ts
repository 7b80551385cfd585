import { describe, expect, it } from 'vitest';
import { copyFromKnownStage as rule } from '../../../../src/engine/rules/catalog/instructions/copy-from-known-stage.ts';
import { findings, flaggedLines } from '../support.ts';

describe('copy-from-known-stage (DL3022)', () => {
  it('flags a missing alias and one defined later (hadolint spec)', () => {
    expect(flaggedLines(rule, 'COPY --from=foo bar .\n')).toEqual([1]);
    expect(flaggedLines(rule, 'FROM scratch\nCOPY --from=build foo .\nFROM node as build\nRUN baz\n')).toEqual([2]);
    expect(findings(rule, 'COPY --from=foo bar .\n')[0]!.message).toBe('`COPY --from` should reference a previously defined `FROM` alias');
  });

  it('accepts defined aliases and external images (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=build foo .\nRUN baz\n')).toEqual([]);
    expect(flaggedLines(rule, 'COPY --from=haskell:latest bar .\n')).toEqual([]);
  });

  it('checks stage indexes (hadolint spec)', () => {
    expect(flaggedLines(rule, 'COPY --from=0 bar .\n')).toEqual([1]);
    expect(flaggedLines(rule, 'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=0 foo .\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\nRUN foo\nFROM node\nCOPY --from=0 foo .\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\nFROM node\nCOPY --from=2 foo .\n')).toEqual([3]);
  });

  it('compares stage names without case, expands variables, and underlines the flag', () => {
    expect(flaggedLines(rule, 'FROM golang:1 AS Builder\nFROM alpine:3\nCOPY --from=builder /a /a\n')).toEqual([]);
    expect(flaggedLines(rule, 'ARG SRC=builder\nFROM golang:1 AS builder\nFROM alpine:3\nARG SRC\nCOPY --from=$SRC /a /a\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine:3\nARG SRC\nCOPY --from=$SRC /a /a\n')).toEqual([]);
    expect(findings(rule, 'FROM alpine:3\nCOPY --from=nope /a /a\n')[0]!.range).toEqual({
      start: { line: 2, column: 6 },
      end: { line: 2, column: 17 },
    });
  });
});
