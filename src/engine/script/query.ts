import type { ShellCommand, ShellScript, ShellWord } from './types.ts';
import { unwrapCommand } from './unwrap.ts';

/**
 * The flags of a command, in hadolint's manner: `--name[=value]` is one long flag; `-abc` is the
 * short flags a, b and c; `--` ends the flags. The definition the queries below follow (`hasFlag`
 * reads the same flags without listing them; tests hold it to this list); for callers that need
 * every flag with its value.
 */
export function flagsOf(command: ShellCommand): { name: string; value: string | null; word: ShellWord }[] {
  const flags: { name: string; value: string | null; word: ShellWord }[] = [];
  for (const word of command.args) {
    const v = word.value;
    if (v === '--') break;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      flags.push({ name: eq < 0 ? v.slice(2) : v.slice(2, eq), value: eq < 0 ? null : v.slice(eq + 1), word });
    } else if (v.startsWith('-') && v.length > 1) {
      for (const c of v.slice(1)) flags.push({ name: c, value: null, word });
    }
  }
  return flags;
}

export function hasFlag(command: ShellCommand, ...names: string[]): boolean {
  // The flags of `flagsOf`, tested as they are read, without listing them.
  for (const word of command.args) {
    const v = word.value;
    if (v === '--') break;
    if (v.charCodeAt(0) !== 45 /* - */) continue;
    if (v.charCodeAt(1) === 45) {
      const eq = v.indexOf('=');
      if (names.includes(eq < 0 ? v.slice(2) : v.slice(2, eq))) return true;
    } else if (v.length > 1) {
      for (const c of v.slice(1)) if (names.includes(c)) return true;
    }
  }
  return false;
}

/** The value of `--name=value`, `--name value` or `-n value`; null when the flag is absent. */
export function flagValue(command: ShellCommand, ...names: string[]): string | null {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '--') break;
    // Compared in place: rules ask this of every argument of the commands they look at, and
    // spelling `-n` or `--name=` out for each would build strings on every comparison.
    if (v.charCodeAt(0) !== 45 /* - */) continue;
    for (const name of names) {
      if (name.length === 1) {
        // `-n value` or `-nvalue`, never `--...`.
        if (v[1] !== name || name === '-') continue;
        return v.length === 2 ? (args[i + 1]?.value ?? '') : v.slice(2);
      }
      if (name.length === 0 || v.charCodeAt(1) !== 45 || !v.startsWith(name, 2)) continue;
      const end = name.length + 2;
      if (v.length === end) return args[i + 1]?.value ?? '';
      if (v.charCodeAt(end) === 61 /* = */) return v.slice(end + 1);
    }
  }
  return null;
}

/**
 * The arguments that are not flags. `valueFlags` names flags that take the next word as their
 * value (`-t stage`), so that word is not counted as an argument.
 */
export function argsWithoutFlags(command: ShellCommand, valueFlags: readonly string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  let afterDashDash = false;
  for (let i = 0; i < command.args.length; i++) {
    const word = command.args[i]!;
    const v = word.value;
    if (afterDashDash) {
      out.push(word);
      continue;
    }
    if (v === '--') {
      afterDashDash = true;
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      const name = v.startsWith('--') ? v.slice(2) : v.slice(1);
      if (!v.includes('=') && valueFlags.includes(name)) i++;
      continue;
    }
    out.push(word);
  }
  return out;
}

/** The first argument that is not a flag (what `argsWithoutFlags(...)[0]` gives), without building the list. */
export function firstArgWithoutFlags(command: ShellCommand, valueFlags: readonly string[] = []): ShellWord | undefined {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const v = word.value;
    if (v === '--') return args[i + 1];
    if (v.startsWith('-') && v.length > 1) {
      const name = v.startsWith('--') ? v.slice(2) : v.slice(1);
      if (!v.includes('=') && valueFlags.includes(name)) i++;
      continue;
    }
    return word;
  }
  return undefined;
}

/**
 * The commands named `name`, looking through wrappers (`sudo`, `env A=1`, `nice`, ... see
 * unwrapCommand, which the returned commands have been through), optionally with a given first
 * argument.
 */
export function commandsNamed(script: ShellScript, name: string | readonly string[], subcommand?: string | readonly string[]): ShellCommand[] {
  // One pass, no intermediate lists: rules ask this of every RUN script.
  const found: ShellCommand[] = [];
  for (const command of script.commands) {
    const c = unwrapCommand(command);
    const program = programName(c);
    if (typeof name === 'string' ? program !== name : !name.includes(program)) continue;
    if (subcommand !== undefined) {
      const first = firstArgWithoutFlags(c);
      if (first === undefined || (typeof subcommand === 'string' ? first.value !== subcommand : !subcommand.includes(first.value))) continue;
    }
    found.push(c);
  }
  return found;
}

/** The program a command runs, without its directory (`/usr/bin/apt-get` is `apt-get`). */
export function programName(command: ShellCommand): string {
  return command.program;
}

/** True for `<manager> install|add ...` style commands. */
export function isInstall(command: ShellCommand, verbs: readonly string[] = ['install', 'add']): boolean {
  const first = firstArgWithoutFlags(command);
  return first !== undefined && verbs.includes(first.value);
}

/**
 * A flag in Go's style, where long flags take one dash or two (`-ldflags=...`, `--ldflags ...`):
 * its value, `''` for a flag given without one, or null when absent.
 */
export function goFlag(command: ShellCommand, name: string, takesValue = true): string | null {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '--') break;
    if (v.charCodeAt(0) !== 45 /* - */) continue;
    // `-name` first, then `--name`, as Go's flag package reads them; compared in place.
    for (let dashes = 1; dashes <= 2; dashes++) {
      if (dashes === 2 && v.charCodeAt(1) !== 45) break;
      if (!v.startsWith(name, dashes)) continue;
      const end = name.length + dashes;
      if (v.length === end) return takesValue ? (args[i + 1]?.value ?? '') : '';
      if (v.charCodeAt(end) === 61 /* = */) return v.slice(end + 1);
    }
  }
  return null;
}
