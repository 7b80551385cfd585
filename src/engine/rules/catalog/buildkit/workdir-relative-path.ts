import type { Instruction, SingleValueInstruction } from '../../../parse/types.ts';
import { expandedField } from '../../../stages/index.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { baseChain, goQuote, reportAt } from './support.ts';

const CHECK = 'WorkdirRelativePath';

/** `C:\app`, `C:/app`, `C:`: absolute on a Windows builder (hadolint accepts them too). */
function isWindowsAbsolute(path: string): boolean {
  return /^[A-Za-z]:/.test(path);
}

function dropQuotes(text: string): string {
  const m = /^"(.*)"$/s.exec(text) ?? /^'(.*)'$/s.exec(text);
  return m ? m[1]! : text;
}

function report(ctx: RuleContext, instruction: Instruction, path: string): void {
  reportAt(ctx, CHECK, instruction, {
    range: instruction.args[0]?.range ?? instruction.range,
    message: `Relative workdir ${goQuote(path)} can have unexpected results if the base image changes`,
  });
}

export const workdirRelativePath: Rule = {
  id: 'workdir-relative-path',
  title: 'Set an absolute WORKDIR before using relative ones',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3000'], buildkit: CHECK },
  docs: {
    rationale: `A relative \`WORKDIR app\` is resolved against the working directory the base image happens to set. With \`node:22\` that is \`/\`, so files land in \`/app\`; switch to an image whose config sets \`WorkingDir: /usr/src\` and they land in \`/usr/src/app\`, and every \`COPY\`, \`RUN\` and \`CMD\` that assumed \`/app\` breaks. An absolute path means the same thing on any base.

Docker's build checks call this *WorkdirRelativePath*; hadolint's DL3000 asks for the same thing. Like BuildKit, this rule checks the path after variable expansion and only the first WORKDIR of a stage (or of the stages it builds on): once an absolute directory is set, relative ones are well defined. A WORKDIR whose value uses an undefined variable is left to *UndefinedVar*, and \`C:\\\\...\` paths count as absolute (a Windows base). A WORKDIR before the first FROM is checked as written, as hadolint does.`,
    bad: 'FROM node:22-slim\nWORKDIR app\nCOPY . .\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n',
  },
  check(ctx) {
    // Before the first FROM there is no stage: check the text itself, as hadolint does.
    for (const instruction of ctx.parsed.instructions) {
      if (instruction.keyword === 'FROM') break;
      if (instruction.keyword !== 'WORKDIR') continue;
      const path = dropQuotes((instruction as SingleValueInstruction).value);
      if (path.startsWith('$') || path.startsWith('/') || isWindowsAbsolute(path)) continue;
      report(ctx, instruction, path);
    }
    for (const stage of ctx.resolved.stages) {
      // A WORKDIR in a stage this one builds on counts as set (BuildKit copies the flag).
      let set = baseChain(ctx.resolved, stage).some((s) => s.steps.some((st) => st.instruction.keyword === 'WORKDIR'));
      for (const step of stage.steps) {
        if (step.instruction.keyword !== 'WORKDIR') continue;
        const wasSet = set;
        set = true;
        if (wasSet) continue;
        const word = expandedField(step, 'workdir');
        if (!word || word.error || word.unmatched.length > 0) continue;
        const path = word.value;
        if (path.startsWith('/') || isWindowsAbsolute(path)) continue;
        report(ctx, step.instruction, path);
      }
    }
  },
};
