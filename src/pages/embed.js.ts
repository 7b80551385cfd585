/** Serves the embed loader as /embed.js, bundled and minified at build time (src/embed/bundle.ts). */
import type { APIRoute } from 'astro';
import { bundleLoader } from '../embed/bundle.ts';

export const GET: APIRoute = async () =>
  new Response(await bundleLoader(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
