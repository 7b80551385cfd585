// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  markdown: {
    // Fenced code in lessons follows the page's theme, like the <Code> blocks (global.css switches
    // to the dark colours). github-dark's comment colour fails WCAG AA; github-dark-default passes.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark-default' } },
  },
});
