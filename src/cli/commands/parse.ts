import { parseArgs } from 'node:util';
import { dumpBuildKit, parseDockerfile } from '../../engine/parse/index.ts';
import type { Instruction, ParseError, ParseResult, Range } from '../../engine/parse/index.ts';
import { decodeUtf8, EXIT_INPUT, EXIT_OK, UsageError, type CliIO } from '../io.ts';

export const parseHelp = `Usage: layerwise parse FILE [--format json|buildkit]

Parse a Dockerfile exactly as BuildKit does and print what it contains.
FILE may be - to read standard input.

Options:
  --format json      the instructions with their source ranges and typed fields,
                     and the errors (default)
  --format buildkit  BuildKit's own AST dump, one (instruction ...) per line,
                     the format of BuildKit's parser test files
  -h, --help         show this help

Errors are printed to standard error as FILE:LINE:COLUMN: message.
Exit status: 0 no errors, 1 the Dockerfile has errors, 2 wrong usage.
`;

export async function parseCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(parseHelp);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('parse takes exactly one FILE');
  const format = values.format;
  if (format !== 'json' && format !== 'buildkit') {
    throw new UsageError(`unknown --format ${JSON.stringify(format)} (expected json or buildkit)`);
  }
  const file = positionals[0]!;
  const bytes = file === '-' ? await io.readStdin() : await io.readFile(file);
  const result = parseDockerfile(decodeUtf8(bytes));
  // The BuildKit dump mirrors BuildKit's parser alone; typed-instruction problems are the
  // build's, reported in the JSON form.
  const errors = format === 'buildkit' ? result.errors.filter((e) => e.kind === 'syntax') : result.errors;
  if (format === 'buildkit') {
    if (errors.length === 0) io.stdout(dumpBuildKit(result));
  } else {
    io.stdout(JSON.stringify(toJson(result), null, 2) + '\n');
  }
  for (const error of errors) {
    io.stderr(`${file === '-' ? '<stdin>' : file}:${error.range.start.line}:${error.range.start.column}: ${error.message}\n`);
  }
  return errors.length > 0 ? EXIT_INPUT : EXIT_OK;
}

/** The `parse --format json` contract, documented in the README. */
export function toJson(result: ParseResult) {
  return {
    instructions: result.instructions.map(instructionJson),
    errors: result.errors.map(errorJson),
    warnings: result.warnings.map((w) => ({ ...position(w.range), message: w.message })),
    directives: result.directives.map((d) => ({ name: d.name, value: d.value, line: d.range.start.line })),
    escapeCharacter: result.escapeCharacter,
  };
}

function position(range: Range) {
  return {
    line: range.start.line,
    column: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
  };
}

function errorJson(error: ParseError) {
  return { ...position(error.range), message: error.message, kind: error.kind };
}

function instructionJson(instruction: Instruction): Record<string, unknown> {
  const { keywordRange, range, args, flags, heredocs, original, segments: _segments, keywordText, comments, ...typed } =
    instruction;
  const out: Record<string, unknown> = {
    keyword: instruction.keyword,
    keywordText,
    ...position(range),
    flags: flags.map((f) => ({ name: f.name, value: f.value, ...position(f.range) })),
    args: args.map((a) => ({ value: a.value, ...position(a.range) })),
  };
  if (heredocs.length > 0) {
    out.heredocs = heredocs.map((h) => ({
      name: h.name,
      fileDescriptor: h.fileDescriptor,
      expand: h.expand,
      chomp: h.chomp,
      content: h.content,
      ...position(h.range),
    }));
  }
  if (comments.length > 0) out.comments = comments;
  for (const [key, value] of Object.entries(typed)) {
    if (key === 'keyword' || key === 'json') continue;
    out[key] = jsonValue(value);
  }
  out.json = instruction.json;
  return out;
}

function jsonValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonValue);
  if (value && typeof value === 'object') {
    if ('keyword' in value && 'keywordRange' in value) return instructionJson(value as Instruction);
    if ('start' in value && 'end' in value && Object.keys(value).length === 2) {
      return position(value as Range);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'range') Object.assign(out, position(v as Range));
      else out[k] = jsonValue(v);
    }
    return out;
  }
  return value;
}
