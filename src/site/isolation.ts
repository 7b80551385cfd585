/**
 * Cross-origin isolation for the run page only. A WebContainer needs SharedArrayBuffer, which
 * browsers give only to a cross-origin isolated document: served with
 * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`.
 * Everything else stays as it is: an isolated exercise page could not be opened from other
 * sites' links with its opener, and an isolated embed could not be framed by a host page that
 * does not send CORP/COEP itself, so the headers go on `/run/` and nothing else.
 *
 * One definition for every server: `astro dev` and `astro preview`
 * (src/integrations/cross-origin-isolation.ts), the Node server's static handler
 * (src/workshop/server/static.ts) and the `_headers` file static hosts read (public/_headers).
 */

/** Where the run pages live. */
export const RUN_PATH_PREFIX = '/run/';

/**
 * COEP value: must equal the `coep` option given to `WebContainer.boot` (src/runtime/webcontainer.ts).
 * `require-corp` rather than `credentialless` because Safari supports only the former.
 */
export const RUN_PAGE_COEP = 'require-corp' as const;

export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': RUN_PAGE_COEP,
};

/** Whether a request path (query string allowed) is a run page or one of its resources. */
export function needsIsolation(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return path.startsWith(RUN_PATH_PREFIX);
}
