import type { FileTag, LayerChange, SimFile } from './types.ts';

/** Bytes of a tar header; every regular file and directory entry has one. */
export const TAR_HEADER = 512;
/** End-of-archive marker: two empty blocks. */
export const TAR_TRAILER = 1024;

/** Normalizes a container path: absolute, no `.`/`..`, no trailing slash. */
export function cleanPath(path: string, cwd = '/'): string {
  const joined = path.startsWith('/') ? path : `${cwd.replace(/\/+$/, '')}/${path}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function isUnder(path: string, dir: string): boolean {
  return dir === '/' || path === dir || path.startsWith(`${dir}/`);
}

/**
 * Uncompressed tar bytes of a file or modelled tree: a 512-byte header per file, data rounded up
 * to 512-byte blocks (half a block of padding on average for a tree of many files).
 */
export function tarBytes(file: Pick<SimFile, 'bytes' | 'files' | 'tree' | 'tarBytes'>): number {
  if (file.tarBytes !== undefined) return file.tarBytes;
  if (file.tree) return file.bytes + file.files * (TAR_HEADER + 256);
  return TAR_HEADER + Math.ceil(file.bytes / 512) * 512;
}

/**
 * The file system of one stage as the simulator models it: the paths that instructions add,
 * keyed by absolute path. The base image's own files are not listed (their size is known per
 * layer), except where the simulator must know a path exists.
 */
export class SimFs {
  readonly files = new Map<string, SimFile>();

  clone(): SimFs {
    const copy = new SimFs();
    for (const [k, v] of this.files) copy.files.set(k, { ...v, tags: [...v.tags] });
    return copy;
  }

  get(path: string): SimFile | undefined {
    return this.files.get(path);
  }

  /** Every modelled path at or under `dir`. */
  under(dir: string): SimFile[] {
    const out: SimFile[] = [];
    for (const f of this.files.values()) if (isUnder(f.path, dir)) out.push(f);
    return out;
  }

  /** True when `path` is a modelled file, or lies inside a modelled tree or directory. */
  exists(path: string): boolean {
    if (this.files.has(path)) return true;
    for (const f of this.files.values()) {
      if (isUnder(path, f.path) && f.tree) return true;
      if (isUnder(f.path, path)) return true;
    }
    return false;
  }

  withTag(tag: FileTag): SimFile[] {
    return [...this.files.values()].filter((f) => f.tags.includes(tag));
  }
}

/**
 * Collects one layer's changes against a stage's file system, applying them as it goes.
 * Deleting a path the same layer added removes it from the layer (nothing ships); deleting a
 * path from an earlier layer writes a whiteout and frees nothing.
 */
export class LayerWriter {
  private readonly fs: SimFs;
  private readonly added = new Map<string, SimFile>();
  private readonly deleted = new Map<string, number>();

  constructor(fs: SimFs) {
    this.fs = fs;
  }

  add(file: SimFile): void {
    this.fs.files.set(file.path, file);
    this.added.set(file.path, file);
    this.deleted.delete(file.path);
  }

  /** Removes `path` and everything under it; returns the bytes that were there. */
  remove(path: string): number {
    let freed = 0;
    let fromEarlier = 0;
    for (const f of this.fs.under(path)) {
      freed += f.bytes;
      this.fs.files.delete(f.path);
      if (this.added.has(f.path)) this.added.delete(f.path);
      else fromEarlier += f.bytes;
    }
    if (fromEarlier > 0 || this.fs.exists(path)) this.deleted.set(path, (this.deleted.get(path) ?? 0) + fromEarlier);
    return freed;
  }

  /**
   * Forgets what this layer wrote under `path` without a whiteout: files written to a
   * `RUN --mount=type=cache` or tmpfs target never reach the layer.
   */
  discardUnder(path: string): void {
    for (const [p] of this.added) {
      if (isUnder(p, path)) {
        this.added.delete(p);
        this.fs.files.delete(p);
      }
    }
  }

  /** Removes only part of a modelled tree (e.g. dev packages out of node_modules). */
  shrink(path: string, newBytes: number, newFiles: number, tags?: FileTag[]): void {
    const current = this.fs.get(path);
    if (!current) return;
    const next = { ...current, bytes: newBytes, files: newFiles, tags: tags ?? current.tags };
    if (this.added.has(path)) {
      this.add(next);
      return;
    }
    // The removed part of an earlier layer stays there; this layer records the deletions.
    this.fs.files.set(path, next);
    this.deleted.set(path, (this.deleted.get(path) ?? 0) + Math.max(0, current.bytes - newBytes));
  }

  /** Copies every modelled file under `path` into this layer (what chown/chmod/touch -R do). */
  touchAll(path: string, change: (f: SimFile) => Partial<SimFile>): number {
    let bytes = 0;
    for (const f of this.fs.under(path)) {
      this.add({ ...f, ...change(f), tags: [...f.tags] });
      bytes += f.bytes;
    }
    return bytes;
  }

  changes(): LayerChange[] {
    const out: LayerChange[] = [];
    for (const [path, hiddenBytes] of this.deleted) out.push({ kind: 'delete', path, hiddenBytes });
    for (const file of this.added.values()) out.push({ kind: 'add', file });
    return out;
  }
}

/** Tar bytes of a layer's changes: files, one 512-byte entry per whiteout, the trailer. */
export function layerTarBytes(changes: readonly LayerChange[]): number {
  if (changes.length === 0) return 0;
  let bytes = TAR_TRAILER;
  const dirs = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'delete') {
      bytes += TAR_HEADER;
      continue;
    }
    bytes += tarBytes(c.file);
    // Parent directories are written into the layer too.
    let parent = c.file.path.slice(0, c.file.path.lastIndexOf('/'));
    while (parent && !dirs.has(parent)) {
      dirs.add(parent);
      parent = parent.slice(0, parent.lastIndexOf('/'));
    }
  }
  return bytes + dirs.size * TAR_HEADER;
}
