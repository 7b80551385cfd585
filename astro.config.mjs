// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { crossOriginIsolation } from './src/integrations/cross-origin-isolation.ts';

export default defineConfig({
  // The run page (/run/) alone is cross-origin isolated, for WebContainers: see src/site/isolation.ts.
  integrations: [mdx(), crossOriginIsolation()],
});
