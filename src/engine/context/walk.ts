/**
 * The rules of BuildKit's context walker (tonistiigi/fsutil `filterFS.Walk`), shared by the
 * in-memory selection and the Node directory reader so both decide the same way.
 *
 * The walker visits entries depth first, names sorted, and asks the exclude patterns about each
 * path with `MatchesUsingParentResults`, handing down what matched the parent directory. An
 * excluded directory is skipped whole when no exception could bring anything back inside it:
 * either there are no exceptions, or every exception is a plain path (no `*[]?^\` once a
 * trailing `/**` or `/*` is dropped) and none lies below the directory. Otherwise the walker
 * goes in, and the directory is sent only if something inside it is.
 */
import { NO_MATCH_INFO, PatternMatcher, parsePattern, type MatchInfo, type Pattern } from './patternmatcher.ts';
import type { ContextError, ContextSelection, IgnorePattern, SentFile } from './types.ts';

/** A directory being walked. Opaque to callers: they pass it back to `visit` and `leave`. */
export interface WalkDir {
  readonly path: string;
  readonly parent: WalkDir | null;
  /** The patterns that matched this directory, for its children. */
  readonly info: MatchInfo;
  /** Whether the patterns exclude the directory itself. */
  readonly excluded: boolean;
  /** Files sent from below it so far. */
  sent: number;
  /** What was excluded below it, to be listed one by one or folded into the directory. */
  excludedBelow: string[];
}

export interface WalkOptions {
  patterns: readonly IgnorePattern[];
  /** The ignore file that applied, relative to the context root. */
  ignoreFile: string | null;
  /** Files that are sent even when excluded: the Dockerfile and the ignore file, when inside. */
  alwaysSent: readonly string[];
  /** Errors found before the walk (in the ignore file). */
  errors?: readonly ContextError[];
}

/** The characters that make fsutil give up on skipping excluded directories. */
const PATTERN_CHARS = '*[]?^\\';

/** fsutil's `patternWithoutTrailingGlob`. */
function withoutTrailingGlob(pattern: Pattern): string {
  let p = pattern.cleaned;
  if (p.endsWith('/**')) p = p.slice(0, -3);
  if (p.endsWith('/*')) p = p.slice(0, -2);
  return p;
}

export class ContextWalk {
  readonly root: WalkDir = { path: '', parent: null, info: NO_MATCH_INFO, excluded: false, sent: 0, excludedBelow: [] };
  private readonly matcher: PatternMatcher | null;
  private readonly sources: readonly IgnorePattern[];
  private readonly alwaysSent: ReadonlySet<string>;
  /** Whether fsutil may skip excluded directories (all exceptions are plain paths). */
  private readonly canSkip: boolean;
  private readonly files: SentFile[] = [];
  private totalBytes = 0;
  private readonly addedBack: string[] = [];
  private readonly excludedDirs: string[] = [];
  private readonly errors: ContextError[];
  private readonly ignoreFile: string | null;
  private halted = false;

  constructor(options: WalkOptions) {
    this.sources = options.patterns;
    this.ignoreFile = options.ignoreFile;
    this.errors = [...(options.errors ?? [])];
    this.alwaysSent = new Set(options.alwaysSent);
    const compiled: Pattern[] = [];
    for (const p of options.patterns) {
      const parsed = parsePattern(p.pattern);
      if (parsed !== null && typeof parsed !== 'string') compiled.push(parsed);
    }
    this.matcher = compiled.length > 0 ? new PatternMatcher(compiled) : null;
    this.canSkip = compiled.every((p) => !p.exclusion || ![...withoutTrailingGlob(p)].some((c) => PATTERN_CHARS.includes(c)));
  }

  /** True once BuildKit would have given up (a pattern failed while matching). */
  get stopped(): boolean {
    return this.halted;
  }

  /**
   * Decides about one entry of `parent`. Files are recorded at once; for a directory the
   * result says whether to walk into it, and the caller calls `leave` when done with it.
   */
  visit(parent: WalkDir, name: string, isDir: boolean, bytes: number): WalkDir | null {
    if (this.halted) return null;
    const path = parent.path === '' ? name : `${parent.path}/${name}`;
    let excluded = false;
    let info = NO_MATCH_INFO;
    if (this.matcher) {
      const result = this.matcher.matchesUsingParentResults(path, parent.info);
      if (result.error !== null) {
        this.halt(path, result.pattern, result.error);
        return null;
      }
      excluded = result.matched;
      info = result.info;
    }
    if (isDir) {
      if (excluded && this.skippable(path)) {
        parent.excludedBelow.push(path);
        this.excludedDirs.push(path);
        return null;
      }
      return { path, parent, info, excluded, sent: 0, excludedBelow: [] };
    }
    if (excluded) {
      if (!this.alwaysSent.has(path)) {
        parent.excludedBelow.push(path);
        return null;
      }
      this.addedBack.push(path);
    }
    this.files.push({ path, bytes });
    this.totalBytes += bytes;
    parent.sent++;
    return null;
  }

  /** Closes a directory: an excluded one with nothing sent from it is listed as a whole. */
  leave(dir: WalkDir): void {
    const parent = dir.parent;
    if (!parent) return;
    if (dir.excluded && dir.sent === 0) {
      parent.excludedBelow.push(dir.path);
      this.excludedDirs.push(dir.path);
    } else for (const entry of dir.excludedBelow) parent.excludedBelow.push(entry);
    parent.sent += dir.sent;
  }

  /** Records an entry that could not be read; the walk goes on. */
  unreadable(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  finish(): ContextSelection {
    // A directory listed inside another that was then listed whole is no longer in the list.
    const listed = new Set(this.root.excludedBelow);
    return {
      files: this.files,
      totalBytes: this.totalBytes,
      excluded: this.root.excludedBelow,
      excludedDirs: this.excludedDirs.filter((d) => listed.has(d)),
      ignoreFile: this.ignoreFile,
      addedBack: this.addedBack,
      patterns: [...this.sources],
      errors: this.errors,
    };
  }

  /** fsutil's test for skipping an excluded directory, plus the files that are always sent. */
  private skippable(path: string): boolean {
    const dirSlash = `${path}/`;
    for (const kept of this.alwaysSent) if (kept.startsWith(dirSlash)) return false;
    if (!this.canSkip) return false;
    if (!this.matcher!.exclusions) return true;
    return !this.matcher!.patterns.some((p) => p.exclusion && `${withoutTrailingGlob(p)}/`.startsWith(dirSlash));
  }

  private halt(path: string, patternIndex: number | undefined, message: string): void {
    this.halted = true;
    const source = patternIndex === undefined ? undefined : this.sourceOf(patternIndex);
    this.errors.push(
      source
        ? { path: this.ignoreFile, line: source.line, column: source.column, message }
        : { path, message },
    );
  }

  /** The ignore file line of the n-th compiled pattern (refused patterns are not compiled). */
  private sourceOf(index: number): IgnorePattern | undefined {
    let n = -1;
    for (const p of this.sources) {
      const parsed = parsePattern(p.pattern);
      if (parsed !== null && typeof parsed !== 'string' && ++n === index) return p;
    }
    return undefined;
  }
}
