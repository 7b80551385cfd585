import type { APIRoute } from 'astro';

/** robots.txt: everything may be crawled except the workshop's pages (they live for one class); points at the sitemap. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('sitemap-index.xml', site).href;
  return new Response(`User-agent: *\nDisallow: /workshop/\nDisallow: /join/\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
