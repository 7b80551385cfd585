import { readFile } from 'node:fs/promises';
import type { CliIO } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

/** Runs `layerwise ARGV...` in-process from `cwd`, with `stdin` as standard input. */
export async function runCli(argv: string[], options: { cwd?: string; stdin?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => readFile(p),
    readStdin: async () => new TextEncoder().encode(options.stdin ?? ''),
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
