/**
 * The Dockerfile parser: one pass over the lines, reproducing BuildKit's
 * `frontend/dockerfile/parser` line by line (directives, continuations, comments inside
 * continuations, heredocs), but collecting errors instead of stopping at the first one.
 */
import { DirectiveParser } from './directives.ts';
import { goTrimSpace, skipGoSpace, utf8Length } from './go-text.ts';
import { HeredocError, heredocsFromLine } from './heredoc.ts';
import { typeInstruction } from './instructions.ts';
import { LineParseError, lowerKeyword, parseInstructionLine, type RawInstruction } from './line-parsers.ts';
import { LogicalLine, pointRange } from './logical-line.ts';
import type {
  Directive,
  EscapeCharacter,
  Heredoc,
  Instruction,
  ParseError,
  ParseResult,
  ParseWarning,
  Range,
} from './types.ts';

/** bufio.Scanner's default limit: BuildKit cannot read a longer line. */
const MAX_LINE_BYTES = 64 * 1024;
const HEREDOC_KEYWORDS = new Set(['run', 'copy', 'add']);

interface PhysicalLines {
  /** Each line without its `\n` (a `\r` before it is still there). */
  lines: string[];
}

function splitLines(text: string): PhysicalLines {
  const lines = text.split('\n');
  // A final newline ends the last line; it does not start an empty one.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length > 0 && lines[0]!.charCodeAt(0) === 0xfeff) lines[0] = lines[0]!.slice(1);
  return { lines };
}

/** Go's `bytes.TrimRight(line, "\r\n")` on a line whose `\n` is already gone. */
function trimNewline(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 0x0d) end--;
  return end === line.length ? line : line.slice(0, end);
}

/**
 * BuildKit's line-continuation test: the escape character as the last non-blank character,
 * unless it is itself escaped. Returns the line without it, or null when the line does not
 * continue.
 */
function trimContinuation(line: string, escape: EscapeCharacter): string | null {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  if (end === 0 || line[end - 1] !== escape) return null;
  if (end >= 2 && line[end - 2] === escape) return null;
  return line.slice(0, end - 1);
}

