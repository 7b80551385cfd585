/**
 * Reads a real build context for the commands that need one: the lint rules see the files and
 * the ignore test; the simulator also gets measured node_modules sizes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createIgnoreTest } from '../engine/context/index.ts';
import type { LintContext } from '../engine/rules/types.ts';
import type { ContextFile } from '../engine/simulate/input.ts';
import { measureNodeProjects } from './node-projects.ts';
import { readContext } from './read-context.ts';

export async function lintContext(dir: string, dockerfile: string): Promise<LintContext> {
  const read = await readContext(dir, { dockerfile });
  const test = createIgnoreTest(read.patterns);
  return {
    files: read.files.map((f) => ({ path: f.path, bytes: f.bytes })),
    excluded: read.excluded,
    ignoreFile: read.ignoreFile,
    isIgnored: (path) => test(path),
  };
}

/** Small text files whose content the simulator reads. */
const TEXT = /(^|\/)(package\.json|package-lock\.json|pnpm-lock\.yaml|yarn\.lock)$/;

export async function simulationContext(dir: string, dockerfile: string) {
  const read = await readContext(dir, { dockerfile });
  const files: ContextFile[] = [];
  for (const f of read.files) {
    const file: ContextFile = { path: f.path, bytes: f.bytes };
    if (TEXT.test(f.path) && f.bytes < 2_000_000 && f.path.endsWith('package.json')) {
      file.text = await readFile(join(read.root, f.path), 'utf8').catch(() => undefined as unknown as string);
    }
    files.push(file);
  }
  const nodeProjects = await measureNodeProjects(read.root, files.filter((f) => f.path.endsWith('package.json')).map((f) => f.path));
  return { files, nodeProjects };
}
