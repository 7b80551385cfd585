/**
 * Where the reference material beside the checkout lives. Tests that read it skip cleanly
 * when it is absent (a user's clone has no ../shared).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = resolve(repoRoot, '../shared');

/** Absolute path of a file under ../shared, and whether it exists. */
export function shared(...parts: string[]): { path: string; exists: boolean } {
  const path = resolve(sharedDir, ...parts);
  return { path, exists: existsSync(path) };
}
