import { describe, expect, it } from 'vitest';
import { workdirRelativePath as rule } from '../../../../src/engine/rules/catalog/buildkit/workdir-relative-path.ts';
import { findings, flaggedLines } from '../support.ts';

describe('workdir-relative-path (DL3000, WorkdirRelativePath)', () => {
  it('flags a relative WORKDIR with no absolute one before it, with BuildKit’s message', () => {
    expect(flaggedLines(rule, '\nFROM scratch\nWORKDIR app/\n')).toEqual([3]);
    expect(findings(rule, '\nFROM scratch\nWORKDIR app/\n')[0]!.message).toBe(
      'Relative workdir "app/" can have unexpected results if the base image changes',
    );
  });

  it('accepts relative paths after an absolute WORKDIR, in the stage or the one it builds on', () => {
    expect(flaggedLines(rule, '\nFROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\nWORKDIR /app\nWORKDIR sub\n')).toEqual([]);
  });

  it('checks only the first WORKDIR of a stage chain', () => {
    expect(flaggedLines(rule, 'FROM alpine\nWORKDIR a\nWORKDIR b\nFROM alpine\nWORKDIR c\n')).toEqual([2, 5]);
  });

  it('hadolint: absolute, variables, quotes and Windows paths', () => {
    expect(flaggedLines(rule, 'WORKDIR relative/dir\n')).toEqual([1]);
    expect(flaggedLines(rule, 'WORKDIR /usr/local\n')).toEqual([]);
    expect(flaggedLines(rule, 'WORKDIR ${work}\n')).toEqual([]);
    expect(flaggedLines(rule, "WORKDIR 'relative/dir'\n")).toEqual([1]);
    expect(flaggedLines(rule, "WORKDIR '/usr/local'\n")).toEqual([]);
    expect(flaggedLines(rule, 'WORKDIR "relative/dir"\n')).toEqual([1]);
    expect(flaggedLines(rule, 'WORKDIR "/usr/local"\n')).toEqual([]);
    expect(flaggedLines(rule, 'WORKDIR "${dir}"\n')).toEqual([]);
    expect(flaggedLines(rule, "WORKDIR 'C:\\\\'\n")).toEqual([]);
    expect(flaggedLines(rule, "WORKDIR 'C:\\'\n")).toEqual([]);
    expect(flaggedLines(rule, 'WORKDIR "C:\\"\n')).toEqual([]);
    expect(flaggedLines(rule, 'WORKDIR C:/\n')).toEqual([]);
    expect(flaggedLines(rule, 'WORKDIR "C:/"\n')).toEqual([]);
  });

  it('checks the path after expansion in a stage', () => {
    expect(flaggedLines(rule, 'FROM alpine\nARG DIR=/srv\nWORKDIR $DIR/app\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\nARG DIR=srv\nWORKDIR $DIR/app\n')).toEqual([3]);
    expect(findings(rule, 'FROM alpine\nARG DIR=srv\nWORKDIR $DIR/app\n')[0]!.message).toContain('"srv/app"');
    // An undefined variable leaves the value unknown: UndefinedVar reports it.
    expect(flaggedLines(rule, 'FROM alpine\nWORKDIR ${work}\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\nWORKDIR "/quoted dir"\n')).toEqual([]);
  });

  it('honours # check=skip above the instruction', () => {
    expect(flaggedLines(rule, '\nFROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR app/\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\n# hadolint ignore=DL3000\nWORKDIR app/\n')).toEqual([]);
  });
});
