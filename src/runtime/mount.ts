import type { FileTree, RuntimeFs } from './types.ts';

/** Writes a file tree under `at` through any runtime's file system (both runtimes' `mount`). */
export async function mountTree(fs: RuntimeFs, tree: FileTree, at: string): Promise<void> {
  for (const [name, value] of Object.entries(tree)) {
    const path = `${at.replace(/\/+$/, '')}/${name}`;
    if (typeof value === 'string' || value instanceof Uint8Array) await fs.writeFile(path, value);
    else {
      await fs.mkdir(path);
      await mountTree(fs, value, path);
    }
  }
}
