import { describe, expect, it } from 'vitest';
import { consistentInstructionCasing as rule } from '../../../../src/engine/rules/catalog/buildkit/consistent-instruction-casing.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

const messages = (src: string) => findings(rule, src).map((f) => [f.range.start.line, f.message]);

describe('consistent-instruction-casing (ConsistentInstructionCasing)', () => {
  it('flags mixed-case keywords against the uppercase majority', () => {
    expect(messages('\n#\n#\nFrom scratch as base\nFROM scratch AS base2\n')).toEqual([
      [4, "Command 'From' should match the case of the command majority (uppercase)"],
    ]);
    expect(messages('\nFROM scratch\n#\ncopy Dockerfile /foo\nCOPY Dockerfile /bar\n')).toEqual([
      [4, "Command 'copy' should match the case of the command majority (uppercase)"],
    ]);
  });

  it('flags against a lowercase majority', () => {
    expect(messages('\n#\n#\nfrOM scratch as base\nfrom scratch as base2\n')).toEqual([
      [4, "Command 'frOM' should match the case of the command majority (lowercase)"],
    ]);
    expect(messages('\nfrom scratch\n#\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n')).toEqual([
      [4, "Command 'COPY' should match the case of the command majority (lowercase)"],
    ]);
    expect(messages('\n#\n#\nFROM scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\ncopy Dockerfile /baz\n')).toEqual([
      [4, "Command 'FROM' should match the case of the command majority (lowercase)"],
    ]);
  });

  it('takes uppercase on a tie', () => {
    expect(flaggedLines(rule, 'FROM alpine\nrun echo\n')).toEqual([2]);
  });

  it('accepts consistent files, heredocs and exec forms included', () => {
    expect(flaggedLines(rule, '\nfrom scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n')).toEqual([]);
    expect(flaggedLines(rule, '\nFROM alpine\nRUN <<\'EOT\'\nenv\nEOT\nCMD ["run"]\n')).toEqual([]);
  });

  it('does not count ARGs before the first FROM', () => {
    expect(flaggedLines(rule, 'arg a\narg b\nFROM alpine\nRUN x\n')).toEqual([]);
  });

  it('checks the ONBUILD keyword, not its trigger', () => {
    expect(flaggedLines(rule, 'FROM alpine\nONBUILD run echo\nRUN x\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\nonbuild RUN echo\nRUN x\n')).toEqual([2]);
  });

  it('honours # check=skip', () => {
    expect(flaggedLines(rule, '#check=skip=ConsistentInstructionCasing\nFROM scratch as base\ncopy Dockerfile .\n')).toEqual([]);
  });

  // Needs a shared helper: convert.go runs validateCommandCasing only after instructions.Parse
  // succeeded (an unknown instruction, a bad flag, or a non-ARG before the first FROM stop it).
  it('is not run on a file BuildKit cannot parse', () => {
    expect(flaggedLines(rule, 'FROM alpine\nrun x\nRUN y\nBADCMD\n')).toEqual([]);
    expect(flaggedLines(rule, 'RUN x\nFROM alpine\nrun y\n')).toEqual([]);
  });

  it('rewrites keywords in the majority case', () => {
    expectFixed(rule, 'FROM alpine\nrun echo\nCopy a b\nRUN x\n', 'FROM alpine\nRUN echo\nCOPY a b\nRUN x\n');
  });
});
