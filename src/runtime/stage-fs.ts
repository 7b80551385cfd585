/**
 * A stage's file system inside the runtime: container paths (`/app/dist`) live under the stage's
 * root (`/stages/<index>/app/dist`), and COPY and the simple file commands act on them with
 * BuildKit's and coreutils' semantics.
 */
import { filepathMatch } from '../engine/context/go-filepath-match.ts';
import { newPatternMatcher } from '../engine/context/patternmatcher.ts';
import type { DestMode } from '../engine/plan/types.ts';
import type { RuntimeFs } from './types.ts';

export function stageRoot(index: number): string {
  return `/stages/${index}`;
}

export class StageFs {
  readonly fs: RuntimeFs;
  readonly root: string;
  constructor(fs: RuntimeFs, root: string) {
    this.fs = fs;
    this.root = root;
  }

  /** The runtime path of a container path. */
  path(containerPath: string): string {
    const clean = containerPath.split('/').filter((p) => p !== '' && p !== '.');
    const out: string[] = [];
    for (const part of clean) {
      if (part === '..') out.pop();
      else out.push(part);
    }
    return out.length ? `${this.root}/${out.join('/')}` : this.root;
  }

  /**
   * Where a single source lands: into `dest` when it is (or must be) a directory, as `dest` otherwise.
   */
  async target(dest: string, name: string, mode: DestMode): Promise<string> {
    if (mode === 'dir') return `${dest.replace(/\/+$/, '')}/${name}`;
    return (await this.fs.stat(this.path(dest))) === 'dir' ? `${dest.replace(/\/+$/, '')}/${name}` : dest;
  }

  /** Container paths that a source with wildcards matches (Go's filepath.Match per segment). */
  async glob(pattern: string): Promise<string[]> {
    const segments = pattern.split('/').filter(Boolean);
    let found = ['/'];
    for (const segment of segments) {
      const next: string[] = [];
      for (const dir of found) {
        if (!/[*?[]/.test(segment)) {
          const candidate = `${dir === '/' ? '' : dir}/${segment}`;
          if (await this.fs.stat(this.path(candidate))) next.push(candidate);
          continue;
        }
        for (const name of (await this.fs.list(this.path(dir))) ?? []) {
          if (filepathMatch(segment, name).matched) next.push(`${dir === '/' ? '' : dir}/${name}`);
        }
      }
      found = next;
    }
    return found;
  }

  /**
   * `COPY --from=<this stage> source dest` into `to`: a directory's contents, not the directory;
   * a file into or as the destination. Returns the sources that did not exist.
   */
  async copyTo(to: StageFs, sources: readonly string[], dest: string, mode: DestMode, exclude: readonly string[] = []): Promise<string[]> {
    const excluded = exclude.length ? newPatternMatcher(exclude).matcher : null;
    const missing: string[] = [];
    for (const source of sources) {
      const matches = /[*?[]/.test(source) ? await this.glob(source) : [source];
      for (const match of matches) {
        const kind = await this.fs.stat(this.path(match));
        if (kind === null) {
          missing.push(match);
          continue;
        }
        if (kind === 'dir') {
          await to.fs.mkdir(to.path(dest));
          if (excluded) await this.copyFiltered(to, match, dest, '', (rel) => excluded.matchesOrParentMatches(rel).matched);
          else {
            for (const name of (await this.fs.list(this.path(match))) ?? []) {
              await to.fs.copy(this.path(`${match}/${name}`), to.path(`${dest}/${name}`));
            }
          }
        } else {
          const name = match.slice(match.lastIndexOf('/') + 1);
          await to.fs.copy(this.path(match), to.path(await to.target(dest, name, matches.length > 1 ? 'dir' : mode)));
        }
      }
    }
    return missing;
  }

  /** A directory's contents without the paths `--exclude` names (relative to the source directory). */
  private async copyFiltered(to: StageFs, from: string, dest: string, rel: string, skip: (rel: string) => boolean): Promise<void> {
    for (const name of (await this.fs.list(this.path(rel ? `${from}/${rel}` : from))) ?? []) {
      const path = rel ? `${rel}/${name}` : name;
      if (skip(path)) continue;
      if ((await this.fs.stat(this.path(`${from}/${path}`))) === 'dir') {
        await to.fs.mkdir(to.path(`${dest}/${path}`));
        await this.copyFiltered(to, from, dest, path, skip);
      } else await to.fs.copy(this.path(`${from}/${path}`), to.path(`${dest}/${path}`));
    }
  }
}
