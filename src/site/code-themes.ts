/**
 * The Shiki themes of every code block on the site: fenced code in lessons, <Code> blocks, the
 * static starter of an exercise, Monaco (through @shikijs/monaco) and the workshop spotlight, so
 * code looks the same wherever it is shown, and the editor takes over the starter without a
 * flash. global.css switches blocks to the dark colours with the page's theme.
 *
 * github-dark's comment colour fails WCAG AA contrast (about 3:1); github-dark-default passes.
 */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark-default' } as const;
