import { goQuote, goQuoteList, goToLower, goTrimSpace } from './go-text.ts';
import type { Instruction, ParseResult } from './types.ts';

/**
 * BuildKit's `Node.Dump`: `(keyword ["--flag"] "arg" ...)`, the format of the `result` files
 * in BuildKit's parser tests. It shows the syntax tree only: no variable expansion, no heredoc
 * bodies.
 */
export function dumpInstruction(instruction: Instruction): string {
  let out = goToLower(instruction.keywordText);
  if (instruction.flags.length > 0) out += ' ' + goQuoteList(instruction.flags.map((f) => f.raw));
  if (instruction.keyword === 'ONBUILD' && instruction.trigger) {
    out += ` (${dumpInstruction(instruction.trigger)})`;
  }
  for (const arg of instruction.args) out += ' ' + goQuote(arg.value);
  return goTrimSpace(out);
}

export function dumpBuildKit(result: Pick<ParseResult, 'instructions'>): string {
  return result.instructions.map((i) => `(${dumpInstruction(i)})\n`).join('');
}
