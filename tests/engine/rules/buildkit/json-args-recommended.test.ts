import { describe, expect, it } from 'vitest';
import { jsonArgsRecommended as rule } from '../../../../src/engine/rules/catalog/buildkit/json-args-recommended.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';
import { ruleCatches, ruleCatchesNot } from '../packages/hadolint.ts';

describe('json-args-recommended (DL3025, JSONArgsRecommended)', () => {
  it('hadolint spec', () => {
    ruleCatches(rule, ['FROM node as foo', 'ENTRYPOINT something']);
    ruleCatchesNot(rule, ['FROM scratch as build', 'ENTRYPOINT ["foo", "bar"]']);
    ruleCatches(rule, ['FROM node as foo', 'CMD something']);
    ruleCatchesNot(rule, ['FROM scratch as build', 'CMD ["foo", "bar"]', 'CMD [ "foo", "bar" ]']);
    ruleCatches(rule, ['HEALTHCHECK CMD foobar']);
    ruleCatchesNot(rule, ['HEALTHCHECK CMD [ "foobar" ]']);
    ruleCatchesNot(rule, ['CMD [ "/bin/sh", "-c", \\', '      "echo foo && \\', '       echo bar" \\', '    ]']);
  });

  it('flags shell-form CMD and ENTRYPOINT', () => {
    expect(flaggedLines(rule, 'FROM scratch\nCMD mycommand\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM scratch\nENTRYPOINT mycommand --flag\n')).toEqual([2]);
    expect(findings(rule, 'FROM scratch\nCMD mycommand\n')[0]!.message).toBe(
      'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
    );
  });

  it('names the instruction as written, as BuildKit does', () => {
    // convert.go dispatchCmd/dispatchEntrypoint: RuleJSONArgsRecommended.Format(c.Name()), and
    // Name() is the keyword as written (instructions/commands.go: name is node.Value).
    expect(findings(rule, 'FROM scratch\ncmd mycommand\nEntryPoint other\n').map((f) => f.message)).toEqual([
      'JSON arguments recommended for cmd to prevent unintended behavior related to OS signals',
      'JSON arguments recommended for EntryPoint to prevent unintended behavior related to OS signals',
    ]);
  });

  // Needs the stage resolver to run a base stage's ONBUILD triggers in the stages built on it:
  // BuildKit's initOnBuildTriggers dispatches them first in each stage the target reaches, at
  // that stage's FROM line (hadolint's DL3025 does not look inside ONBUILD).
  it('reports a shell-form ONBUILD CMD where a stage built on it runs it', () => {
    const src = 'FROM alpine AS base\nONBUILD CMD echo hi\nFROM base\n';
    expect(findings(rule, src).map((f) => [f.range.start.line, f.aliases])).toEqual([[3, ['JSONArgsRecommended']]]);
  });

  // Needs a shared helper: BuildKit dispatches nothing when instructions.Parse fails
  // (convert.go toDispatchState), so only hadolint reports.
  it('is hadolint’s alone when BuildKit cannot parse the file', () => {
    expect(findings(rule, 'FROM scratch\nCMD x\nBADCMD\n').map((f) => f.aliases)).toEqual([['DL3025']]);
  });

  it('does not flag the exec form', () => {
    expect(flaggedLines(rule, 'FROM scratch\nCMD ["node", "server.js"]\nENTRYPOINT ["tini", "--"]\n')).toEqual([]);
  });

  it('after SHELL, in the stage or one it builds on, reports for hadolint only (BuildKit stays quiet)', () => {
    const aliases = (src: string) => findings(rule, src).map((f) => f.aliases);
    expect(aliases('FROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n')).toEqual([['DL3025']]);
    expect(aliases('FROM scratch AS base\nSHELL ["/bin/bash"]\nFROM base\nCMD mycommand\n')).toEqual([['DL3025']]);
    expect(aliases('FROM scratch\nCMD mycommand\n')).toEqual([['DL3025', 'JSONArgsRecommended']]);
    expect(aliases('FROM scratch\nHEALTHCHECK CMD curl -f http://localhost/\n')).toEqual([['DL3025']]);
    expect(aliases('CMD mycommand\nFROM scratch\n')).toEqual([['DL3025']]);
  });

  it('keeps the findings only hadolint reports when the build check is skipped or made an error', () => {
    const src = '# check=skip=JSONArgsRecommended\nFROM scratch\nHEALTHCHECK CMD curl -f http://localhost/\nCMD mycommand\n';
    expect(findings(rule, src).map((f) => [f.range.start.line, f.aliases])).toEqual([[3, ['DL3025']]]);
    const strict = '# check=error=true\nFROM scratch\nHEALTHCHECK CMD curl -f http://localhost/\nCMD mycommand\n';
    expect(findings(rule, strict).map((f) => [f.range.start.line, f.severity])).toEqual([[3, 'warning'], [4, 'error']]);
    // hadolint's pragma does not hide what BuildKit reports alone, nor BuildKit's comment what hadolint does.
    expect(flaggedLines(rule, 'FROM scratch\nSHELL ["/bin/sh", "-c"]\n# check=skip=JSONArgsRecommended\nCMD x\n')).toEqual([4]);
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
