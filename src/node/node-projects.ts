/**
 * Measures the Node projects of a real build context for the simulator: node_modules size with
 * all dependencies, and with production dependencies only (from the lockfile's `dev` flags).
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { NodeProjectData } from '../engine/simulate/input.ts';

/**
 * npm cache growth of one install ≈ 0.26 × node_modules tar bytes: measured 119.7/420.9 MB,
 * 33.0/125.2 MB and 7.0/28.3 MB in the reference data (npm-sizes.json).
 */
const CACHE_RATIO = 0.26;

interface Tally {
  bytes: number;
  files: number;
}

/** Tar bytes of a directory tree: a 512-byte header per entry, data padded to 512. */
async function tarTally(dir: string): Promise<Tally> {
  const tally: Tally = { bytes: 0, files: 0 };
  const walk = async (path: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(path, entry.name);
      tally.bytes += 512;
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const s = await lstat(full);
        tally.bytes += Math.ceil(s.size / 512) * 512;
        tally.files++;
      }
    }
  };
  await walk(dir);
  return tally;
}

/** Packages of package-lock.json (v2/v3) that only dev dependencies need. */
async function devPackages(projectDir: string): Promise<string[] | null> {
  try {
    const lock = JSON.parse(await readFile(join(projectDir, 'package-lock.json'), 'utf8')) as {
      packages?: Record<string, { dev?: boolean; devOptional?: boolean }>;
    };
    if (!lock.packages) return null;
    return Object.entries(lock.packages)
      .filter(([path, info]) => path.startsWith('node_modules/') && (info.dev === true || info.devOptional === true))
      .map(([path]) => path);
  } catch {
    return null;
  }
}

/**
 * For each package.json in the context whose node_modules is installed, the measured sizes.
 * `packageJsonPaths` are context-relative paths of package.json files (outside node_modules).
 */
export async function measureNodeProjects(root: string, packageJsonPaths: readonly string[]): Promise<NodeProjectData[]> {
  const out: NodeProjectData[] = [];
  for (const pkg of packageJsonPaths) {
    if (pkg.includes('node_modules/')) continue;
    const dir = posix.dirname(pkg) === '.' ? '' : posix.dirname(pkg);
    const abs = join(root, dir);
    const modules = join(abs, 'node_modules');
    try {
      if (!(await lstat(modules)).isDirectory()) continue;
    } catch {
      continue;
    }
    const all = await tarTally(modules);
    const dev = (await devPackages(abs)) ?? [];
    let devBytes = 0;
    let devFiles = 0;
    // A dev package nested in another (node_modules/vitest/node_modules/x) is already counted
    // with its parent's tree: count the outermost ones only.
    const devSet = new Set(dev);
    const outermost = dev.filter((path) => {
      for (let i = path.lastIndexOf('/node_modules/'); i > 0; i = path.lastIndexOf('/node_modules/', i - 1)) {
        if (devSet.has(path.slice(0, i))) return false;
      }
      return true;
    });
    for (const path of outermost) {
      const t = await tarTally(join(abs, path));
      devBytes += t.bytes + 512;
      devFiles += t.files;
    }
    const allBytes = all.bytes + 1024;
    out.push({
      dir,
      allBytes,
      allFiles: all.files,
      prodBytes: Math.max(0, allBytes - devBytes),
      prodFiles: Math.max(0, all.files - devFiles),
      cacheBytes: Math.round(allBytes * CACHE_RATIO),
      source: `measured from ${posix.join(dir, 'node_modules') || 'node_modules'} (dev packages from package-lock.json)`,
    });
  }
  return out;
}
