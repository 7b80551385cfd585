/**
 * Reads a real build context directory the way BuildKit's file walker does: entries are listed
 * with `lstat` (symlinks are sent as links, never followed, with the length of their target as
 * size), directories are walked depth first with names in byte order, and excluded directories
 * that no exception can reach into are not entered at all (so a large node_modules costs one
 * lookup). The decisions themselves come from the engine's ContextWalk.
 */
import * as fsp from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import {
  compareGoStrings,
  ContextWalk,
  ignoreFileCandidates,
  isInsideContext,
  parseDockerignore,
  type ContextError,
  type ContextSelection,
  type WalkDir,
} from '../engine/context/index.ts';

/** The file-system calls the reader makes; tests may wrap them. */
export interface ContextFs {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean }>;
  lstat(path: string): Promise<{ size: number }>;
  readdir(path: string): Promise<{ name: string; isDirectory(): boolean }[]>;
  readFile(path: string): Promise<Uint8Array>;
}

export const nodeFs: ContextFs = {
  realpath: (path) => fsp.realpath(path),
  stat: (path) => fsp.stat(path),
  lstat: (path) => fsp.lstat(path),
  readdir: (path) => fsp.readdir(path, { withFileTypes: true }),
  readFile: (path) => fsp.readFile(path),
};

export interface ReadContextOptions {
  /**
   * The Dockerfile, absolute or relative to `cwd` (like `docker build -f`). By default
   * DIR/Dockerfile, or DIR/dockerfile when only that exists.
   */
  dockerfile?: string;
  /** What relative paths are relative to; the process's working directory by default. */
  cwd?: string;
  fs?: ContextFs;
}

export interface ContextRead extends ContextSelection {
  /** The context directory, absolute. */
  root: string;
  /** The Dockerfile relative to the context root ('/'-separated, "../" when outside), null when none was found. */
  dockerfile: string | null;
}

/** A file-system error for a path the caller named, in the shape Node's own errors have. */
function fileError(code: string, path: string): Error & { code: string; path: string } {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

function errorCode(err: unknown): string | undefined {
  return (err as { code?: unknown } | null)?.code as string | undefined;
}

function describe(err: unknown): string {
  switch (errorCode(err)) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return (err as Error)?.message ?? String(err);
  }
}

function toSlash(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

async function isFile(fs: ContextFs, path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Lists what a build of `dir` would send. Throws (with `code` and `path`) only when `dir` is not
 * a readable directory or an explicitly named Dockerfile does not exist; everything else, from a
 * malformed pattern to an unreadable entry, is reported in `errors`.
 */
export async function readContext(dir: string, options: ReadContextOptions = {}): Promise<ContextRead> {
  const cwd = options.cwd ?? process.cwd();
  const fs = options.fs ?? nodeFs;
  const given = resolve(cwd, dir);
  // BuildKit resolves symlinks in the context path before walking it.
  const root = await fs.realpath(given);
  if (!(await fs.stat(root)).isDirectory()) throw fileError('ENOTDIR', given);

  const errors: ContextError[] = [];
  // The name BuildKit is asked for decides the ignore file; the file found is what is sent.
  let requested: string;
  let found: string | null;
  if (options.dockerfile !== undefined) {
    const abs = resolve(cwd, options.dockerfile);
    if (!(await isFile(fs, abs))) {
      await fs.stat(abs); // a missing file throws ENOENT with its path
      throw fileError('EISDIR', abs);
    }
    requested = found = toSlash(relative(given, abs));
  } else {
    requested = 'Dockerfile';
    // The docker CLI falls back to the lower-case name when the default is missing.
    found = (await isFile(fs, join(given, 'Dockerfile'))) ? 'Dockerfile' : (await isFile(fs, join(given, 'dockerfile'))) ? 'dockerfile' : null;
  }

  let ignore: { path: string; text: string } | null = null;
  for (const candidate of ignoreFileCandidates(requested)) {
    const abs = resolve(given, candidate);
    if (!(await isFile(fs, abs))) continue;
    try {
      ignore = { path: candidate, text: new TextDecoder('utf-8').decode(await fs.readFile(abs)) };
    } catch (err) {
      errors.push({ path: candidate, message: `cannot read the ignore file: ${describe(err)}` });
    }
    break;
  }
  const parsed = ignore ? parseDockerignore(ignore.text, ignore.path) : { patterns: [], errors: [] };

  const walk = new ContextWalk({
    patterns: parsed.patterns,
    ignoreFile: ignore?.path ?? null,
    alwaysSent: [found, ignore?.path ?? null].filter((p): p is string => p !== null && isInsideContext(p)),
    errors: [...errors, ...parsed.errors],
  });
  await walkDirectory(fs, walk, root, walk.root);
  return { ...walk.finish(), root, dockerfile: found };
}

async function walkDirectory(fs: ContextFs, walk: ContextWalk, abs: string, dir: WalkDir): Promise<void> {
  let entries: { name: string; isDirectory(): boolean }[];
  try {
    entries = await fs.readdir(abs);
  } catch (err) {
    // fsutil lets an unreadable directory pass when it is excluded and only entered for
    // exceptions; otherwise the transfer fails.
    if (dir.excluded && (errorCode(err) === 'EACCES' || errorCode(err) === 'EPERM')) return;
    walk.unreadable(dir.path === '' ? '.' : dir.path, describe(err));
    return;
  }
  entries.sort((a, b) => compareGoStrings(a.name, b.name));
  // Sizes of the files of one directory, read together.
  const sizes = await Promise.all(
    entries.map(async (entry): Promise<number | Error> => {
      if (entry.isDirectory()) return 0;
      try {
        return (await fs.lstat(join(abs, entry.name))).size;
      } catch (err) {
        return err as Error;
      }
    }),
  );
  for (let i = 0; i < entries.length; i++) {
    if (walk.stopped) return;
    const entry = entries[i]!;
    const size = sizes[i]!;
    if (size instanceof Error) {
      // Gone since it was listed: the walker skips it, as fsutil does.
      if (errorCode(size) !== 'ENOENT') walk.unreadable(dir.path === '' ? entry.name : `${dir.path}/${entry.name}`, describe(size));
      continue;
    }
    const sub = walk.visit(dir, entry.name, entry.isDirectory(), size);
    if (sub) {
      await walkDirectory(fs, walk, join(abs, entry.name), sub);
      walk.leave(sub);
    }
  }
}
