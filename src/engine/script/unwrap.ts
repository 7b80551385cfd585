import { programOf } from './command.ts';
import type { ShellCommand, ShellWord } from './types.ts';

/**
 * Programs that run another command given as their arguments, and how to skip their own options
 * to find it. Layerwise's model unwraps them, because `sudo apt-get install x` installs x just
 * as `apt-get install x` does (the image grows the same).
 *
 * hadolint does not: its command names come from ShellCheck's `getCommandName`, which only looks
 * through `busybox`, `builtin`, `command`, `run` and `exec` (ShellCheck ASTLib,
 * getCommandNameAndToken). hadolint-aliased rules therefore use their own view of commands
 * (rules/catalog/packages/support.ts) and DL3008 does not see `sudo apt-get install x` (DL3004,
 * "do not use sudo", does).
 *
 * Not unwrapped: `xargs` (its command gets arguments from standard input, unknown here) and
 * `sh -c '...'` (a script, not a command).
 */
interface Wrapper {
  /** Options that take the next word as their value (`sudo -u user`, `nice -n 5`). */
  valueOptions: readonly string[];
  /** How many positional words the wrapper takes before the command (`timeout 10s cmd`). */
  positionals?: number;
  /** `env NAME=value cmd`: assignments before the command. */
  assignments?: boolean;
  /** Options after which the wrapper does not run a command (`command -v x` only looks x up). */
  queryOptions?: readonly string[];
}

// A Map, not an object: every command's program is looked up here, and a program named like an
// object property (`constructor`, `__proto__`) must find no wrapper.
const WRAPPERS: ReadonlyMap<string, Wrapper> = new Map(Object.entries({
  sudo: { valueOptions: ['u', 'g', 'p', 'C', 'D', 'h', 'r', 't', 'T', 'U', 'user', 'group', 'prompt', 'close-from', 'chdir', 'host', 'role', 'type', 'command-timeout', 'other-user'], queryOptions: ['l', 'v', 'k', 'K', 'V', 'list', 'validate', 'version'] },
  doas: { valueOptions: ['u', 'C'] },
  env: { valueOptions: ['u', 'C', 'S', 'unset', 'chdir', 'split-string'], assignments: true },
  nice: { valueOptions: ['n', 'adjustment'] },
  nohup: { valueOptions: [] },
  time: { valueOptions: ['f', 'o', 'format', 'output'] },
  timeout: { valueOptions: ['s', 'k', 'signal', 'kill-after'], positionals: 1 },
  stdbuf: { valueOptions: ['i', 'o', 'e', 'input', 'output', 'error'] },
  exec: { valueOptions: ['a'] },
  command: { valueOptions: [], queryOptions: ['v', 'V'] },
  builtin: { valueOptions: [] },
  busybox: { valueOptions: [] },
} satisfies Record<string, Wrapper>));

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The index in `args` of the wrapped command's name, or -1 when there is none. */
function commandIndex(wrapper: Wrapper, args: readonly ShellWord[]): number {
  let positionals = wrapper.positionals ?? 0;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '--') return i + 1 < args.length ? i + 1 + positionals : -1;
    if (v.startsWith('--')) {
      const name = v.slice(2).split('=')[0]!;
      if (wrapper.queryOptions?.includes(name)) return -1;
      // `--user app` takes the next word; `--user=app` carries its value.
      if (wrapper.valueOptions.includes(name) && !v.includes('=')) i++;
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      // A cluster of short options: `-E`, `-iu app`, `-uapp` (the value glued on), `-n5`.
      const letters = v.slice(1);
      for (let k = 0; k < letters.length; k++) {
        const letter = letters[k]!;
        if (wrapper.queryOptions?.includes(letter)) return -1;
        if (wrapper.valueOptions.includes(letter)) {
          if (k === letters.length - 1) i++;
          break;
        }
      }
      continue;
    }
    if (wrapper.assignments && ASSIGNMENT.test(v)) continue;
    if (positionals > 0) {
      positionals--;
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * The command a wrapper runs (`sudo -u app npm ci` → `npm ci`), recursively (`sudo env A=1 nice
 * make`); the command itself when it is no wrapper. The result keeps the source span of the whole
 * command, lists the wrappers in `wrappedBy`, and adds `env`'s assignments to `assignments`.
 */
export function unwrapCommand(command: ShellCommand): ShellCommand {
  let current = command;
  for (let depth = 0; depth < 8; depth++) {
    const name = current.program;
    const wrapper = WRAPPERS.get(name);
    if (!wrapper) return current;
    const at = commandIndex(wrapper, current.args);
    if (at < 0 || at >= current.args.length) return current;
    const nameWord = current.args[at]!;
    const assignments = wrapper.assignments ? current.args.slice(0, at).filter((w) => ASSIGNMENT.test(w.value)) : [];
    current = {
      ...current,
      name: nameWord.value,
      program: programOf(nameWord.value),
      nameWord,
      args: current.args.slice(at + 1),
      assignments: [...current.assignments, ...assignments],
      wrappedBy: [...(current.wrappedBy ?? []), name],
    };
  }
  return current;
}
