// The embed loader's size as hosts download it (the same bundle /embed.js serves), gzip -9.
// Target: under 5 KB.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function benchEmbed(root) {
  const { bundleLoader } = await import(pathToFileURL(join(root, 'src/embed/bundle.ts')).href);
  const code = Buffer.from(await bundleLoader(root));
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log('\nEmbed loader (/embed.js)');
  console.log(`  minified ${(code.length / 1024).toFixed(2)} KB, gzip ${(gzip / 1024).toFixed(2)} KB (target < 5 KB: ${gzip < 5 * 1024 ? 'met' : 'NOT met'})`);
}
