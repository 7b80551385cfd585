// Bundles the workshop server (src/workshop/server/main.ts with pg) into dist-server/ (outside the static root dist/, which the server publishes), beside
// its SQL migrations, so a production image needs Node and dist/ only: no node_modules.
import { cpSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/workshop/server/main.ts'],
  outfile: 'dist-server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  // pg requires pg-native only when asked for it; the server never asks.
  external: ['pg-native'],
  // pg is CommonJS: give the ESM bundle a require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
// migrations.ts reads ./migrations/<dialect>/ next to the module that runs.
cpSync('src/workshop/store/migrations', 'dist-server/migrations', { recursive: true });
