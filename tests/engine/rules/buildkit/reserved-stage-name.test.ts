import { describe, expect, it } from 'vitest';
import { reservedStageName as rule } from '../../../../src/engine/rules/catalog/buildkit/reserved-stage-name.ts';
import { findings, flaggedLines } from '../support.ts';
import { ruleCatches, ruleCatchesNot } from '../packages/hadolint.ts';

describe('reserved-stage-name (ReservedStageName, DL3063)', () => {
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

  it('compares in lowercase, as BuildKit does; hadolint compares the name as written', () => {
    const [found] = findings(rule, 'FROM alpine AS Scratch\n');
    expect(found!.message).toBe('Stage name should not use the same name as reserved stage "scratch"');
    expect(found!.aliases).toEqual(['ReservedStageName']);
    expect(findings(rule, 'FROM alpine AS scratch\n')[0]!.aliases).toEqual(['DL3063', 'ReservedStageName']);
  });

  it('hadolint spec (DL3063, hadolint 2.15)', () => {
    ruleCatches(rule, 'FROM foo:bar AS scratch');
    ruleCatches(rule, 'FROM foo:bar AS context');
    ruleCatchesNot(rule, 'FROM foo:bar AS foobar');
  });

  it("honours hadolint's ignore pragma, except for what only BuildKit reports", () => {
    expect(flaggedLines(rule, '# hadolint ignore=DL3063\nFROM alpine AS context\n')).toEqual([]);
    expect(flaggedLines(rule, '# hadolint ignore=DL3063\nFROM alpine AS Context\n')).toEqual([2]);
  });

  // Needs a shared helper: convert.go runs validateStageNames only after instructions.Parse
  // succeeded; hadolint still reports DL3063.
  it('is hadolint’s alone on a file BuildKit cannot parse', () => {
    expect(findings(rule, 'FROM alpine AS context\nBADCMD\n').map((f) => f.aliases)).toEqual([['DL3063']]);
  });

  it('honours # check=skip', () => {
    expect(flaggedLines(rule, '# check=skip=ReservedStageName\nFROM alpine AS context\n')).toEqual([]);
  });
});
