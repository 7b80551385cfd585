/**
 * The flag queries compare arguments in place, without spelling out `-n` or `--name=` for each
 * one. These tests hold them to their plain definitions on seeded random argument lists.
 */
import { describe, expect, it } from 'vitest';
import { flagsOf, flagValue, goFlag, hasFlag } from '../../../src/engine/script/query.ts';
import type { ShellCommand } from '../../../src/engine/script/types.ts';

function plainFlagValue(command: ShellCommand, ...names: string[]): string | null {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '--') break;
    for (const name of names) {
      const dashed = name.length === 1 ? `-${name}` : `--${name}`;
      if (v === dashed) return args[i + 1]?.value ?? '';
      if (name.length > 1 && v.startsWith(`${dashed}=`)) return v.slice(dashed.length + 1);
      if (name.length === 1 && v.startsWith(dashed) && !v.startsWith('--')) return v.slice(2);
    }
  }
  return null;
}

function plainGoFlag(command: ShellCommand, name: string, takesValue = true): string | null {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '--') break;
    for (const dashed of [`-${name}`, `--${name}`]) {
      if (v === dashed) return takesValue ? (args[i + 1]?.value ?? '') : '';
      if (v.startsWith(`${dashed}=`)) return v.slice(dashed.length + 1);
    }
  }
  return null;
}

const plainHasFlag = (command: ShellCommand, ...names: string[]) => flagsOf(command).some((f) => names.includes(f.name));

function commandOf(values: string[]): ShellCommand {
  const word = (value: string) => ({ value, raw: value, start: 0, end: 0, dynamic: false });
  return { name: 'x', program: 'x', nameWord: word('x'), args: values.map(word), assignments: [], redirects: [], connector: 'start', start: 0, end: 0, depth: 0 };
}

describe('flag queries', () => {
  const PARTS = ['-', '--', 'n', 'name', '=', 'x', 'o', 'ldflags', '-n', '--name', 'v', 'é'];
  const NAMES = ['n', 'name', '-', '', 'o', 'ldflags', 'x', '-n', 'v', 'é'];
  let seed = 2026;
  const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * n);
  const word = () => Array.from({ length: random(4) }, () => PARTS[random(PARTS.length)]).join('');

  it('agree with their plain definitions on 40,000 random argument lists', () => {
    for (let t = 0; t < 40_000; t++) {
      const command = commandOf(Array.from({ length: random(5) }, word));
      const names = Array.from({ length: 1 + random(2) }, () => NAMES[random(NAMES.length)]!);
      const context = JSON.stringify([command.args.map((a) => a.value), names]);
      expect(flagValue(command, ...names), context).toBe(plainFlagValue(command, ...names));
      expect(goFlag(command, names[0]!, t % 2 === 0), context).toBe(plainGoFlag(command, names[0]!, t % 2 === 0));
      expect(hasFlag(command, ...names), context).toBe(plainHasFlag(command, ...names));
    }
  });

  it('read the usual spellings', () => {
    const cmd = commandOf(['-o', 'out', '--target=x86', '-ldflags=-s -w', '-vq']);
    expect(flagValue(cmd, 'o')).toBe('out');
    expect(flagValue(cmd, 'target')).toBe('x86');
    expect(goFlag(cmd, 'ldflags')).toBe('-s -w');
    expect(hasFlag(cmd, 'q')).toBe(true);
    expect(hasFlag(cmd, 'target')).toBe(true);
    expect(hasFlag(cmd, 'z')).toBe(false);
  });
});
