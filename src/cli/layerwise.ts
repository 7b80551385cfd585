/** Entry point of the `layerwise` command: wires the real process to `main`. */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { main } from './main.ts';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(resolve(process.cwd(), path)),
  readStdin,
  writeFile: (path, text) => writeFile(resolve(process.cwd(), path), text),
  cwd: process.cwd(),
});
process.exitCode = code;
