import type { Position, Range, Segment } from './types.ts';

/**
 * An instruction's text after continuation lines are joined, with a map back to the source so
 * that any word found in the joined text can be underlined where it was written.
 */
export class LogicalLine {
  text = '';
  // Parallel arrays (offset in `text`, source line, 0-based source column) keep this cheap
  // for the common one-segment instruction. Only the first `count` entries are in use: the
  // arrays are reused from one instruction to the next and never shrunk (shrinking is slow).
  private readonly offsets: number[] = [];
  private readonly lines: number[] = [];
  private readonly columns: number[] = [];
  private count = 0;

  // Where the instruction starts (the first piece, even an empty one).
  private anchorLine = 0;
  private anchorColumn = -1;

  /** Empties the line for the next instruction (one LogicalLine serves a whole parse). */
  reset(): void {
    this.text = '';
    this.count = 0;
    this.anchorLine = 0;
    this.anchorColumn = -1;
  }

  append(piece: string, line: number, column: number): void {
    if (this.anchorColumn < 0) {
      this.anchorLine = line;
      this.anchorColumn = column;
    }
    if (piece.length === 0) return;
    const k = this.count++;
    this.offsets[k] = this.text.length;
    this.lines[k] = line;
    this.columns[k] = column;
    this.text += piece;
  }

  /** Where each piece of `text` was written, as plain data (see `positionInSegments`). */
  segments(): Segment[] {
    // One piece (most instructions) needs no map: it starts where the instruction does.
    const n = this.count;
    if (n === 0 || (n === 1 && this.lines[0] === this.anchorLine && this.columns[0] === this.anchorColumn)) {
      return NO_SEGMENTS;
    }
    const segments: Segment[] = new Array(n);
    for (let i = 0; i < n; i++) segments[i] = { offset: this.offsets[i]!, line: this.lines[i]!, column: this.columns[i]! + 1 };
    return segments;
  }

  /** The source position of the character at `offset` (clamped to the text). */
  positionAt(offset: number): Position {
    return this.position(offset, 1);
  }

  /** The position of the character at `offset`, its column moved by `shift - 1`. */
  private position(offset: number, shift: number): Position {
    const n = this.count;
    if (n === 0) return { line: 1, column: shift };
    const o = Math.max(0, Math.min(offset, this.text.length));
    if (n === 1) return { line: this.lines[0]!, column: this.columns[0]! + (o - this.offsets[0]!) + shift };
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.lines[lo]!, column: this.columns[lo]! + (o - this.offsets[lo]!) + shift };
  }

  /** The source range of `text.slice(start, end)`; an empty slice gives an empty range. */
  rangeOf(start: number, end: number): Range {
    const from = this.position(start, 1);
    if (end <= start) return { start: from, end: from };
    // Just after the last character: its position, one column on.
    return { start: from, end: this.position(end - 1, 2) };
  }
}

const NO_SEGMENTS: Segment[] = Object.freeze([]) as unknown as Segment[];

/**
 * The source position of `offset` in an instruction's logical line, from its segments; an
 * instruction written on one line has no segments and starts at `start`.
 */
export function positionInSegments(segments: readonly Segment[], offset: number, start: Position): Position {
  if (segments.length === 0) return { line: start.line, column: start.column + Math.max(0, offset) };
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