export function parseDockerfile(source: string): ParseResult {
  const { lines } = splitLines(source);
  const directives = new DirectiveParser();
  const foundDirectives: Directive[] = [];
  const errors: ParseError[] = [];
  const warnings: ParseWarning[] = [];
  const instructions: Instruction[] = [];
  let comments: string[] = [];

  const syntaxError = (message: string, range: Range) => errors.push({ kind: 'syntax', message, range });

  // Reads one physical line as BuildKit's processLine does, noting directives and over-long lines.
  // `leading` is the number of blank characters the line starts with (skipGoSpace of it).
  const process = (raw: string, index: number, stripLeft: boolean, leading: number): string => {
    if (raw.length * 3 > MAX_LINE_BYTES && utf8Length(raw) + 1 > MAX_LINE_BYTES) {
      syntaxError(
        `dockerfile line greater than max allowed size of ${MAX_LINE_BYTES - 1}`,
        pointRange(index + 1, 1, raw.length + 1),
      );
    }
    if (!directives.finished) {
      const outcome = directives.parseLine(leading === 0 ? raw : raw.slice(leading));
      if (outcome.kind === 'error') {
        syntaxError(outcome.message, pointRange(index + 1, leading + 1, raw.length + 1));
      } else if (outcome.kind === 'directive') {
        foundDirectives.push({
          ...outcome.directive,
          range: pointRange(index + 1, leading + 1, raw.length + 1),
        });
      }
    }
    if (raw.charCodeAt(leading) === 0x23 /* # */) return '';
    return stripLeft && leading > 0 ? raw.slice(leading) : raw;
  };

  // Reused for every instruction: typed instructions keep its text and segments, never the object.
  const logical = new LogicalLine();
  let i = 0;
  while (i < lines.length) {
    const index = i++;
    const rawLine = trimNewline(lines[index]!);
    const firstColumn = skipGoSpace(rawLine);
    if (rawLine.charCodeAt(firstColumn) === 0x23 /* # */) comments.push(goTrimSpace(rawLine.slice(1)));
    const first = process(rawLine, index, true, firstColumn);
    const escape = directives.escape;
    const startLine = index + 1;
    let endLine = startLine;
    let endColumn = rawLine.length + 1;

    logical.reset();
    let continued = trimContinuation(first, escape);
    if (continued === null && first === '') continue;
    logical.append(continued ?? first, startLine, firstColumn);

    let emptyContinuation = false;
    while (continued !== null && i < lines.length) {
      const at = i++;
      const physical = trimNewline(lines[at]!);
      const leading = skipGoSpace(physical);
      const line = process(physical, at, false, leading);
      endLine = at + 1;
      endColumn = physical.length + 1;
      // A comment line reads as ''; otherwise `line` is `physical` itself.
      if (line === '' && physical.charCodeAt(leading) === 0x23 /* # */) continue;
      if (line === '' || leading === line.length) {
        emptyContinuation = true;
        continue;
      }
      continued = trimContinuation(line, escape);
      logical.append(continued ?? line, at + 1, 0);
    }

    const range: Range = { start: { line: startLine, column: firstColumn + 1 }, end: { line: endLine, column: endColumn } };
    if (emptyContinuation) {
      warnings.push({ message: `Empty continuation line found in: ${logical.text}`, range });
    }

    let raw: RawInstruction;
    try {
      raw = parseInstructionLine(logical.text, escape);
    } catch (err) {
      if (!(err instanceof LineParseError)) throw err;
      syntaxError(err.message, logical.rangeOf(err.start, err.end));
      comments = [];
      continue;
    }

    const heredocs: Heredoc[] = [];
    if (canContainHeredoc(raw) && logical.text.includes('<<')) {
      let markers: ReturnType<typeof heredocsFromLine> = [];
      try {
        markers = heredocsFromLine(logical.text);
      } catch (err) {
        if (!(err instanceof HeredocError)) throw err;
        syntaxError(err.message, range);
      }
      for (const marker of markers) {
        const bodyStart = i;
        let content = '';
        let terminated = false;
        while (i < lines.length) {
          const at = i++;
          const line = lines[at]!;
          let candidate = trimNewline(line);
          if (marker.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === marker.name) {
            terminated = true;
            endLine = at + 1;
            endColumn = trimNewline(line).length + 1;
            break;
          }
          content += at < lines.length - 1 || source.endsWith('\n') ? line + '\n' : line;
        }
        if (!terminated) {
          endLine = Math.max(lines.length, startLine);
          syntaxError('unterminated heredoc', {
            start: range.start,
            end: { line: endLine, column: (lines[endLine - 1]?.length ?? 0) + 1 },
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

    const fullRange: Range = { start: range.start, end: { line: endLine, column: endColumn } };
    instructions.push(typeInstruction(raw, { logical, heredocs, comments, range: fullRange, errors }));
    comments = [];
  }

  if (instructions.length === 0 && !errors.some((e) => e.kind === 'syntax')) {
    const line = Math.max(lines.length, 1);
    syntaxError('file with no instructions', pointRange(line, 1, (lines[line - 1]?.length ?? 0) + 1));
  }

  return {
    instructions,
    directives: foundDirectives,
    escapeCharacter: directives.escape,
    errors,
    warnings,
    lineCount: lines.length,
  };
}

/** BuildKit's `canContainHeredoc`: RUN, COPY and ADD in shell form, also as ONBUILD triggers. */
function canContainHeredoc(raw: RawInstruction): boolean {
  const node = lowerKeyword(raw.keyword) === 'onbuild' && raw.child ? raw.child : raw;
  return !node.json && HEREDOC_KEYWORDS.has(lowerKeyword(node.keyword));
}

