import { contextCommand, contextHelp } from './commands/context.ts';
import { lintHelp, makeLintCommand } from './commands/lint.ts';
import { parseCommand, parseHelp } from './commands/parse.ts';
import { makeSimulateCommand, simulateHelp } from './commands/simulate.ts';
import { lintContext, simulationContext } from '../node/cli-contexts.ts';
import { VERSION } from './version.ts';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from './io.ts';

export { VERSION };

const mainHelp = `Usage: layerwise <command> [options]

Read Dockerfiles and build contexts exactly as Docker's BuildKit does.

Commands:
  parse FILE      parse a Dockerfile; print its instructions or BuildKit's AST dump
  context DIR     list the files a build would send from DIR, after .dockerignore
  lint FILE       check a Dockerfile against hadolint's, BuildKit's and Layerwise's rules
  simulate FILE   predict the image: layers, sizes, build cache, does it still run

Options:
  -h, --help      show help (also: layerwise <command> --help)
  -v, --version   print the version

Exit status: 0 ok, 1 the input has errors, 2 wrong usage.
`;

const commands: Record<string, { run: (argv: string[], io: CliIO) => Promise<number>; help: string }> = {
  parse: { run: parseCommand, help: parseHelp },
  context: { run: contextCommand, help: contextHelp },
  lint: { run: makeLintCommand(lintContext), help: lintHelp },
  simulate: { run: makeSimulateCommand(simulationContext), help: simulateHelp },
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' && rest[0] !== undefined && Object.hasOwn(commands, rest[0]) ? commands[rest[0]] : undefined;
    if (topic) io.stdout(topic.help);
    else io.stdout(mainHelp);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`layerwise: unknown command ${JSON.stringify(name)}\n\n${mainHelp}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      io.stderr(`layerwise ${name}: ${(err as Error).message}\n\n${command.help}`);
      return EXIT_USAGE;
    }
    if (isFileError(err)) {
      io.stderr(`layerwise ${name}: ${err.path ?? ''}: ${describeFileError(err)}\n`);
      return EXIT_INPUT;
    }
    throw err;
  }
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

interface FileError extends Error {
  code: string;
  path?: string;
}

function isFileError(err: unknown): err is FileError {
  return err instanceof Error && typeof (err as FileError).code === 'string' &&
    ['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM'].includes((err as FileError).code);
}

function describeFileError(err: FileError): string {
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return 'permission denied';
  }
}
