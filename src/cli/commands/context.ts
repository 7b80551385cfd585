import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ContextError } from '../../engine/context/index.ts';
import { readContext, type ContextRead, type ReadContextOptions } from '../../node/read-context.ts';
import { EXIT_INPUT, EXIT_OK, UsageError, type CliIO } from '../io.ts';

export const contextHelp = `Usage: layerwise context DIR [--dockerfile F] [--format text|json]

List the files a build of DIR would send to the builder, after .dockerignore
(or F.dockerignore beside the Dockerfile, which takes precedence, as in
BuildKit): their sizes, the total, the largest entries, what was excluded.

Options:
  --dockerfile F   the Dockerfile (default: DIR/Dockerfile); a relative F is
                   relative to the current directory, as with docker build -f
  --format text    a readable summary (default)
  --format json    { "files": [{ "path", "bytes" }], "totalBytes",
                     "excluded": ["path", ...], "ignoreFile": "path" | null }
  -h, --help       show this help

Paths are relative to DIR. The Dockerfile and the ignore file are always sent.
Errors are printed to standard error as FILE:LINE:COLUMN: message.
Exit status: 0 ok, 1 DIR cannot be read or the ignore file has errors,
2 wrong usage.
`;

/** How the command reads a context; injected so tests can stay in-process. */
export type ContextReader = (dir: string, options: ReadContextOptions) => Promise<ContextRead>;

/** How many entries the text summary shows in each list. */
const TOP = 10;
const MAX_EXCLUDED_SHOWN = 50;

export function makeContextCommand(read: ContextReader) {
  return async function contextCommand(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dockerfile: { type: 'string' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(contextHelp);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError('context takes exactly one DIR');
    const format = values.format;
    if (format !== 'text' && format !== 'json') {
      throw new UsageError(`unknown --format ${JSON.stringify(format)} (expected text or json)`);
    }
    const dir = positionals[0]!;
    const options: ReadContextOptions = { cwd: io.cwd };
    if (values.dockerfile !== undefined) options.dockerfile = values.dockerfile;
    const context = await read(dir, options);

    io.stdout(format === 'json' ? `${JSON.stringify(toJson(context), null, 2)}\n` : formatText(dir, context));
    for (const error of context.errors) io.stderr(`${errorLocation(dir, error)}: ${error.message}\n`);
    return context.errors.length > 0 ? EXIT_INPUT : EXIT_OK;
  };
}

export const contextCommand = makeContextCommand(readContext);

/** The `context --format json` contract, documented in the README. */
export function toJson(context: ContextRead) {
  return {
    files: context.files.map((f) => ({ path: f.path, bytes: f.bytes })),
    totalBytes: context.totalBytes,
    excluded: context.excluded,
    ignoreFile: context.ignoreFile,
  };
}

/** FILE:LINE:COLUMN (or FILE), with FILE as reachable from where the command was run. */
function errorLocation(dir: string, error: ContextError): string {
  const file = error.path === null ? dir : join(dir, error.path);
  return error.line === undefined ? file : `${file}:${error.line}:${error.column ?? 1}`;
}

/** Sizes as people read them: bytes, then KiB, MiB, GiB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

interface Entry {
  name: string;
  bytes: number;
  files: number;
}

/** What the context weighs per top-level directory or file, heaviest first. */
function topLevel(context: ContextRead): Entry[] {
  const byName = new Map<string, Entry>();
  for (const file of context.files) {
    const slash = file.path.indexOf('/');
    const name = slash < 0 ? file.path : `${file.path.slice(0, slash)}/`;
    const entry = byName.get(name) ?? { name, bytes: 0, files: 0 };
    entry.bytes += file.bytes;
    entry.files++;
    byName.set(name, entry);
  }
  return heaviest([...byName.values()]);
}

function heaviest(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, TOP);
}

function table(entries: Entry[], withCounts: boolean): string {
  const sizes = entries.map((e) => formatBytes(e.bytes));
  const width = Math.max(...sizes.map((s) => s.length));
  return entries
    .map((e, i) => {
      const count = withCounts && e.name.endsWith('/') ? `  (${plural(e.files, 'file')})` : '';
      return `  ${sizes[i]!.padStart(width)}  ${e.name}${count}\n`;
    })
    .join('');
}

export function formatText(dir: string, context: ContextRead): string {
  let out = `Build context: ${dir}\n`;
  out += `Dockerfile: ${context.dockerfile ?? 'none found'}\n`;
  out += context.ignoreFile
    ? `Ignore file: ${context.ignoreFile} (${plural(context.patterns.length, 'pattern')})\n`
    : 'Ignore file: none\n';
  out += `Sent: ${plural(context.files.length, 'file')}, ${formatBytes(context.totalBytes)}`;
  out += context.totalBytes >= 1024 ? ` (${context.totalBytes.toLocaleString('en-US')} bytes)\n` : '\n';

  if (context.files.length > 0) {
    out += `\nLargest entries:\n${table(topLevel(context), true)}`;
    if (context.files.some((f) => f.path.includes('/'))) {
      const files = heaviest(context.files.map((f) => ({ name: f.path, bytes: f.bytes, files: 1 })));
      out += `\nLargest files:\n${table(files, false)}`;
    }
  }

  const dirs = new Set(context.excludedDirs);
  if (context.excluded.length > 0) {
    out += `\nExcluded by ${context.ignoreFile} (${plural(context.excluded.length, 'entry', 'entries')}):\n`;
    for (const path of context.excluded.slice(0, MAX_EXCLUDED_SHOWN)) out += `  ${path}${dirs.has(path) ? '/' : ''}\n`;
    if (context.excluded.length > MAX_EXCLUDED_SHOWN) {
      out += `  ... and ${context.excluded.length - MAX_EXCLUDED_SHOWN} more (--format json lists them all)\n`;
    }
  } else if (context.ignoreFile) {
    out += `\nNothing excluded by ${context.ignoreFile}.\n`;
  }
  if (context.addedBack.length > 0) {
    out += `\nSent although ${context.ignoreFile} excludes them (BuildKit reads them separately; COPY does not see them):\n`;
    for (const path of context.addedBack) out += `  ${path}\n`;
  }
  return out;
}
