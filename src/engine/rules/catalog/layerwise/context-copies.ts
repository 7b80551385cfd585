/**
 * Which files of the build context a COPY/ADD takes, for the rules that need the context.
 */
import type { CopyInstruction } from '../../../parse/types.ts';
import type { Stage } from '../../../stages/types.ts';
import { matchContext } from '../../../simulate/context-match.ts';
import type { RuleContext } from '../../types.ts';
import { GLOB, cleanPath } from './support.ts';

export interface ContextCopy {
  stage: Stage;
  copy: CopyInstruction;
  /** The source word, for the underline. */
  source: CopyInstruction['sources'][number];
  /** The context directory it copies, relative to the root ('' for the whole context). */
  dir: string;
}

/**
 * Every source of a COPY/ADD that reads the build context (no `--from`), with its trimmed text;
 * sources that are empty, hold a variable or name a remote (URL, git) are not the context's.
 */
function* contextSources(ctx: RuleContext): Generator<{ stage: Stage; copy: CopyInstruction; source: CopyInstruction['sources'][number]; value: string }> {
  for (const stage of ctx.resolved.stages) {
    for (const step of stage.steps) {
      const copy = step.instruction;
      if ((copy.keyword !== 'COPY' && copy.keyword !== 'ADD') || copy.from !== null) continue;
      for (const source of copy.sources) {
        const value = source.value.trim();
        if (value === '' || value.includes('$') || /^[a-z]+:\/\//i.test(value) || value.startsWith('git@')) continue;
        yield { stage, copy, source, value };
      }
    }
  }
}

/** COPY/ADD instructions that copy a directory of the build context (not named files or globs). */
export function contextDirectoryCopies(ctx: RuleContext, files: readonly string[]): ContextCopy[] {
  const out: ContextCopy[] = [];
  for (const { stage, copy, source, value } of contextSources(ctx)) {
    if (GLOB.test(value)) continue;
    let dir = cleanPath(value).replace(/^\//, '');
    if (dir === '.') dir = '';
    const isDir = dir === '' || files.some((f) => f.startsWith(`${dir}/`));
    if (isDir) out.push({ stage, copy, source, dir });
  }
  return out;
}

export interface NamedContextCopy {
  stage: Stage;
  copy: CopyInstruction;
  source: CopyInstruction['sources'][number];
  /** The context files the source names (itself, or what its wildcards match), never a directory's contents. */
  files: string[];
}

/**
 * COPY/ADD sources that name files of the context (`COPY .npmrc ./`, `COPY .env* ./`), matched
 * as BuildKit matches them (the simulator's matcher); directory copies are contextDirectoryCopies'.
 */
export function contextNamedCopies(ctx: RuleContext, files: readonly { path: string; bytes: number }[]): NamedContextCopy[] {
  const out: NamedContextCopy[] = [];
  for (const { stage, copy, source, value } of contextSources(ctx)) {
    const named = matchContext(value, files).files.filter((m) => !m.isDir).map((m) => m.file.path);
    if (named.length > 0) out.push({ stage, copy, source, files: named });
  }
  return out;
}

export function isUnderDir(path: string, dir: string): boolean {
  return dir === '' || path.startsWith(`${dir}/`);
}

/** Whether a context path is a Dockerfile or an ignore file (always sent, never the problem). */
export function isBuildFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /^(Dockerfile|Containerfile)(\..*)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base) || /\.dockerignore$/i.test(base) || base === '.containerignore';
}

export function megabytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 100_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
