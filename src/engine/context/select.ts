/**
 * Which files of a build context a build would send, for a context held in memory (the
 * exercises' virtual trees, tests). The Node adapter walks a real directory with the same rules.
 */
import { parseDockerignore } from './dockerignore.ts';
import { compareGoStrings, goClean } from './go-path.ts';
import { newPatternMatcher } from './patternmatcher.ts';
import type { ContextEntry, ContextSelection, IgnorePattern } from './types.ts';
import { ContextWalk, type WalkDir } from './walk.ts';

/** The ignore file BuildKit reads when there is no Dockerfile-specific one. */
export const DEFAULT_IGNORE_FILE = '.dockerignore';

/**
 * Where BuildKit looks for the ignore file, first match wins: `<Dockerfile>.dockerignore` beside
 * the Dockerfile (`Dockerfile.dockerignore`, `build/app.Dockerfile.dockerignore`), then
 * `.dockerignore` at the context root. Once the first exists, even empty, the second is not read.
 * `dockerfile` is relative to the context root and may lie outside it ("../x/Dockerfile").
 */
export function ignoreFileCandidates(dockerfile: string | null): string[] {
  return dockerfile === null ? [DEFAULT_IGNORE_FILE] : [`${dockerfile}.dockerignore`, DEFAULT_IGNORE_FILE];
}

/** The ignore file that applies, given a test for which files exist; null when there is none. */
export function chooseIgnoreFile(dockerfile: string | null, exists: (path: string) => boolean): string | null {
  return ignoreFileCandidates(dockerfile).find(exists) ?? null;
}

export interface SelectOptions {
  /** The Dockerfile, relative to the context root; "Dockerfile" by default, null for none. */
  dockerfile?: string | null;
  /** The ignore file that applies (see `chooseIgnoreFile`) and its text; none by default. */
  ignoreFile?: { path: string; text: string } | null;
}

/** Whether a path (relative to the context root) stays inside it. */
export function isInsideContext(path: string): boolean {
  const cleaned = goClean(path);
  return cleaned !== '.' && cleaned !== '..' && !cleaned.startsWith('../') && !cleaned.startsWith('/');
}

interface Node {
  isDir: boolean;
  bytes: number;
  children: Map<string, Node> | null;
}

/**
 * The files a build of `entries` would send after the ignore file. Entries' paths are
 * '/'-separated relative to the context root; parent directories need not be listed. Never
 * throws: problems are in `errors`.
 */
export function selectContext(entries: readonly ContextEntry[], options: SelectOptions = {}): ContextSelection {
  const dockerfile = options.dockerfile === undefined ? 'Dockerfile' : options.dockerfile;
  const ignore = options.ignoreFile ?? null;
  const parsed = ignore ? parseDockerignore(ignore.text, ignore.path) : { patterns: [], errors: [] };
  const alwaysSent = [dockerfile, ignore?.path ?? null].filter((p): p is string => p !== null && isInsideContext(p)).map(goClean);
  const walk = new ContextWalk({
    patterns: parsed.patterns,
    ignoreFile: ignore?.path ?? null,
    alwaysSent,
    errors: parsed.errors,
  });
  const visitChildren = (node: Node, dir: WalkDir): void => {
    if (!node.children) return;
    const names = [...node.children.keys()].sort(compareGoStrings);
    for (const name of names) {
      if (walk.stopped) return;
      const child = node.children.get(name)!;
      const sub = walk.visit(dir, name, child.isDir, child.bytes);
      if (sub) {
        visitChildren(child, sub);
        walk.leave(sub);
      }
    }
  };
  visitChildren(buildTree(entries), walk.root);
  return walk.finish();
}

/** A tree of the entries; directories are implied by the paths below them. */
function buildTree(entries: readonly ContextEntry[]): Node {
  const root: Node = { isDir: true, bytes: 0, children: new Map() };
  for (const entry of entries) {
    if (!isInsideContext(entry.path)) continue;
    const parts = goClean(entry.path).split('/');
    let node = root;
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      node.isDir = true;
      node.children ??= new Map();
      let child = node.children.get(parts[i]!);
      if (!child) {
        child = { isDir: !last, bytes: 0, children: null };
        node.children.set(parts[i]!, child);
      }
      if (last) {
        child.isDir = child.isDir || entry.isDir === true;
        child.bytes = entry.bytes;
      }
      node = child;
    }
  }
  return root;
}

/**
 * A test of single paths against the patterns, as BuildKit decides for a path it is asked to
 * open (`MatchesOrParentMatches`): for rules that ask "would this COPY source be sent?".
 * The context root itself is never ignored; a pattern that fails to match counts as no match.
 */
export function createIgnoreTest(patterns: readonly IgnorePattern[]): (path: string) => boolean {
  const built = newPatternMatcher(patterns.map((p) => p.pattern));
  const matcher = built.matcher;
  if (!matcher) return () => false;
  return (path) => {
    const cleaned = goClean(path).replace(/^\/+/, '');
    if (cleaned === '.' || cleaned === '') return false;
    return matcher.matchesOrParentMatches(cleaned).matched;
  };
}
