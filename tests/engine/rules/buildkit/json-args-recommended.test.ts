import { describe, expect, it } from 'vitest';
import { jsonArgsRecommended as rule } from '../../../../src/engine/rules/catalog/buildkit/json-args-recommended.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('json-args-recommended (DL3025, JSONArgsRecommended)', () => {
  it('flags shell-form CMD and ENTRYPOINT', () => {
    expect(flaggedLines(rule, 'FROM scratch\nCMD mycommand\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM scratch\nENTRYPOINT mycommand --flag\n')).toEqual([2]);
    expect(findings(rule, 'FROM scratch\nCMD mycommand\n')[0]!.message).toBe(
      'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
    );
  });

  it('does not flag the exec form', () => {
    expect(flaggedLines(rule, 'FROM scratch\nCMD ["node", "server.js"]\nENTRYPOINT ["tini", "--"]\n')).toEqual([]);
  });

  it('does not flag after SHELL, in the stage or one it builds on', () => {
    expect(flaggedLines(rule, 'FROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch AS base\nSHELL ["/bin/bash"]\nFROM base\nCMD mycommand\n')).toEqual([]);
  });

  it('honours # check=skip above the instruction, as BuildKit does', () => {
    expect(flaggedLines(rule, '\nFROM scratch\n# check=skip=JSONArgsRecommended\nCMD mycommand\n')).toEqual([]);
    expect(flaggedLines(rule, '\nFROM scratch\n# check=skip=JSONArgsRecommended\nENTRYPOINT mycommand\nCMD other\n')).toEqual([5]);
  });

  it('honours # check=skip and hadolint ignore pragmas', () => {
    expect(flaggedLines(rule, '# check=skip=JSONArgsRecommended\nFROM scratch\nCMD x\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\n# hadolint ignore=DL3025\nCMD x\n')).toEqual([]);
    expect(findings(rule, '# check=error=true\nFROM scratch\nCMD x\n')[0]!.severity).toBe('error');
  });

  it('fixes a simple command and leaves shell syntax alone', () => {
    expectFixed(rule, 'FROM scratch\nCMD node server.js\n', 'FROM scratch\nCMD ["node", "server.js"]\n');
    expect(findings(rule, 'FROM scratch\nCMD node server.js > /log\n')[0]!.fix).toBeUndefined();
  });
});
