import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goToLower, goToUpper, isGoLower, isGoUpper } from '../../../src/engine/parse/go-text.ts';

describe("Go's case mapping", () => {
  it('maps rune by rune, one rune for one', () => {
    expect(goToLower('FROM')).toBe('from');
    expect(goToLower('İ')).toBe('i');
    expect(goToLower('ΟΔΟΣ')).toBe('οδοσ');
    expect(goToUpper('straße')).toBe('STRAßE');
  });

  it('isGoLower and isGoUpper say whether the mapping leaves a string as it is', () => {
    const unit = fc.constantFrom('a', 'Z', 'm', 'Q', '0', '-', '_', 'İ', 'ı', 'ß', 'Σ', 'ς', 'é', 'É', 'ſ', '\ud83d\ude00', '\ud800');
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        expect(isGoLower(s)).toBe(s === goToLower(s));
        expect(isGoUpper(s)).toBe(s === goToUpper(s));
      }),
      { numRuns: 5000 },
    );
  });
});
