import { describe, expect, it } from 'vitest';
import { legacyKeyValueFormat as rule } from '../../../../src/engine/rules/catalog/buildkit/legacy-key-value-format.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('legacy-key-value-format (LegacyKeyValueFormat)', () => {
  it('flags ENV and LABEL with a space separator, with BuildKit’s messages', () => {
    const src = '\nFROM scratch\nENV testkey value\nLABEL key value\n';
    expect(findings(rule, src).map((f) => [f.range.start.line, f.message])).toEqual([
      [3, '"ENV key=value" should be used instead of legacy "ENV key value" format'],
      [4, '"LABEL key=value" should be used instead of legacy "LABEL key value" format'],
    ]);
  });

  it('accepts key=value', () => {
    expect(flaggedLines(rule, '\nFROM scratch\nENV testkey=value\nLABEL key=value\nENV a=1 b="2 3"\n')).toEqual([]);
  });

  it('checks every stage, reachable or not', () => {
    expect(flaggedLines(rule, '\nFROM scratch AS a\n\nFROM a AS b\nENV testkey value\nLABEL key value\n\nFROM a AS c\n')).toEqual([5, 6]);
  });

  it('honours # check=skip above each instruction', () => {
    expect(flaggedLines(rule, '\nFROM scratch\n# check=skip=LegacyKeyValueFormat\nENV testkey value\n# check=skip=LegacyKeyValueFormat\nLABEL key value\n')).toEqual([]);
  });

  it('uses the keyword as written in the message', () => {
    expect(findings(rule, 'from scratch\nenv a b\n')[0]!.message).toBe('"env key=value" should be used instead of legacy "env key value" format');
  });

  it('rewrites key value as key=value, quoting values with spaces', () => {
    expectFixed(rule, 'FROM scratch\nENV APP_HOME /srv/app\n', 'FROM scratch\nENV APP_HOME=/srv/app\n');
    expectFixed(rule, 'FROM scratch\nLABEL maintainer Jane Doe\n', 'FROM scratch\nLABEL maintainer="Jane Doe"\n');
    expectFixed(rule, 'FROM scratch\nENV PATH /opt/bin:$PATH\n', 'FROM scratch\nENV PATH=/opt/bin:$PATH\n');
    expectFixed(rule, 'FROM scratch\nENV A "quoted"\n', 'FROM scratch\nENV A="quoted"\n');
  });

  it('offers no fix when quotes or escapes inside a spaced value could read differently', () => {
    expect(findings(rule, 'FROM scratch\nENV A b "c d"\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, "FROM scratch\nENV A it's here\n")[0]!.fix).toBeUndefined();
  });

  it('BuildKit: checks the ONBUILD triggers a stage runs first, at its FROM', () => {
    // dockerfile2llb initOnBuildTriggers dispatches the base stage's ONBUILD ENV in the stage that
    // builds on it (dispatchEnv: NoDelim), located at its FROM; the ONBUILD's comments do not apply.
    const src = 'FROM scratch AS base\n# check=skip=LegacyKeyValueFormat\nONBUILD ENV a b\nFROM base\nONBUILD label c d\n';
    expect(findings(rule, src).map((f) => [f.range.start.line, f.message, f.fix])).toEqual([
      [4, '"ENV key=value" should be used instead of legacy "ENV key value" format', undefined],
    ]);
    // ...only in a stage the build target reaches.
    expect(flaggedLines(rule, 'FROM scratch AS base\nONBUILD ENV a b\nFROM base\nFROM scratch\n')).toEqual([]);
  });
});

