import { describe, expect, it } from 'vitest';
import { isLiteralWord, parseShellScript, simplifyWord } from '../../../src/engine/script/index.ts';

describe("simplifyWord (ShellCheck's oversimplify, the text hadolint compares)", () => {
  it('removes quotes and writes variables as ${NAME}', () => {
    expect(simplifyWord(`"foo=$VERSION"`)).toBe('foo=${VERSION}');
    expect(simplifyWord(`'$literal'`)).toBe('$literal');
    expect(simplifyWord('${X:-y}')).toBe('${X:-y}');
  });

  it('runs a command substitution together and drops brace expansions', () => {
    expect(simplifyWord('foo=$(cat /v)')).toBe('foo=${cat/v}');
    expect(simplifyWord('`uname -m`')).toBe('${VAR}');
    expect(simplifyWord('lib{a,b}.so')).toBe('lib.so');
  });

  it('tells literal words from ones with expansions or globs', () => {
    const words = parseShellScript("echo apt-get '$x' $y z*").commands[0]!.args;
    expect(words.map(isLiteralWord)).toEqual([true, true, false, false]);
  });
});
