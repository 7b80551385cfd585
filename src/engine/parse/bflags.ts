import { goToLower } from './go-text.ts';
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
const NONE_BOOL: Map<string, boolean> = new Map();
const NONE_STRING: Map<string, string> = new Map();
const NONE_LIST: Map<string, Flag[]> = new Map();
const NO_FLAGS: ParsedFlags = Object.freeze({ bools: NONE_BOOL, strings: NONE_STRING, lists: NONE_LIST, error: null });

export function parseFlags(flags: readonly Flag[], accepted: Readonly<Record<string, FlagKind>>): ParsedFlags {
  // Most instructions have no flags, and the rest one or two: the shared empty maps (never
  // written to) stand in until a flag of that kind is seen.
  if (flags.length === 0) return NO_FLAGS;
  const result: ParsedFlags = { bools: NONE_BOOL, strings: NONE_STRING, lists: NONE_LIST, error: null };
  for (const flag of flags) {
    if (flag.raw === '--') break;
    const kind = Object.hasOwn(accepted, flag.name) ? accepted[flag.name] : undefined;
    const fail = (message: string) => {
      result.error = { message, flag };
      return result;
    };
    if (!kind) return fail(`unknown flag: ${flag.name}`);
    const used = result.bools.has(flag.name) || result.strings.has(flag.name) || result.lists.has(flag.name);
    if (used && kind !== 'strings') return fail(`duplicate flag specified: ${flag.name}`);
    if (kind === 'bool') {
      if (flag.value === '') return fail(`missing a value on flag: ${flag.name}`);
      const lower = goToLower(flag.value ?? 'true');
      if (lower !== 'true' && lower !== 'false') {
        return fail(`expecting boolean value for flag ${flag.name}, not: ${flag.value}`);
      }
      if (result.bools === NONE_BOOL) result.bools = new Map();
      result.bools.set(flag.name, lower === 'true');
    } else {
      if (flag.value === null) return fail(`missing a value on flag: ${flag.name}`);
      if (kind === 'string') {
        if (result.strings === NONE_STRING) result.strings = new Map();
        result.strings.set(flag.name, flag.value);
      } else {
        if (result.lists === NONE_LIST) result.lists = new Map();
        const list = result.lists.get(flag.name);
        if (list) list.push(flag);
        else result.lists.set(flag.name, [flag]);
      }
    }
  }
  return result;
}
