import type { Flag } from './types.ts';

export type FlagKind = 'bool' | 'string' | 'strings';

export interface ParsedFlags {
  bools: Map<string, boolean>;
  strings: Map<string, string>;
  lists: Map<string, Flag[]>;
  /** The first problem, worded as BuildKit words it; null when every flag is valid. */
  error: { message: string; flag: Flag } | null;
}

/**
 * BuildKit's `BFlags.Parse`: check an instruction's flags against the ones it accepts.
 * `--name` alone means true for a boolean flag and is an error for a string flag; only
 * list flags (`--mount`, `--exclude`) may repeat.
 */
const NO_FLAGS: ParsedFlags = Object.freeze({ bools: new Map(), strings: new Map(), lists: new Map(), error: null });

export function parseFlags(flags: readonly Flag[], accepted: Readonly<Record<string, FlagKind>>): ParsedFlags {
  // Most instructions have no flags; the shared empty result is never written to.
  if (flags.length === 0) return NO_FLAGS;
  const result: ParsedFlags = { bools: new Map(), strings: new Map(), lists: new Map(), error: null };
  const used = new Set<string>();
  for (const flag of flags) {
    if (flag.raw === '--') break;
    const kind = Object.hasOwn(accepted, flag.name) ? accepted[flag.name] : undefined;
    const fail = (message: string) => {
      result.error = { message, flag };
      return result;
    };
    if (!kind) return fail(`unknown flag: ${flag.name}`);
    if (used.has(flag.name) && kind !== 'strings') return fail(`duplicate flag specified: ${flag.name}`);
    used.add(flag.name);
    if (kind === 'bool') {
      if (flag.value === '') return fail(`missing a value on flag: ${flag.name}`);
      const lower = (flag.value ?? 'true').toLowerCase();
      if (lower !== 'true' && lower !== 'false') {
        return fail(`expecting boolean value for flag ${flag.name}, not: ${flag.value}`);
      }
      result.bools.set(flag.name, lower === 'true');
    } else {
      if (flag.value === null) return fail(`missing a value on flag: ${flag.name}`);
      if (kind === 'string') result.strings.set(flag.name, flag.value);
      else result.lists.set(flag.name, [...(result.lists.get(flag.name) ?? []), flag]);
    }
  }
  return result;
}
