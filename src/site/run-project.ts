/**
 * The real files of an exercise's project, for a real run: every file under
 * `content/exercises/<id>/project/` with its full text (the exercise data keeps only files up to
 * 64 KB as text and adds declared entries, a 40 MB `.git` pack, that exist only as sizes). A run
 * needs the lockfile whatever its size, and must never invent the declared entries.
 *
 * Build-time and test code only (node:fs): the run page fetches the result as JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What is never part of a project's sources: a local install or build of it. */
const SKIPPED = new Set(['node_modules', 'dist', '.git']);

/** Project files by context path (`src/server.js`), sorted by path. */
export function readRunProject(projectDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (SKIPPED.has(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.isFile()) files[path] = readFileSync(join(dir, entry.name), 'utf8');
    }
  };
  walk(projectDir, '');
  return files;
}
