import { describe, expect, it } from 'vitest';
import { duplicateStageName as rule } from '../../../../src/engine/rules/catalog/buildkit/duplicate-stage-name.ts';
import { findings, flaggedLines } from '../support.ts';

describe('duplicate-stage-name (DL3024, DuplicateStageName)', () => {
  it('flags the second stage with a name already used', () => {
    expect(flaggedLines(rule, '\nFROM scratch AS b\nFROM scratch AS b\n')).toEqual([3]);
    expect(findings(rule, '\nFROM scratch AS b\nFROM scratch AS b\n')[0]!.message).toBe(
      'Duplicate stage name "b", stage names should be unique',
    );
  });

  it('hadolint: warn on duplicate aliases', () => {
    expect(flaggedLines(rule, 'FROM node as foo\nRUN something\nFROM scratch as foo\nRUN something\n')).toEqual([3]);
  });

  it("hadolint: don't warn on unique aliases", () => {
    expect(flaggedLines(rule, 'FROM scratch as build\nRUN foo\nFROM node as run\nRUN baz\n')).toEqual([]);
    expect(flaggedLines(rule, '\nFROM scratch AS b1\nFROM scratch AS b2\n')).toEqual([]);
  });

  it('compares names in lowercase, as BuildKit stores them', () => {
    expect(findings(rule, 'FROM a AS Build\nFROM b AS build\nFROM c AS BUILD\n').map((f) => f.message)).toEqual([
      'Duplicate stage name "build", stage names should be unique',
      'Duplicate stage name "build", stage names should be unique',
    ]);
  });

  it('reports a duplicate that differs only in case for BuildKit alone: hadolint compares the names as written', () => {
    // BuildKit's validateStageNames compares stage.Name, which parseBuildStageName lowercases;
    // hadolint's DL3024 puts language-docker's ImageAlias, as written, in its set.
    const reported = (src: string) => findings(rule, src).map((f) => [f.range.start.line, f.aliases]);
    expect(reported('FROM a AS Build\nFROM b AS build\nFROM c AS Build\n')).toEqual([
      [2, ['DuplicateStageName']],
      [3, ['DL3024', 'DuplicateStageName']],
    ]);
    expect(flaggedLines(rule, 'FROM a AS build\n# hadolint ignore=DL3024\nFROM c AS Build\n')).toEqual([3]);
  });

  // Needs a shared helper (not in this rule): BuildKit runs validateStageNames only once
  // instructions.Parse has read the whole file (convert.go toDispatchState), so a file it cannot
  // parse gets no DuplicateStageName, while hadolint still reports DL3024.
  it('is BuildKit’s only when its instruction parser gets through the file', () => {
    expect(findings(rule, 'FROM a AS b\nFROM c AS b\nBADCMD\n').map((f) => f.aliases)).toEqual([['DL3024']]);
  });

  it('honours pragmas', () => {
    expect(flaggedLines(rule, 'FROM a AS b\n# hadolint ignore=DL3024\nFROM c AS b\n')).toEqual([]);
    expect(flaggedLines(rule, '# check=skip=DuplicateStageName\nFROM a AS b\nFROM c AS b\n')).toEqual([]);
  });
});
