import { goToLower, goToUpper } from '../../../parse/go-text.ts';
import type { Rule } from '../../types.ts';
import { isGoLower, isGoUpper } from './support.ts';

export const consistentInstructionCasing: Rule = {
  id: 'consistent-instruction-casing',
  title: 'Write all instructions in the same case',
  severity: 'warning',
  category: 'maintainability',
  aliases: { buildkit: 'ConsistentInstructionCasing' },
  // BuildKit runs it in validateCommandCasing, once the instruction parser has read the file.
  buildkitRunsIn: 'validation',
  docs: {
    rationale: `Instruction keywords are case-insensitive, so \`run\`, \`RUN\` and \`Run\` all work. A file that mixes them is harder to scan: the eye looks for the uppercase keywords at the start of each line to see the structure of the build.

Docker's build checks call this *ConsistentInstructionCasing*. Like BuildKit, this rule counts the instructions of the stages that are all-lowercase or all-uppercase, takes the majority (uppercase on a tie), and flags every instruction that differs, including mixed-case ones like \`From\`. ARGs before the first FROM are not counted. The fix rewrites the keyword in the majority's case.`,
    bad: 'FROM alpine:3.20\nrun apk add --no-cache curl\nCOPY app /app\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCOPY app /app\n',
  },
  check(ctx) {
    // The instructions of the stages (from the first FROM), less those of no known keyword.
    const instructions = ctx.parsed.instructions;
    const first = instructions.findIndex((i) => i.keyword === 'FROM');
    if (first < 0) return;
    let counted = 0;
    let lower = 0;
    let upper = 0;
    for (let k = first; k < instructions.length; k++) {
      const instruction = instructions[k]!;
      if (instruction.keyword === 'UNKNOWN') continue;
      counted++;
      const name = instruction.keywordText;
      if (isGoLower(name)) lower++;
      else if (isGoUpper(name)) upper++;
    }
    const majorityLower = lower > upper;
    // Most files write every keyword in one case: nothing differs from the majority.
    if ((majorityLower ? lower : upper) === counted) return;
    const casing = majorityLower ? 'lowercase' : 'uppercase';
    for (let k = first; k < instructions.length; k++) {
      const instruction = instructions[k]!;
      if (instruction.keyword === 'UNKNOWN') continue;
      const name = instruction.keywordText;
      if (majorityLower ? isGoLower(name) : isGoUpper(name)) continue;
      const wanted = majorityLower ? goToLower(name) : goToUpper(name);
      ctx.report({
        range: instruction.keywordRange,
        message: `Command '${name}' should match the case of the command majority (${casing})`,
        fix: { title: `Write '${wanted}'`, edits: [{ range: instruction.keywordRange, text: wanted }] },
      });
    }
  },
};
