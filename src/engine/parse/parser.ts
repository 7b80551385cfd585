/**
 * The Dockerfile parser: one pass over the lines, reproducing BuildKit's
 * `frontend/dockerfile/parser` line by line (directives, continuations, comments inside
 * continuations, heredocs), but collecting errors instead of stopping at the first one.
 */
import { DirectiveParser } from './directives.ts';
import { goTrimSpace, skipGoSpace, utf8Length } from './go-text.ts';
import { HeredocError, heredocsFromLine } from './heredoc.ts';
import { typeInstruction, type InstructionContext } from './instructions.ts';
import { LineParseError, parseInstructionLine, type RawInstruction } from './line-parsers.ts';
import { LogicalLine, pointRange } from './logical-line.ts';
import type {
  Directive,
  EscapeCharacter,
  Heredoc,
  Instruction,
  ParseError,
  ParseResult,
  ParseWarning,
  Position,
  Range,
} from './types.ts';

/** bufio.Scanner's default limit: BuildKit cannot read a longer line. */
const MAX_LINE_BYTES = 64 * 1024;
const NO_COMMENTS: string[] = Object.freeze([]) as unknown as string[];
const NO_HEREDOCS: Heredoc[] = Object.freeze([]) as unknown as Heredoc[];

/**
 * Where each physical line of the source starts and ends (the offset of its `\n`, or the end of
 * the source), as `text.split('\n')` would cut it: a final newline ends the last line rather than
 * starting an empty one, and a byte-order mark is not part of the first line. The lines are read
 * in place; only the pieces an instruction keeps are ever cut out of the source.
 */
interface PhysicalLines {
  starts: number[];
  /** Where the last line ends: the end of the source, or its final `\n`. */
  lastEnd: number;
}

function splitLines(text: string): PhysicalLines {
  const starts: number[] = [];
  let p = 0;
  for (;;) {
    starts.push(p);
    const nl = text.indexOf('\n', p);
    if (nl < 0) break;
    p = nl + 1;
  }
  let lastEnd = text.length;
  // A final newline ends the last line rather than starting an empty one.
  if (starts.length > 1 && starts[starts.length - 1] === text.length) {
    starts.pop();
    lastEnd = text.length - 1;
  } else if (starts.length === 1 && text.length === 0) starts.pop();
  if (starts.length > 0 && text.charCodeAt(starts[0]!) === 0xfeff && starts[0]! < (starts.length > 1 ? starts[1]! - 1 : lastEnd)) starts[0]!++;
  return { starts, lastEnd };
}

/**
 * BuildKit's line-continuation test on `text[from, end)`: the escape character as the last
 * non-blank character, unless it is itself escaped. Returns the offset of that escape character
 * (where the line's piece ends), or -1 when the line does not continue.
 */
function continuationAt(text: string, from: number, end: number, escape: number): number {
  let e = end;
  while (e > from && (text.charCodeAt(e - 1) === 0x20 || text.charCodeAt(e - 1) === 0x09)) e--;
  if (e === from || text.charCodeAt(e - 1) !== escape) return -1;
  if (e - from >= 2 && text.charCodeAt(e - 2) === escape) return -1;
  return e - 1;
}

