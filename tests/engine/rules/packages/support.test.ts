/**
 * argsNoFlags reads the arguments in one pass; hadolint defines it over the list of flags
 * (`getArgsNoFlags` after `dropFlagArg`). This test holds the one to the other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsNoFlags, type HArg, type HCommand, type HFlag } from '../../../../src/engine/rules/catalog/packages/support.ts';
import { parseShellScript } from '../../../../src/engine/script/index.ts';

/** hadolint's `getAllFlags`. */
function allFlags(args: HArg[]): HFlag[] {
  const flags: HFlag[] = [];
  args.forEach((a, arg) => {
    const t = a.text;
    if (t === '-' || t === '--') return;
    if (t.startsWith('--')) flags.push({ name: t.slice(2).split('=')[0]!, arg });
    else if (t.startsWith('-')) for (const ch of t.slice(1)) flags.push({ name: ch, arg });
  });
  return flags;
}

function byDefinition(c: HCommand, dropValuesOf: readonly string[]): HArg[] {
  const flagArgs = new Set(c.flags.map((f) => f.arg));
  const dropped = new Set<number>();
  for (const f of c.flags) {
    if (!dropValuesOf.includes(f.name) || c.args[f.arg]!.text.includes('=')) continue;
    if (f.arg + 1 < c.args.length) dropped.add(f.arg + 1);
  }
  return c.args.filter((_, i) => !flagArgs.has(i) && !dropped.has(i));
}

function command(texts: string[]): HCommand {
  const source = parseShellScript('x').commands[0]!;
  const args = texts.map((text) => ({ text, word: source.nameWord }));
  return { name: 'x', args, flags: allFlags(args), source };
}

describe('argsNoFlags', () => {
  it('keeps what getArgsNoFlags keeps (`--` is no flag to hadolint)', () => {
    const cmd = command(['install', '-t', 'bookworm-backports', '--target-release=x', 'curl', '--', 'vim']);
    expect(argsNoFlags(cmd, ['t', 'target-release']).map((a) => a.text)).toEqual(['install', 'curl', '--', 'vim']);
  });

  it('agrees with its definition over the flags list', () => {
    const part = fc.constantFrom('-', '--', 't', 'x', '=', 'target', 'é', '\ud83d\ude00', 'curl');
    const word = fc.array(part, { maxLength: 4 }).map((parts) => parts.join(''));
    const names = fc.array(fc.constantFrom('t', 'x', 'target', '-', 'é', '\ud83d\ude00', ''), { maxLength: 3 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), names, (texts, drop) => {
        const cmd = command(texts);
        expect(argsNoFlags(cmd, drop).map((a) => a.text)).toEqual(byDefinition(cmd, drop).map((a) => a.text));
      }),
      { numRuns: 20_000 },
    );
  });
});
