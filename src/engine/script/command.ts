import type { ShellCommand, ShellWord } from './types.ts';

/**
 * The file name of a program path (`/usr/bin/apt-get` gives `apt-get`), worked out once when a
 * command is made: dozens of rules compare it for every command of a RUN.
 */
export function programOf(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? name : name.slice(slash + 1);
}

/**
 * An exec-form argv (`RUN ["apt-get", "install", "x"]`) as one command, each word unquoted
 * already. Word offsets are those of `wordAt` (none by default: the argv has no script text).
 */
export function argvCommand(argv: readonly string[], wordAt: (value: string, index: number) => ShellWord = plainWord): ShellCommand {
  const words = argv.map(wordAt);
  const name = argv[0] ?? '';
  return {
    name,
    program: programOf(name),
    nameWord: words[0] ?? plainWord(''),
    args: words.slice(1),
    assignments: [],
    redirects: [],
    connector: 'start',
    start: 0,
    end: argv.length === 0 ? 0 : words.at(-1)!.end,
    depth: 0,
  };
}

function plainWord(value: string): ShellWord {
  return { value, raw: value, start: 0, end: 0, dynamic: false };
}

/**
 * The variables a command sees: `scope` with the command's own `NAME=value` prefixes over it
 * (`NODE_ENV=production npm ci`); `scope` itself, not a copy, when the command has none.
 */
export function commandScope(command: ShellCommand, scope: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  if (command.assignments.length === 0) return scope;
  const local = new Map(scope);
  for (const a of command.assignments) {
    const eq = a.value.indexOf('=');
    if (eq > 0) local.set(a.value.slice(0, eq), a.value.slice(eq + 1));
  }
  return local;
}