export function parseDockerfile(source: string): ParseResult {
  const { starts, lastEnd } = splitLines(source);
  const lineCount = starts.length;
  const directives = new DirectiveParser();
  const foundDirectives: Directive[] = [];
  const errors: ParseError[] = [];
  const warnings: ParseWarning[] = [];
  const instructions: Instruction[] = [];
  // Most instructions have no comment above them, and none has a heredoc: they share these
  // empty, frozen arrays (nothing changes an instruction's lists after the parse).
  let comments: string[] = NO_COMMENTS;

  const syntaxError = (message: string, range: Range) => errors.push({ kind: 'syntax', message, range });
  /** End of line `k` without its `\r`s (Go's `bytes.TrimRight(line, "\r\n")`). */
  const trimmedEnd = (k: number): number => {
    const start = starts[k]!;
    let end = k + 1 < lineCount ? starts[k + 1]! - 1 : lastEnd;
    while (end > start && source.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  };
  /** Length of line `k` as written (a `\r` before its `\n` included). */
  const rawLength = (k: number): number => (k < lineCount ? (k + 1 < lineCount ? starts[k + 1]! - 1 : lastEnd) - starts[k]! : 0);

  // Reads one physical line, `source[start, end)`, as BuildKit's processLine does, noting directives
  // and over-long lines. `leading` is the number of blank characters the line starts with.
  const process = (start: number, end: number, index: number, leading: number): void => {
    const length = end - start;
    // The scanner's limit counts the line as read: a `\r` before the `\n` included.
    const asRead = rawLength(index);
    if (asRead * 3 > MAX_LINE_BYTES && utf8Length(source.slice(start, start + asRead)) + 1 > MAX_LINE_BYTES) {
      syntaxError(
        `dockerfile line greater than max allowed size of ${MAX_LINE_BYTES - 1}`,
        pointRange(index + 1, 1, length + 1),
      );
    }
    if (!directives.finished) {
      const outcome = directives.parseLine(source.slice(start + leading, end));
      if (outcome.kind === 'error') {
        syntaxError(outcome.message, pointRange(index + 1, leading + 1, length + 1));
      } else if (outcome.kind === 'directive') {
        foundDirectives.push({
          ...outcome.directive,
          range: pointRange(index + 1, leading + 1, length + 1),
        });
      }
    }
  };

  // Reused for every instruction: typed instructions keep its text and segments, never the object.
  const logical = new LogicalLine();
  const typing: InstructionContext = { logical, heredocs: NO_HEREDOCS, comments: NO_COMMENTS, range: pointRange(1, 1), errors };
  let i = 0;
  while (i < lineCount) {
    const index = i++;
    const lineStart = starts[index]!;
    const lineEnd = trimmedEnd(index);
    const firstColumn = skipGoSpace(source, lineStart, lineEnd) - lineStart;
    const isComment = source.charCodeAt(lineStart + firstColumn) === 0x23; /* # */
    if (isComment) {
      if (comments === NO_COMMENTS) comments = [];
      comments.push(goTrimSpace(source.slice(lineStart + 1, lineEnd)));
    }
    process(lineStart, lineEnd, index, firstColumn);
    const escape = directives.escape;
    const escapeCode = escape.charCodeAt(0);
    const startLine = index + 1;
    let endLine = startLine;
    let endColumn = lineEnd - lineStart + 1;

    // A comment or blank line reads as '', which neither continues nor holds an instruction.
    if (isComment || lineStart + firstColumn === lineEnd) continue;
    logical.reset();
    const pieceStart = lineStart + firstColumn;
    let cut = continuationAt(source, pieceStart, lineEnd, escapeCode);
    logical.append(source.slice(pieceStart, cut >= 0 ? cut : lineEnd), startLine, firstColumn);

    let emptyContinuation = false;
    while (cut >= 0 && i < lineCount) {
      const at = i++;
      const start = starts[at]!;
      const end = trimmedEnd(at);
      const leading = skipGoSpace(source, start, end) - start;
      process(start, end, at, leading);
      endLine = at + 1;
      endColumn = end - start + 1;
      if (source.charCodeAt(start + leading) === 0x23 /* # */ && start + leading < end) continue;
      if (start + leading === end) {
        emptyContinuation = true;
        continue;
      }
      cut = continuationAt(source, start, end, escapeCode);
      logical.append(source.slice(start, cut >= 0 ? cut : end), at + 1, 0);
    }

    const startPosition = { line: startLine, column: firstColumn + 1 };
    // The range before any heredoc body is what a warning or a heredoc error points at. (Not a
    // closure: one made per instruction would cost an allocation on every line.)
    const headEndLine = endLine;
    const headEndColumn = endColumn;
    if (emptyContinuation) {
      warnings.push({ message: `Empty continuation line found in: ${logical.text}`, range: headRange(startPosition, headEndLine, headEndColumn) });
    }

    let raw: RawInstruction;
    try {
      raw = parseInstructionLine(logical.text, escape);
    } catch (err) {
      if (!(err instanceof LineParseError)) throw err;
      // BuildKit places it on the instruction (withLocation(err, startLine, currentLine)): from its
      // first line to where the problem is.
      syntaxError(err.message, { start: startPosition, end: logical.rangeOf(err.start, err.end).end });
      comments = NO_COMMENTS;
      continue;
    }

    let heredocs: Heredoc[] = NO_HEREDOCS;
    if (canContainHeredoc(raw) && logical.text.includes('<<')) {
      heredocs = [];
      let markers: ReturnType<typeof heredocsFromLine> = [];
      try {
        markers = heredocsFromLine(logical.text);
      } catch (err) {
        if (!(err instanceof HeredocError)) throw err;
        syntaxError(err.message, headRange(startPosition, headEndLine, headEndColumn));
      }
      for (const marker of markers) {
        const bodyStart = i;
        // The body is the source from its first line up to the terminator line (or the end).
        let bodyEnd = source.length;
        let terminated = false;
        while (i < lineCount) {
          const at = i++;
          const start = starts[at]!;
          const end = trimmedEnd(at);
          let from = start;
          if (marker.chomp) while (from < end && source.charCodeAt(from) === 0x09) from++;
          if (end - from === marker.name.length && source.startsWith(marker.name, from)) {
            terminated = true;
            endLine = at + 1;
            endColumn = end - start + 1;
            bodyEnd = start;
            break;
          }
        }
        const content = bodyStart < lineCount ? source.slice(starts[bodyStart]!, bodyEnd) : '';
        if (!terminated) {
          endLine = Math.max(lineCount, startLine);
          syntaxError('unterminated heredoc', {
            start: startPosition,
            end: { line: endLine, column: rawLength(endLine - 1) + 1 },
          });
        }
        heredocs.push({
          ...marker,
          content,
          range: {
            start: { line: bodyStart + 1, column: 1 },
            end: { line: endLine, column: endColumn },
          },
        });
      }
    }

    // One context object for the whole parse: typeInstruction copies what it keeps.
    typing.heredocs = heredocs;
    typing.comments = comments;
    typing.range = { start: startPosition, end: { line: endLine, column: endColumn } };
    instructions.push(typeInstruction(raw, typing));
    comments = NO_COMMENTS;
  }

  if (instructions.length === 0 && !errors.some((e) => e.kind === 'syntax')) {
    const line = Math.max(lineCount, 1);
    syntaxError('file with no instructions', pointRange(line, 1, rawLength(line - 1) + 1));
  }

  return {
    instructions,
    directives: foundDirectives,
    escapeCharacter: directives.escape,
    errors,
    warnings,
    lineCount,
  };
}

function headRange(start: Position, endLine: number, endColumn: number): Range {
  return { start, end: { line: endLine, column: endColumn } };
}

/** BuildKit's `canContainHeredoc`: RUN, COPY and ADD in shell form, also as ONBUILD triggers. */
function canContainHeredoc(raw: RawInstruction): boolean {
  const node = raw.lower === 'onbuild' && raw.child ? raw.child : raw;
  return !node.json && node.heredocs;
}

