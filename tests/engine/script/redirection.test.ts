import { describe, expect, it } from 'vitest';
import { parseShellScript } from '../../../src/engine/script/index.ts';
import { redirectionAt } from '../../../src/engine/script/parse.ts';

// The definition the tokenizer's hand-written reader must agree with.
const REDIRECTION = /^(?:\d*|&)(?:>>|>&|>\||<<-?|<&|<>|>|<)/;

describe('redirectionAt', () => {
  it('reads the operators with their file descriptor', () => {
    expect(['2>&1', '>>log', '&>/dev/null', '<in', '<<-EOF', '123>x', '1<>f'].map((t) => redirectionAt(t, 0))).toEqual([3, 2, 2, 1, 3, 4, 3]);
    expect(redirectionAt('1234567>x', 0)).toBe(0);
    expect(redirectionAt('755', 0)).toBe(0);
  });

  it('matches the regular expression on every short string of the characters that matter', () => {
    const alphabet = '01&<>|-a';
    let checked = 0;
    const visit = (prefix: string) => {
      for (const at of [0, 1]) {
        const text = `x${prefix}`.slice(1 - at);
        const match = REDIRECTION.exec(text.slice(at, at + 6));
        expect(redirectionAt(text, at), JSON.stringify(text)).toBe(match ? match[0].length : 0);
        checked++;
      }
      if (prefix.length < 6) for (const c of alphabet) visit(prefix + c);
    };
    visit('');
    expect(checked).toBeGreaterThan(500_000);
  });

  it('keeps redirection targets out of the arguments', () => {
    const [cmd] = parseShellScript('make install 2>&1 >>/var/log/build.log').commands;
    expect(cmd!.args.map((a) => a.value)).toEqual(['install']);
    // `>&` is the operator and `1` its target, as for any other redirection.
    expect(cmd!.redirects.map((r) => [r.op, r.target?.value])).toEqual([['2>&', '1'], ['>>', '/var/log/build.log']]);
  });
});
