// Bundles the CLI (src/cli + the engine) into one ES module that Node runs as is.
// Runs on `npm install` through the `prepare` script, and as `npm run build:cli`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/layerwise.ts'],
  outfile: 'dist-cli/layerwise.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
});
