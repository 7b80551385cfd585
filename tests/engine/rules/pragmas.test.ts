import { describe, expect, it } from 'vitest';
import { readPragmas } from '../../../src/engine/rules/pragmas.ts';
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
});
