import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandShellWord } from '../../../../src/engine/rules/catalog/layerwise/support.ts';

/**
 * expandShellWord's plain definition (its earlier regex-replace implementation): replace every
 * `${NAME}`/`$NAME` from the scope, and give up on command substitution, an unset name, or any `$`
 * left over afterwards (one the regex did not take, or one a value brought in).
 */
function reference(word: string, scope: ReadonlyMap<string, string>): string | null {
  let w = word;
  if (w === '~' || w.startsWith('~/')) {
    const home = scope.get('HOME') ?? null;
    if (home === null) return null;
    w = home + w.slice(1);
  }
  if (/`|\$\(/.test(w)) return null;
  let failed = false;
  const out = w.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a: string | undefined, b: string | undefined) => {
    const v = scope.get((a ?? b)!);
    if (v === undefined) failed = true;
    return v ?? '';
  });
  if (failed || out.includes('$')) return null;
  return out;
}

describe('expandShellWord', () => {
  it('expands set variables and a leading ~, and gives up on anything else', () => {
    const scope = new Map([
      ['HOME', '/home/app'],
      ['A', 'x'],
      ['D', 'a$b'],
    ]);
    expect(expandShellWord('/opt/app', scope)).toBe('/opt/app');
    expect(expandShellWord('~/.cache', scope)).toBe('/home/app/.cache');
    expect(expandShellWord('~user/x', scope)).toBe('~user/x');
    expect(expandShellWord('$A/${A}_$A1', new Map([...scope, ['A1', 'y']]))).toBe('x/x_y');
    expect(expandShellWord('$HOME/$UNSET', scope)).toBeNull();
    expect(expandShellWord('${A:-y}', scope)).toBeNull();
    expect(expandShellWord('${A', scope)).toBeNull();
    expect(expandShellWord('$(pwd)', scope)).toBeNull();
    expect(expandShellWord('`pwd`', scope)).toBeNull();
    expect(expandShellWord('$1', scope)).toBeNull();
    expect(expandShellWord('a$', scope)).toBeNull();
    expect(expandShellWord('$D', scope)).toBeNull();
    expect(expandShellWord('~', new Map())).toBeNull();
  });

  it('agrees with the plain definition on random words and scopes', () => {
    // Pieces that make up the interesting cases: names set and unset, braces closed or not,
    // names starting with a digit, `$(`, backquotes, `~` at the start or elsewhere.
    const unit = fc.constantFrom('$', '{', '}', '(', ')', '`', '~', '/', ':', '-', '_', '.', ' ', 'A', 'B', 'a', 'z', '1', '9', 'HOME', 'ÿ', '$A', '${B}', '$HOME', '${_x1}', '$U', '${A', '~/');
    const names = fc.constantFrom('A', 'B', 'HOME', '_x1', 'A1', 'Ab', 'a');
    const value = fc.string({ unit: fc.constantFrom('', 'v', '/', '$', '`', '~', '{', '}', 'A', '$A', '(', ' '), maxLength: 4 });
    const scope = fc.array(fc.tuple(names, value), { maxLength: 6 }).map((pairs) => new Map(pairs));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), scope, (word, vars) => {
        expect(expandShellWord(word, vars)).toBe(reference(word, vars));
      }),
      { numRuns: 25000, seed: 0x5eed },
    );
  });
});
