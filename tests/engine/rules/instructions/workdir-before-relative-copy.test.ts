import { describe, expect, it } from 'vitest';
import { workdirBeforeRelativeCopy as rule } from '../../../../src/engine/rules/catalog/instructions/workdir-before-relative-copy.ts';
import { catchesNeither, onBuildRuleCatchesNot } from '../packages/hadolint.ts';
import { findings, flaggedLines } from '../support.ts';

describe('workdir-before-relative-copy (DL3045)', () => {
  it('accepts absolute destinations, Windows ones and variables (hadolint spec)', () => {
    for (const src of [
      'COPY bla.sh /usr/local/bin/blubb.sh',
      'COPY bla.sh "/usr/local/bin/blubb.s"',
      'COPY bla.sh "/usr/local/bin/blubb.sh"',
      'COPY bla.sh c:\\system32\\blubb.sh',
      'COPY bla.sh d:\\mypath\\blubb.sh',
      'COPY bla.sh "c:\\system32\\blubb.sh"',
      'COPY bla.sh "d:\\mypath\\blubb.sh"',
      'COPY bla.sh c:/system32/blubb.sh',
      'COPY bla.sh d:/mypath/blubb.sh',
      'COPY src.sh ${SRC_BASE_ENV}',
      'COPY src.sh $SRC_BASE_ENV',
      'COPY src.sh "${SRC_BASE_ENV}"',
      'COPY src.sh "$SRC_BASE_ENV"',
    ]) {
      expect(flaggedLines(rule, `${src}\n`), src).toEqual([]);
    }
  });

  it('accepts a relative destination after WORKDIR (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh\n')).toEqual([]);
    // The spec passes "FROM scratch\nDL3045" as the rule code here, so only the Dockerfile text is meaningful.
    onBuildRuleCatchesNot(rule, 'WORKDIR /usr\nCOPY bla.sh blubb.sh');
  });

  it('flags a relative destination without WORKDIR (hadolint spec)', () => {
    expect(flaggedLines(rule, 'COPY bla.sh blubb.sh\n')).toEqual([1]);
    expect(flaggedLines(rule, 'COPY bla.sh "blubb.sh"\n')).toEqual([1]);
    expect(flaggedLines(rule, 'COPY a b\n')).toEqual([1]);
    expect(findings(rule, 'COPY a b\n')[0]!.message).toBe('`COPY` to a relative destination without `WORKDIR` set.');
  });

  it('follows WORKDIR through stages that build on each other (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar\n')).toEqual([4]);
    expect(
      flaggedLines(rule, 'FROM microsoft/windowsservercore as stage1\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore\nCOPY foo bar\n'),
    ).toEqual([4]);
    expect(
      flaggedLines(rule, 'FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\nRUN foo\nFROM base\nCOPY foo bar\n'),
    ).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar\n')).toEqual(
      [],
    );
    catchesNeither(rule, [
      'FROM microsoft/windowsservercore as base',
      'WORKDIR c:\\system32',
      'FROM microsoft/windowsservercore as stage-inbetween',
      'RUN foo',
      'FROM base',
      'COPY foo bar',
    ]);
    catchesNeither(rule, [
      'FROM microsoft/windowsservercore as base1',
      'WORKDIR c:\\system32',
      'FROM base1 as base2',
      'RUN foo',
      'FROM base2',
      'COPY foo bar',
    ]);
  });

  it('handles ONBUILD (hadolint spec, and the regular WORKDIR a child inherits)', () => {
    expect(flaggedLines(rule, 'FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:buster\nWORKDIR /app\nONBUILD COPY foo bar\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:buster\nONBUILD COPY foo bar\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:buster\nONBUILD WORKDIR /app\nCOPY foo bar\n')).toEqual([3]);
  });

  it('does not let two unrelated stages of the same image share a WORKDIR', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nWORKDIR /x\nFROM debian:12\nCOPY a b\n')).toEqual([4]);
  });

  it('underlines the destination', () => {
    expect(findings(rule, 'FROM debian:12\nCOPY a b\n')[0]!.range).toEqual({ start: { line: 2, column: 8 }, end: { line: 2, column: 9 } });
  });

  it('does not flag stages built from scratch, directly or through another stage', () => {
    expect(flaggedLines(rule, 'FROM golang:1 AS build\nWORKDIR /src\nFROM scratch\nCOPY --from=build /out .\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch AS base\nFROM base\nCOPY a b\n')).toEqual([]);
  });
});
