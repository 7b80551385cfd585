/**
 * What the objectives are evaluated against: one parse, one lint, one simulation per grading,
 * shared by every objective, plus cache reports computed on demand (and at most once per path).
 */
import type { ParseResult } from '../parse/types.ts';
import type { Finding } from '../rules/types.ts';
import type { CacheReport } from '../simulate/cache.ts';
import type { ContextFile } from '../simulate/input.ts';
import type { RuntimeCheck } from '../simulate/runtime.ts';
import type { SimulatedImage } from '../simulate/types.ts';
import type { ResolvedDockerfile } from '../stages/types.ts';

export interface GradeFacts {
  parsed: ParseResult;
  resolved: ResolvedDockerfile;
  findings: readonly Finding[];
  /** Null when the simulator failed (an engine bug, reported as a note, never thrown). */
  image: SimulatedImage | null;
  runtime: RuntimeCheck;
  /** The files the build sends, after .dockerignore. */
  context: readonly ContextFile[];
  /** Which steps rerun after editing `path` in the context. */
  cacheAfterEdit: (path: string) => CacheReport | null;
}

/** How one objective fared. */
export interface Evaluation {
  passed: boolean;
  /** With figures: "142.3 MB, target at most 200 MB". */
  message: string;
  line: number | null;
}

/** Sizes as `docker images` prints them: 10^6 bytes per MB, one decimal. */
export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The first line of an instruction, shortened for a message. */
export function quote(text: string): string {
  const one = text.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  return `\`${one.length > 60 ? `${one.slice(0, 57)}...` : one}\``;
}
