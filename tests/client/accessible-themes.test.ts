import githubDark from 'shiki/themes/github-dark-default.mjs';
import githubLight from 'shiki/themes/github-light.mjs';
import { describe, expect, it } from 'vitest';
import { withAccessibleEditorColors } from '../../src/client/editor/accessible-themes.ts';

/** WCAG 2 contrast ratio of two opaque #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b2] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const full = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex);

describe('editor themes', () => {
  for (const theme of [githubLight, githubDark]) {
    it(`${theme.name}: line numbers meet WCAG AA on the editor background; the line highlight changes no background`, () => {
      const fixed = withAccessibleEditorColors(theme);
      const bg = full(fixed.colors!['editor.background']!);
      for (const key of ['editorLineNumber.foreground', 'editorLineNumber.activeForeground', 'editorLineNumber.dimmedForeground']) {
        expect(contrast(fixed.colors![key]!, bg), key).toBeGreaterThanOrEqual(4.5);
      }
      expect(fixed.colors!['editor.lineHighlightBackground']).toBe('#00000000');
      // Token colours are untouched: the editor matches the static Shiki rendering.
      expect(fixed.tokenColors).toBe(theme.tokenColors);
    });
  }

  it('the original github-light fails where the fix is needed', () => {
    expect(contrast('#d73a49', '#f6f8fa')).toBeLessThan(4.5);
  });
});
