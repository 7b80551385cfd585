import { describe, expect, it } from 'vitest';
import { undefinedArgInFrom as rule } from '../../../../src/engine/rules/catalog/buildkit/undefined-arg-in-from.ts';
import { findings, flaggedLines } from '../support.ts';

const messages = (src: string) => findings(rule, src).map((f) => [f.range.start.line, f.message]);

describe('undefined-arg-in-from (UndefinedArgInFrom)', () => {
  it('accepts declared global ARGs and the predefined platform ARGs', () => {
    expect(flaggedLines(rule, '\nARG base=scratch\nFROM $base\nCOPY Dockerfile .\n')).toEqual([]);
    expect(flaggedLines(rule, '\nARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\n')).toEqual([]);
    expect(flaggedLines(rule, '\nFROM --platform=$BUILDPLATFORM scratch\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM --platform=$TARGETOS/$TARGETARCH alpine\n')).toEqual([]);
  });

  it('accepts ARGs declared without a value, whatever the expansion', () => {
    expect(flaggedLines(rule, '\nARG DEBUG\nFROM scratch${DEBUG}\n')).toEqual([]);
    expect(flaggedLines(rule, '\nARG DEBUG\nFROM scra${DEBUG:-tch}\n')).toEqual([]);
    expect(flaggedLines(rule, '\nARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\n')).toEqual([]);
  });

  it('flags undeclared variables, suggesting a close name', () => {
    expect(messages('\nFROM --platform=$BULIDPLATFORM scratch\n')).toEqual([
      [2, "FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?)"],
    ]);
    expect(messages('\nARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n')).toEqual([
      [4, "FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?)"],
    ]);
    expect(messages('\nARG tag=latest\nFROM busybox:${tag}${version} AS b\n')).toEqual([[3, "FROM argument 'version' is not declared"]]);
  });

  it('does not accept an ARG declared in a stage', () => {
    expect(flaggedLines(rule, 'FROM alpine\nARG V=1\nFROM node:$V\n')).toEqual([3]);
  });

  it('accepts a variable given only as a build argument when declared', () => {
    expect(flaggedLines(rule, 'ARG V\nFROM node:$V\n', { resolve: { buildArgs: { V: '22' } } })).toEqual([]);
  });

  // BuildKit stops converting at the first error, and then no check that runs later (this one,
  // UndefinedVar, WorkdirRelativePath, ...) reports anything more.
  it('BuildKit: stops at a FROM that fails to expand or is blank, and before any FROM when a global default fails', () => {
    // convert.go toDispatchState: reportUnusedFromArgs, then `nameMatch.Result == ""` returns
    // "base name (...) should not be blank"; buildMetaArgs failing returns before the stage loop.
    expect(flaggedLines(rule, 'FROM $A\nFROM alpine:$B\n')).toEqual([1]);
    expect(flaggedLines(rule, 'ARG X=${Y:?}\nFROM alpine:$B\n')).toEqual([]);
  });

  it('honours # check=skip above the FROM', () => {
    expect(flaggedLines(rule, 'ARG A\n# check=skip=UndefinedArgInFrom\nFROM node:$X\nFROM node:$Y\n')).toEqual([4]);
  });
});

describe('undefined-arg-in-from: every predefined ARG of BuildKit', () => {
  it('accepts TARGETSTAGE and the OSVERSION pair, which BuildKit predefines too', () => {
    expect(flaggedLines(rule, 'FROM alpine AS base\nFROM base-${TARGETSTAGE}\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM mcr.microsoft.com/windows/nanoserver:${TARGETOSVERSION}${BUILDOSVERSION}\n')).toEqual([]);
  });

  it('suggests a predefined name for a near miss', () => {
    expect(messages('FROM alpine:${TARGETSTAG}\n')).toEqual([[1, "FROM argument 'TARGETSTAG' is not declared (did you mean TARGETSTAGE?)"]]);
  });
});
