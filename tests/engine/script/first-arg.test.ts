import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsWithoutFlags, firstArgWithoutFlags, parseShellScript } from '../../../src/engine/script/index.ts';

// firstArgWithoutFlags is the allocation-free form of argsWithoutFlags(...)[0] that the rules use
// on every command; both must agree on every command line.
const word = fc.constantFrom('-', '--', '-o', '-y', '--no-cache', '--opt=v', '-abc', 'install', 'add', 'x', '-t', 'stage', '--target');
const valueFlags = fc.subarray(['o', 't', 'target', 'opt']);

describe('firstArgWithoutFlags', () => {
  it('agrees with argsWithoutFlags(...)[0]', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), valueFlags, (args, flags) => {
        const command = parseShellScript(['prog', ...args].join(' ')).commands[0]!;
        expect(firstArgWithoutFlags(command, flags)).toBe(argsWithoutFlags(command, flags)[0]);
      }),
    );
  });

  it('skips flags, the values of value flags, and reads past --', () => {
    const first = (text: string, flags: string[] = []) => firstArgWithoutFlags(parseShellScript(text).commands[0]!, flags)?.value;
    expect(first('apt-get -o Dpkg::Options=x install curl', ['o'])).toBe('install');
    expect(first('apt-get -y -- -weird')).toBe('-weird');
    expect(first('npm --omit=dev ci')).toBe('ci');
    expect(first('ls -la')).toBeUndefined();
  });
});
