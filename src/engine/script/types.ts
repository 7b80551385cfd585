/**
 * The commands of a RUN instruction's shell script, read the way a POSIX shell would split them
 * (what hadolint gets from ShellCheck's parser): enough to ask "does this RUN call
 * `apt-get install` without `--no-install-recommends`?", never to execute anything.
 */

/** One shell word, quotes removed; offsets are UTF-16 indexes into the script text. */
export interface ShellWord {
  /** The word after quote removal (variables are left as written: `$HOME`). */
  value: string;
  /** The word exactly as written. */
  raw: string;
  start: number;
  end: number;
  /** True when any part of the word was quoted, or it contains an unexpanded `$`. */
  dynamic: boolean;
}

/** How a command is joined to the one before it; bash's `|&` (stdout and stderr) is a `|`. */
export type Connector = 'start' | '&&' | '||' | ';' | '|' | '&' | 'newline';

export interface ShellCommand {
  /** The program, e.g. `apt-get`; the first word that is not an assignment or redirection. */
  name: string;
  /** `name` without its directory (`/usr/bin/apt-get` gives `apt-get`): what rules compare. */
  program: string;
  nameWord: ShellWord;
  /** The words after the program (redirections removed). */
  args: ShellWord[];
  /** `NAME=value` words written before the program. */
  assignments: readonly ShellWord[];
  /** Redirections, e.g. `> /opt/blob` or `2>&1`. */
  redirects: readonly { op: string; target: ShellWord | null }[];
  connector: Connector;
  start: number;
  end: number;
  /** Nesting inside `$(...)`, backticks or `( ... )`; 0 at the top level. */
  depth: number;
  /**
   * Set by `unwrapCommand`: the wrappers this command was found inside, outermost first
   * (`sudo env X=1 make` gives `make` with `['sudo', 'env']`). Absent as parsed.
   */
  wrappedBy?: string[];
}

export interface ShellScript {
  text: string;
  commands: ShellCommand[];
}
