// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { searchAndOffline } from './src/integrations/search-and-offline.ts';
import { crossOriginIsolation } from './src/integrations/cross-origin-isolation.ts';
import { CODE_THEMES } from './src/site/code-themes.ts';

export default defineConfig({
  // Absolute URLs in the sitemap need the deployed origin: set SITE_URL when you deploy.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  integrations: [
    mdx(),
    // The sitemap lists each exercise once (its page), not its embed or the workshop's pages.
    sitemap({ filter: (page) => !/\/(embed|workshop|join)\//.test(new URL(page).pathname) }),
    searchAndOffline(),
    // The run page (/run/) alone is cross-origin isolated, for WebContainers: see src/site/isolation.ts.
    crossOriginIsolation(),
  ],
  markdown: {
    // Fenced code in lessons follows the page's theme, like the <Code> blocks (src/site/code-themes.ts).
    shikiConfig: { themes: CODE_THEMES },
  },
});
