import type { Position } from '../parse/types.ts';
import { lineStartsOf } from './source-lines.ts';
import type { TextEdit } from './types.ts';

function offsetOf(starts: readonly number[], source: string, p: Position): number {
  const lineStart = starts[Math.min(Math.max(p.line, 1), starts.length) - 1]!;
  return Math.min(lineStart + p.column - 1, source.length);
}

/**
 * Applies text edits (ranges in the original source) from last to first so earlier offsets stay
 * valid. Overlapping edits keep the first one and drop the rest.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const starts = lineStartsOf(source);
  const resolved = edits
    .map((e) => ({ start: offsetOf(starts, source, e.range.start), end: offsetOf(starts, source, e.range.end), text: e.text }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: typeof resolved = [];
  for (const e of resolved) if (kept.length === 0 || e.start >= kept.at(-1)!.end) kept.push(e);
  let out = source;
  for (const e of kept.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
