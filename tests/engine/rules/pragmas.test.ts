import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldPragmas, readPragmas } from '../../../src/engine/rules/pragmas.ts';
import { sourceLines } from '../../../src/engine/rules/source-lines.ts';

describe('pragmas', () => {
  it('reads next-line and whole-file ignores of both tools', () => {
    const source = '# hadolint global ignore=DL3059\nFROM a\n# hadolint ignore=DL3008, DL3015\nRUN x\n  # LAYERWISE-IGNORE=root-user reason\nUSER root\n';
    const pragmas = readPragmas(sourceLines(source), []);
    expect([...pragmas.global]).toEqual(['DL3059']);
    expect([...pragmas.byLine].map(([line, codes]) => [line, [...codes]])).toEqual([
      [4, ['DL3008', 'DL3015']],
      [6, ['root-user']],
    ]);
  });

  it('mayHoldPragmas is true of every source that holds one (the lint skips the lines otherwise)', () => {
    let holding = 0;
    const piece = fc.constantFrom('# hadolint ignore=', '# layerwise-ignore=', '#', ' ', '\n', '\r', 'hadolint', 'HADOLINT', 'layerwise-ignore', 'LayerWise-Ignore', '-file', ' global', ' ignore', '=', 'DL3008', 'root-user', ',', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const source = parts.join('');
        const pragmas = readPragmas(sourceLines(source), []);
        if (pragmas.byLine.size === 0 && pragmas.global.size === 0) return;
        holding++;
        expect(mayHoldPragmas(source)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    // The generator reaches real pragmas, so the property says something.
    expect(holding).toBeGreaterThan(20);
  });
});
