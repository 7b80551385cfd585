/**
 * The build context as BuildKit sees it: the entries of a directory, the ignore file's patterns,
 * and what a build would send. Paths are '/'-separated and relative to the context root.
 */

/** One entry of the context directory, as listed by a walker or given by an exercise. */
export interface ContextEntry {
  path: string;
  /** Size as `lstat` reports it: a symlink counts the length of its target, not the target. */
  bytes: number;
  /** Directories may also be implied by the paths below them. */
  isDir?: boolean;
}

/** A file the build would send. */
export interface SentFile {
  path: string;
  bytes: number;
}

/** One pattern of an ignore file, with where it was written. */
export interface IgnorePattern {
  /**
   * The pattern as BuildKit's `ignorefile.ReadAll` hands it on: trimmed, `filepath.Clean`ed,
   * one leading '/' dropped, '!' kept in front of an exception.
   */
  pattern: string;
  /** A `!` pattern: it brings back what earlier patterns excluded. */
  exception: boolean;
  /** The text as written, without the whitespace around it. */
  source: string;
  /** 1-based line, and 1-based columns in UTF-16 code units (end exclusive). */
  line: number;
  column: number;
  endColumn: number;
}

/**
 * Something that stops BuildKit from sending the context: a malformed pattern, an ignore file
 * it cannot read, an entry it cannot read.
 */
export interface ContextError {
  /** The file concerned (the ignore file, an unreadable entry), relative to the context root. */
  path: string | null;
  /** Position in the ignore file, when the error is about one of its lines. */
  line?: number;
  column?: number;
  message: string;
}

/** What a build of the context would send. */
export interface ContextSelection {
  /** The files sent, in the order BuildKit's walker visits them (depth first, names sorted). */
  files: SentFile[];
  totalBytes: number;
  /**
   * What the ignore file kept out, in walk order. A directory is listed once when nothing
   * inside it is sent; otherwise the excluded entries inside it are listed one by one.
   */
  excluded: string[];
  /** The entries of `excluded` that are directories. */
  excludedDirs: string[];
  /** The ignore file that applied, relative to the context root; null when there is none. */
  ignoreFile: string | null;
  /**
   * The Dockerfile and ignore file when the patterns exclude them. They are sent all the same
   * (BuildKit reads them through sources of their own; the classic builder adds `!` exceptions
   * for them), so they are in `files`, but a `COPY . .` under BuildKit does not see them.
   */
  addedBack: string[];
  patterns: IgnorePattern[];
  errors: ContextError[];
}
