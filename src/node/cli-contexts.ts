/**
 * Reads a real build context for the commands that need one: the lint rules see the files and
 * the ignore test; the simulator also gets measured node_modules sizes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createIgnoreTest } from '../engine/context/index.ts';
import type { LintContext } from '../engine/rules/types.ts';
import type { ContextFile } from '../engine/simulate/input.ts';
import { listArchive, MAX_ARCHIVE_BYTES } from './archive-listing.ts';
import { MIN_SAMPLED_FILE, sampleGzipRatio } from './gzip-sample.ts';
import { measureNodeProjects } from './node-projects.ts';
import { readContext } from './read-context.ts';

export async function lintContext(dir: string, dockerfile: string): Promise<LintContext> {
  const read = await readContext(dir, { dockerfile });
  const test = createIgnoreTest(read.patterns);
  return {
    // Cargo.toml's text tells the unstripped-binary rule whether the release profile strips.
    files: await Promise.all(
      read.files.map(async (f) =>
        /(^|\/)Cargo\.toml$/.test(f.path) && f.bytes < 1_000_000
          ? { path: f.path, bytes: f.bytes, text: await readFile(join(read.root, f.path), 'utf8') }
          : { path: f.path, bytes: f.bytes },
      ),
    ),
    excluded: read.excluded,
    ignoreFile: read.ignoreFile,
    isIgnored: (path) => test(path),
    exceptions: read.patterns.some((p) => p.exception),
  };
}

/** Small text files whose content the simulator reads. */
const TEXT = /(^|\/)(package\.json|package-lock\.json|pnpm-lock\.yaml|yarn\.lock|Cargo\.toml)$/;

/** Names of tar archives `ADD` unpacks (plain and gzip are read; bzip2/xz stay estimated). */
const ARCHIVE = /\.(tar|tar\.gz|tgz)$/i;
/** At most this many files are sampled for their gzip ratio (the largest first): bounded cost on huge contexts. */
const MAX_SAMPLED_FILES = 2000;

export async function simulationContext(dir: string, dockerfile: string) {
  const read = await readContext(dir, { dockerfile });
  const files: ContextFile[] = [];
  for (const f of read.files) {
    const file: ContextFile = { path: f.path, bytes: f.bytes };
    if (TEXT.test(f.path) && f.bytes < 2_000_000 && /(package\.json|Cargo\.toml)$/.test(f.path)) {
      file.text = await readFile(join(read.root, f.path), 'utf8').catch(() => undefined as unknown as string);
    }
    if (ARCHIVE.test(f.path) && f.bytes <= MAX_ARCHIVE_BYTES) {
      const listing = await readFile(join(read.root, f.path)).then(listArchive, () => null);
      if (listing) file.archive = listing;
    }
    files.push(file);
  }
  const sampled = files.filter((f) => f.bytes >= MIN_SAMPLED_FILE).sort((a, b) => b.bytes - a.bytes).slice(0, MAX_SAMPLED_FILES);
  // In batches: thousands of open files at once would run out of descriptors.
  for (let i = 0; i < sampled.length; i += 64) {
    await Promise.all(
      sampled.slice(i, i + 64).map(async (f) => {
        const ratio = await sampleGzipRatio(join(read.root, f.path));
        if (ratio !== null) f.gzipRatio = ratio;
      }),
    );
  }
  const nodeProjects = await measureNodeProjects(read.root, files.filter((f) => f.path.endsWith('package.json')).map((f) => f.path));
  return { files, nodeProjects };
}
