/**
 * Shiki in the browser, for Dockerfiles only, with the site's code themes (src/site/code-themes.ts):
 * the grammar and the two themes are fetched as chunks when first needed, and the JavaScript
 * regex engine spares the Oniguruma WebAssembly download. Monaco (through @shikijs/monaco) and
 * the workshop spotlight both colour code with it, so it matches the blocks rendered at build time.
 */
import type { HighlighterCore, ThemeRegistration } from 'shiki/core';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

/** `adjust` may change a theme before it is registered (the editor's accessible chrome colours). */
export function createDockerHighlighter(adjust: (theme: ThemeRegistration) => ThemeRegistration = (theme) => theme): Promise<HighlighterCore> {
  return createHighlighterCore({
    // CODE_THEMES, by literal paths: the bundler splits only imports it can read.
    themes: [
      import('shiki/themes/github-light.mjs').then((m) => adjust(m.default)),
      import('shiki/themes/github-dark-default.mjs').then((m) => adjust(m.default)),
    ],
    langs: [import('shiki/langs/docker.mjs')],
    engine: createJavaScriptRegexEngine(),
  });
}
