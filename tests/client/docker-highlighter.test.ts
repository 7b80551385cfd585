import { describe, expect, it } from 'vitest';
import { createDockerHighlighter } from '../../src/client/highlight/docker-highlighter.ts';
import { CODE_THEMES } from '../../src/site/code-themes.ts';

describe('the browser highlighter', () => {
  it('loads the site code themes (its imports name them by path) and the Dockerfile grammar', async () => {
    const highlighter = await createDockerHighlighter();
    expect(highlighter.getLoadedThemes().sort()).toEqual(Object.values(CODE_THEMES).sort());
    const html = highlighter.codeToHtml('FROM node:22\n', { lang: 'docker', themes: CODE_THEMES });
    expect(html).toContain('FROM');
  });

  it('lets the editor adjust each theme before it is registered', async () => {
    const seen: string[] = [];
    await createDockerHighlighter((theme) => {
      seen.push(theme.name ?? '');
      return theme;
    });
    expect(seen.sort()).toEqual(Object.values(CODE_THEMES).sort());
  });
});
