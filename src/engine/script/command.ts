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
