/**
 * Shiki's GitHub themes are made for VS Code, where line numbers are decoration. In the course
 * editor they are text a learner reads ("line 7" in a finding), so they must meet WCAG AA like
 * the rest of the page; and the current-line highlight must not lower the contrast of the code
 * on it (github-light's red keywords fall to 4.29:1 on its #f6f8fa line highlight). Only editor
 * chrome colours change: tokens keep the colours the static Shiki rendering uses, so the editor
 * still looks exactly like the code shown before it loaded.
 */
export const EDITOR_COLOR_FIXES: Record<'light' | 'dark', Record<string, string>> = {
  light: {
    'editorLineNumber.foreground': '#57606a',
    'editorLineNumber.activeForeground': '#1f2328',
    'editorLineNumber.dimmedForeground': '#57606a',
    'editor.lineHighlightBackground': '#00000000',
    'editor.lineHighlightBorder': '#d0d7de',
  },
  dark: {
    'editorLineNumber.foreground': '#9da7b3',
    'editorLineNumber.activeForeground': '#e6edf3',
    'editorLineNumber.dimmedForeground': '#9da7b3',
    'editor.lineHighlightBackground': '#00000000',
    'editor.lineHighlightBorder': '#30363d',
  },
};

interface ShikiTheme {
  type?: string;
  colors?: Record<string, string>;
}

/** The theme with the editor chrome fixes for its kind (light or dark) applied. */
export function withAccessibleEditorColors<T extends ShikiTheme>(theme: T): T {
  const fixes = EDITOR_COLOR_FIXES[theme.type === 'dark' ? 'dark' : 'light'];
  return { ...theme, colors: { ...theme.colors, ...fixes } };
}
