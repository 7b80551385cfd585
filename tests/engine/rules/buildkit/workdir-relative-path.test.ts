import { describe, expect, it } from 'vitest';
import { workdirRelativePath as rule } from '../../../../src/engine/rules/catalog/buildkit/workdir-relative-path.ts';
import { findings, flaggedLines } from '../support.ts';

/** The lines of the findings BuildKit reports (those carrying the build check's name). */
const buildkitLines = (src: string) => findings(rule, src).filter((f) => f.aliases.includes('WorkdirRelativePath')).map((f) => f.range.start.line);

describe('workdir-relative-path (DL3000, WorkdirRelativePath)', () => {
  it('flags a relative WORKDIR with no absolute one before it, with BuildKit’s message', () => {
    expect(flaggedLines(rule, '\nFROM scratch\nWORKDIR app/\n')).toEqual([3]);
    expect(findings(rule, '\nFROM scratch\nWORKDIR app/\n')[0]!.message).toBe(
      'Relative workdir "app/" can have unexpected results if the base image changes',
    );
  });

  it('accepts relative paths after an absolute WORKDIR, in the stage or the one it builds on', () => {
    expect(buildkitLines('\nFROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n')).toEqual([]);
    expect(buildkitLines('FROM alpine\nWORKDIR /app\nWORKDIR sub\n')).toEqual([]);
  });

  it('hadolint checks every WORKDIR as written, BuildKit only the first of a stage chain', () => {
    expect(findings(rule, 'FROM alpine\nWORKDIR /app\nWORKDIR sub\n').map((f) => [f.range.start.line, f.aliases])).toEqual([[3, ['DL3000']]]);
  });

  it('checks only the first WORKDIR of a stage chain', () => {
    expect(buildkitLines('FROM alpine\nWORKDIR a\nWORKDIR b\nFROM alpine\nWORKDIR c\n')).toEqual([2, 5]);
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

  it('before the first FROM only hadolint reports, whatever # check= says', () => {
    // BuildKit's instructions.Parse rejects a WORKDIR there ("no build stage in current context").
    const found = findings(rule, '# check=skip=WorkdirRelativePath\nWORKDIR app\nFROM scratch\n');
    expect(found.map((f) => [f.range.start.line, f.aliases])).toEqual([[2, ['DL3000']]]);
  });

  it('BuildKit: reads a drive path by the stage platform (system.IsAbs)', () => {
    // On Linux path.IsAbs("C:/app") is false: BuildKit reports it, hadolint does not.
    expect(findings(rule, 'FROM scratch\nWORKDIR C:/app\n').map((f) => [f.range.start.line, f.message, f.aliases])).toEqual([
      [2, 'Relative workdir "C:/app" can have unexpected results if the base image changes', ['WorkdirRelativePath']],
    ]);
    // The path is checked expanded: with the default escape, C:\app reads C:app.
    expect(findings(rule, 'FROM --platform=windows/amd64 scratch\nWORKDIR C:\\app\n').map((f) => f.message)).toEqual([
      'Relative workdir "C:app" can have unexpected results if the base image changes',
    ]);
    // On Windows a C: path is absolute; another drive, C: alone or a drive-relative path is not.
    const win = (path: string) => buildkitLines(`# escape=\`\nFROM --platform=windows/amd64 scratch AS a\nWORKDIR ${path}\n`);
    expect([win('C:\\app'), win('c:/app'), win('\\app'), win('D:\\app'), win('C:'), win('C:app'), win('app')]).toEqual([[], [], [], [3], [3], [3], [3]]);
    // A stage built on another takes its platform; a Windows image gives its own (autoDetectPlatform).
    expect(buildkitLines('FROM --platform=windows/amd64 scratch AS a\nFROM a\nWORKDIR C:/app\n')).toEqual([]);
    expect(buildkitLines('FROM mcr.microsoft.com/windows/nanoserver:ltsc2025\nWORKDIR C:/app\n')).toEqual([]);
  });

  it('BuildKit: an undefined variable reads as empty; reported when the path stays relative anyway', () => {
    // dispatch expands the path (undefined variables give "") before dispatchWorkdir checks it.
    expect(findings(rule, 'FROM scratch\nWORKDIR app/$X\n').map((f) => f.message)).toEqual([
      'Relative workdir "app/" can have unexpected results if the base image changes',
    ]);
    expect(flaggedLines(rule, 'FROM scratch\nWORKDIR $X/app\n')).toEqual([]);
  });

  it('BuildKit: checks an ONBUILD WORKDIR where a stage the target reaches runs it', () => {
    // initOnBuildTriggers runs the base stage's triggers first, at the FROM; they set workdirSet.
    const found = findings(rule, 'FROM scratch AS base\nONBUILD WORKDIR app\nFROM base\nWORKDIR rel\n');
    expect(found.map((f) => [f.range.start.line, f.message, f.aliases])).toEqual([
      [3, 'Relative workdir "app" can have unexpected results if the base image changes', ['WorkdirRelativePath']],
      // hadolint does not run triggers, but checks the stage's own WORKDIR as written.
      [4, 'Relative workdir "rel" can have unexpected results if the base image changes', ['DL3000']],
    ]);
    expect(buildkitLines('FROM scratch AS base\nONBUILD WORKDIR /app\nFROM base\nWORKDIR rel\n')).toEqual([]);
    expect(buildkitLines('FROM scratch AS base\nONBUILD WORKDIR /app\nFROM base AS c\nFROM c\nWORKDIR rel\n')).toEqual([]);
    expect(buildkitLines('FROM scratch AS base\nONBUILD WORKDIR app\nFROM base\nFROM scratch\n')).toEqual([]);
  });
});

