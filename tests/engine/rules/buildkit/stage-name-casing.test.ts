import { describe, expect, it } from 'vitest';
import { stageNameCasing as rule } from '../../../../src/engine/rules/catalog/buildkit/stage-name-casing.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('stage-name-casing (StageNameCasing)', () => {
  it('flags a stage name with uppercase letters, with BuildKit’s message', () => {
    const src = '\n# warning: stage name should be lowercase\n#\nFROM scratch AS BadStageName\n\nFROM scratch as base2\n';
    expect(flaggedLines(rule, src)).toEqual([4]);
    expect(findings(rule, src)[0]!.message).toBe("Stage name 'BadStageName' should be lowercase");
  });

  it('accepts lowercase names and stages without a name', () => {
    expect(flaggedLines(rule, 'FROM scratch AS base3\nFROM alpine\nfrom alpine as build-2.x\n')).toEqual([]);
  });

  it('checks every stage, also with --platform and continuation lines', () => {
    const src = 'FROM --platform=$BUILDPLATFORM golang AS Build\nFROM alpine \\\n  AS Final\n';
    // Reported on the line the instruction starts, as BuildKit does.
    expect(flaggedLines(rule, src)).toEqual([1, 2]);
    expect(findings(rule, src)[1]!.range).toEqual({ start: { line: 2, column: 1 }, end: { line: 3, column: 11 } });
  });

  it('honours # check=skip, in the file and above the FROM', () => {
    expect(flaggedLines(rule, '# check=skip=StageNameCasing\nFROM scratch AS Bad\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\n# check=skip=StageNameCasing\nFROM scratch AS Bad\nFROM scratch AS Worse\n')).toEqual([4]);
  });

  // Needs a shared helper: BuildKit checks each FROM as instructions.Parse reaches it and stops at
  // the first instruction it cannot parse (instructions/parse.go Parse), so a FROM after it is
  // never checked; one before it still is (the corpus's testWarningsBeforeError).
  it('does not check a FROM after an instruction BuildKit cannot parse', () => {
    expect(flaggedLines(rule, 'FROM alpine AS Before\nBADCMD\nFROM alpine AS After\n')).toEqual([1]);
  });

  it('lowercases the name', () => {
    expectFixed(rule, 'FROM golang AS Build\nFROM alpine\nCOPY --from=build /a /a\n', 'FROM golang AS build\nFROM alpine\nCOPY --from=build /a /a\n');
  });
});
