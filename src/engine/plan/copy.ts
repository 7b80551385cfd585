/**
 * BuildKit's COPY semantics for sources in the build context: a source is relative to the context
 * root whatever its leading `/` or `..`; wildcards are Go's `filepath.Match` per path segment; a
 * matched directory has its *contents* copied, not itself; a file keeps its base name under a
 * directory destination; `--exclude` patterns (moby's patternmatcher) drop paths below a source;
 * `--parents` keeps the source's path. A literal source that matches nothing fails the build; a
 * wildcard that matches nothing does not (BuildKit copies with AllowEmptyWildcard).
 */
import { goClean } from '../context/go-path.ts';
import { filepathMatch } from '../context/go-filepath-match.ts';
import { newPatternMatcher } from '../context/patternmatcher.ts';
import { cleanPath } from '../simulate/fs.ts';
import type { ContextCopy, DestMode } from './types.ts';

const WILDCARD = /[*?[]/;

export function hasWildcard(source: string): boolean {
  return WILDCARD.test(source);
}

/** The source as a path relative to the context root ("" for the root itself). */
function contextRelative(source: string): string {
  const cleaned = goClean(`/${source}`).slice(1);
  return cleaned;
}

export interface CopyMatch {
  files: ContextCopy[];
  missing: string[];
  destMode: DestMode;
}

/**
 * Where each context file lands for `COPY sources... dest`. `dest` is already a container path
 * (WORKDIR applied); `destWritten` is the destination as written, for its trailing slash.
 */
export function matchContextCopy(
  sources: readonly string[],
  destWritten: string,
  dest: string,
  files: readonly string[],
  options: { exclude?: readonly string[]; parents?: boolean } = {},
): CopyMatch {
  const excluded = options.exclude?.length ? newPatternMatcher(options.exclude).matcher : null;
  const out: ContextCopy[] = [];
  const missing: string[] = [];
  let items = 0;
  let anyDir = false;
  for (const source of sources) {
    const pattern = contextRelative(source);
    const segments = pattern === '' ? [] : pattern.split('/');
    let matched = 0;
    for (const file of files) {
      const parts = file.split('/');
      if (parts.length < segments.length) continue;
      let ok = true;
      for (let i = 0; i < segments.length && ok; i++) ok = filepathMatch(segments[i]!, parts[i]!).matched;
      if (!ok) continue;
      const isDirMatch = parts.length > segments.length;
      // Below a directory source the path relative to it; a file source keeps its base name.
      const rel = isDirMatch ? parts.slice(segments.length).join('/') : parts[parts.length - 1]!;
      if (excluded?.matchesOrParentMatches(isDirMatch ? rel : file).matched) continue;
      matched++;
      anyDir ||= isDirMatch;
      out.push({ source: file, dest: options.parents ? file : rel });
    }
    if (matched === 0 && !hasWildcard(source) && pattern !== '') missing.push(source);
    items += matched;
  }
  const explicitDir = destWritten.endsWith('/') || destWritten === '.' || destWritten === '';
  const intoDir = explicitDir || sources.length > 1 || anyDir || items > 1 || options.parents === true;
  const destMode: DestMode = intoDir ? 'dir' : 'file-or-into-dir';
  return {
    files: out.map((f) => ({ source: f.source, dest: intoDir ? cleanPath(f.dest, dest) : dest })),
    missing,
    destMode,
  };
}
