/**
 * Bundles the embed loader (loader.ts) into the one small script hosts download as /embed.js.
 * Used by the route that serves it (src/pages/embed.js.ts) and by `npm run bench`, which prints
 * its gzip size, so that both measure the same bytes.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';

export async function bundleLoader(root: string = process.cwd()): Promise<string> {
  const result = await build({
    entryPoints: [resolve(root, 'src/embed/loader.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0]!.text;
}
