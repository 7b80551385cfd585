import { describe, expect, it } from 'vitest';
import { noEnvSelfReference as rule } from '../../../../src/engine/rules/catalog/instructions/no-env-self-reference.ts';
import { findings, flaggedLines } from '../support.ts';

describe('no-env-self-reference (DL3044)', () => {
  it('accepts the hadolint spec cases that are fine', () => {
    for (const src of [
      'ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"',
      'ENV BLA="blubb" BLUBB="${FOOBLA}/blubb"',
      'ENV BLA="blubb" BLUBB="${BLAFOO}/blubb"',
      'ENV BLA="blubb" BLUBB="$FOOBLA/blubb"',
      'ENV BLA="blubb" BLUBB="$BLAFOO/blubb"',
      'ENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"',
      'ARG BLA\nENV BLA=${BLA}',
      'ENV BLA blubb\nENV BLA=${BLA}',
      'ENV PATH=/bla:${PATH}',
      'ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}',
    ]) {
      expect(flaggedLines(rule, `${src}\n`), src).toEqual([]);
    }
  });

  it('flags the hadolint spec cases that refer to a variable being defined', () => {
    for (const src of [
      'ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"',
      'ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}',
      'ENV BLA="blubb" BLUBB="${BLA}/blubb"',
      'ENV BLA="blubb" BLUBB="$BLA/blubb"',
      'ENV BLA="blubb" BLUBB="$BLA"',
      'ENV BLA="blubb" BLUBB="${BLA}"',
    ]) {
      expect(flaggedLines(rule, `${src}\n`), src).toEqual([1]);
    }
    expect(findings(rule, 'ENV A=1 B=$A\n')[0]!.message).toBe(
      'Do not refer to an environment variable within the same `ENV` statement where it is defined.',
    );
  });

  it('sees ${VAR:-default} forms, ignores single quotes and escaped dollars', () => {
    expect(flaggedLines(rule, 'FROM a:1\nENV A=1 B=${A:-x}\n')).toEqual([2]);
    expect(flaggedLines(rule, "FROM a:1\nENV A=1 B='$A'\n")).toEqual([]);
    expect(flaggedLines(rule, 'FROM a:1\nENV A=1 B=\\$A\n')).toEqual([]);
  });

  it('underlines the value that uses the variable, on a continuation line too', () => {
    expect(findings(rule, 'FROM a:1\nENV A=/opt \\\n    B=$A/bin\n')[0]!.range).toEqual({
      start: { line: 3, column: 7 },
      end: { line: 3, column: 13 },
    });
  });
});
