import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceLines } from '../../../src/engine/rules/source-lines.ts';

describe('sourceLines', () => {
  it('splits on \\n and \\r\\n, drops a leading byte-order mark, keeps a lone trailing \\r', () => {
    expect(sourceLines('\ufeffFROM a\r\nRUN b\nCMD c\r')).toEqual(['FROM a', 'RUN b', 'CMD c\r']);
    expect(sourceLines('')).toEqual(['']);
  });

  it('agrees with a split on /\\r?\\n/ for any text', () => {
    const unit = fc.constantFrom('a', ' ', '\r', '\n', '\ufeff', '#');
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        expect(sourceLines(text)).toEqual(text.replace(/^\uFEFF/, '').split(/\r?\n/));
      }),
      { numRuns: 3000 },
    );
  });
});
