#!/usr/bin/env node
// The `layerwise` command. The CLI is TypeScript, bundled to dist/ by `npm install` (prepare).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`layerwise needs Node.js 22.12 or newer (this is ${process.version}).\n`);
  process.exit(2);
}
try {
  await import('../dist-cli/layerwise.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist-cli/layerwise.js')) {
    process.stderr.write('layerwise is not built yet: run `npm install` (or `npm run build:cli`) first.\n');
    process.exit(2);
  }
  throw err;
}
