import type { CmdInstruction, HealthcheckInstruction, Instruction } from '../../../parse/types.ts';
import type { AliasTool, Rule, RuleContext } from '../../types.ts';
import { keywordCount } from '../instructions/support.ts';
import { triggerRange, triggerSteps } from './onbuild.ts';
import { beforeFirstFrom, reportAt } from './support.ts';

export const jsonArgsRecommended: Rule = {
  id: 'json-args-recommended',
  title: 'Use the JSON (exec) form for CMD and ENTRYPOINT',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3025'], buildkit: 'JSONArgsRecommended' },
  docs: {
    rationale: `In shell form, \`CMD node server.js\` runs as \`/bin/sh -c "node server.js"\`: the shell is PID 1, and it does not pass SIGTERM on to your process. \`docker stop\` then waits its full timeout (10 seconds) and kills the container, with no chance to close connections or finish requests. The exec form \`CMD ["node", "server.js"]\` starts your process directly, so it receives signals.

Docker's build checks call this *JSONArgsRecommended*; hadolint calls it DL3025, and also checks \`HEALTHCHECK CMD\`, as this rule does (those findings answer to DL3025 alone). BuildKit stays quiet when the stage sets a \`SHELL\` explicitly, since the shell form is then intended; hadolint does not, so such findings answer to DL3025 alone.`,
    bad: 'FROM node:22-slim\nCOPY server.js .\nCMD node server.js\n',
    good: 'FROM node:22-slim\nCOPY server.js .\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'CMD') === 0 && keywordCount(ctx, 'ENTRYPOINT') === 0 && keywordCount(ctx, 'HEALTHCHECK') === 0) return;
    // hadolint checks instructions before the first FROM too (BuildKit fails the build there).
    for (const instruction of beforeFirstFrom(ctx)) checkInstruction(ctx, instruction, 'hadolint');
    for (const stage of ctx.resolved.stages) {
      // BuildKit skips the check once SHELL is used, in the stage or a stage it builds on:
      // the shell form is then deliberate.
      let customShell = false;
      for (let base = stage.baseStage; base !== null; base = ctx.resolved.stages[base]!.baseStage) {
        if (ctx.resolved.stages[base]!.steps.some((s) => s.instruction.keyword === 'SHELL')) customShell = true;
        if (base === ctx.resolved.stages[base]!.baseStage) break;
      }
      // The ONBUILD triggers of the stage this one builds on run first, located at its FROM
      // (hadolint does not look inside ONBUILD).
      for (const { instruction: t } of triggerSteps(ctx, stage)) {
        if (t.keyword === 'SHELL') customShell = true;
        if (customShell || (t.keyword !== 'CMD' && t.keyword !== 'ENTRYPOINT') || t.form !== 'shell') continue;
        ctx.report({ only: 'buildkit', range: triggerRange(stage), message: message(t.keywordText) });
      }
      for (const step of stage.steps) {
        if (step.instruction.keyword === 'SHELL') customShell = true;
        // hadolint has no such exception.
        checkInstruction(ctx, step.instruction, customShell ? 'hadolint' : undefined);
      }
    }
  },
};

function message(keyword: string): string {
  return `JSON arguments recommended for ${keyword} to prevent unintended behavior related to OS signals`;
}

/**
 * Reports a shell-form CMD, ENTRYPOINT or HEALTHCHECK CMD. The last is hadolint's alone (DL3025
 * covers it, BuildKit's check does not), and so is anything `only` says.
 */
function checkInstruction(ctx: RuleContext, instruction: Instruction, only?: AliasTool): void {
  const keyword = instruction.keyword;
  if (keyword !== 'CMD' && keyword !== 'ENTRYPOINT' && !(keyword === 'HEALTHCHECK' && instruction.type === 'CMD')) return;
  if (instruction.form !== 'shell') return;
  const command = (instruction as CmdInstruction | HealthcheckInstruction).command[0] ?? '';
  const words = splitSimple(command);
  // HEALTHCHECK's first argument is the word CMD; the command follows it.
  const arg = instruction.args[keyword === 'HEALTHCHECK' ? 1 : 0];
  const tool = keyword === 'HEALTHCHECK' ? 'hadolint' : only;
  reportAt(ctx, 'JSONArgsRecommended', instruction, {
    ...(tool ? { only: tool } : {}),
    range: arg ? arg.range : instruction.range,
    // BuildKit names the instruction as written (`c.Name()`: `cmd`, `Entrypoint`).
    message: message(instruction.keywordText),
    ...(words && arg && arg.range.start.line === arg.range.end.line
      ? { fix: { title: 'Rewrite in exec form', edits: [{ range: arg.range, text: JSON.stringify(words).replace(/","/g, '", "') }] } }
      : {}),
  });
}

/**
 * The words of a command that has no shell syntax at all (no quotes, variables, operators or
 * globs), so rewriting it in exec form cannot change what it does. Otherwise null.
 */
function splitSimple(command: string): string[] | null {
  if (/[^A-Za-z0-9_\-./:=,@+% \t]/.test(command)) return null;
  const words = command.trim().split(/[ \t]+/);
  return words.length > 0 && words[0] !== '' ? words : null;
}
