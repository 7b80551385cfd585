import type { Position, Range, Segment } from './types.ts';

/**
 * An instruction's text after continuation lines are joined, with a map back to the source so
 * that any word found in the joined text can be underlined where it was written.
 */
export class LogicalLine {
  text = '';
  // Parallel arrays (offset in `text`, source line, 0-based source column) keep this cheap
  // for the common one-segment instruction.
  private readonly offsets: number[] = [];
  private readonly lines: number[] = [];
  private readonly columns: number[] = [];

  append(piece: string, line: number, column: number): void {
    if (piece.length === 0) return;
    this.offsets.push(this.text.length);
    this.lines.push(line);
    this.columns.push(column);
    this.text += piece;
  }

  /** Where each piece of `text` was written, as plain data (see `positionInSegments`). */
  segments(): Segment[] {
    return this.offsets.map((offset, i) => ({ offset, line: this.lines[i]!, column: this.columns[i]! + 1 }));
  }

  /** The source position of the character at `offset` (clamped to the text). */
  positionAt(offset: number): Position {
    const n = this.offsets.length;
    if (n === 0) return { line: 1, column: 1 };
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.lines[lo]!, column: this.columns[lo]! + (o - this.offsets[lo]!) + 1 };
  }

  /** The source range of `text.slice(start, end)`; an empty slice gives an empty range. */
  rangeOf(start: number, end: number): Range {
    const from = this.positionAt(start);
    if (end <= start) return { start: from, end: from };
    const last = this.positionAt(end - 1);
    return { start: from, end: { line: last.line, column: last.column + 1 } };
  }
}

/** The source position of `offset` in a logical line described by its segments. */
export function positionInSegments(segments: readonly Segment[], offset: number): Position {
  if (segments.length === 0) return { line: 1, column: 1 };
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = segments[lo]!;
  return { line: s.line, column: s.column + Math.max(0, offset - s.offset) };
}

export function pointRange(line: number, column: number, endColumn = column): Range {
  return { start: { line, column }, end: { line, column: endColumn } };
}
