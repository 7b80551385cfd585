import { describe, expect, it } from 'vitest';
import { numericUserId as rule } from '../../../../src/engine/rules/catalog/instructions/numeric-user-id.ts';
import { ruleCatches, ruleCatchesNot } from '../packages/hadolint.ts';
import { findings, flaggedLines } from '../support.ts';

describe('numeric-user-id (DL3066)', () => {
  it('follows the hadolint spec', () => {
    expect(flaggedLines(rule, 'USER 12345\n')).toEqual([]);
    expect(flaggedLines(rule, 'USER 1234:5678\n')).toEqual([]);
    expect(flaggedLines(rule, 'USER foobar\n')).toEqual([1]);
    expect(flaggedLines(rule, 'USER foobar:barfoo\n')).toEqual([1]);
    expect(findings(rule, 'USER foobar\n')[0]!.message).toBe('Non-numeric user-id may not be resolvable by host system');
  });

  it('hadolint spec (newest: only the last USER of the final stage)', () => {
    ruleCatchesNot(rule, ['FROM foo:bar', 'USER 1234']);
    ruleCatchesNot(rule, ['FROM foo:bar', 'USER 1234:5678']);
    ruleCatches(rule, ['FROM foo:bar', 'USER foobar']);
    ruleCatches(rule, ['FROM foo:bar', 'USER foobar:barfoo']);
    ruleCatchesNot(rule, ['ARG APP_UID', 'FROM foobar:barfoo', 'USER ${APP_UID}']);
    ruleCatchesNot(rule, ['FROM foo:bar AS build', 'USER foobar', 'FROM foobar:barfoo', 'USER 1234']);
    ruleCatches(rule, ['FROM foo:bar AS build', 'USER 1234', 'FROM foobar:barfoo', 'USER foobar']);
    ruleCatchesNot(rule, ['FROM foo:bar', 'USER foobar', 'USER 1234']);
    ruleCatches(rule, ['FROM foo:bar', 'USER 1234', 'USER foobar']);
  });

  it('checks the UID only, expands variables, and skips unknown ones', () => {
    expect(flaggedLines(rule, 'FROM a:1\nUSER 1000:staff\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM a:1\nARG UID=1000\nUSER $UID\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM a:1\nARG NAME=app\nUSER ${NAME}\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM a:1\nARG UID\nUSER $UID\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM a:1\nONBUILD USER app\n')).toEqual([2]);
  });

  it('does not check Windows images, which have no numeric IDs', () => {
    expect(flaggedLines(rule, 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\nFROM base\nUSER ContainerAdministrator\n')).toEqual([]);
  });
});
