import type { CmdInstruction } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
import { reportAt } from './support.ts';

export const jsonArgsRecommended: Rule = {
  id: 'json-args-recommended',
  title: 'Use the JSON (exec) form for CMD and ENTRYPOINT',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3025'], buildkit: 'JSONArgsRecommended' },
  docs: {
    rationale: `In shell form, \`CMD node server.js\` runs as \`/bin/sh -c "node server.js"\`: the shell is PID 1, and it does not pass SIGTERM on to your process. \`docker stop\` then waits its full timeout (10 seconds) and kills the container, with no chance to close connections or finish requests. The exec form \`CMD ["node", "server.js"]\` starts your process directly, so it receives signals.

Docker's build checks call this *JSONArgsRecommended*; hadolint calls it DL3025. Like BuildKit, this rule stays quiet when the stage sets a \`SHELL\` explicitly, since the shell form is then intended.`,
    bad: 'FROM node:22-slim\nCOPY server.js .\nCMD node server.js\n',
    good: 'FROM node:22-slim\nCOPY server.js .\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    for (const stage of ctx.resolved.stages) {
      // BuildKit skips the check once SHELL is used, in the stage or a stage it builds on:
      // the shell form is then deliberate.
      let customShell = false;
      for (let base = stage.baseStage; base !== null; base = ctx.resolved.stages[base]!.baseStage) {
        if (ctx.resolved.stages[base]!.steps.some((s) => s.instruction.keyword === 'SHELL')) customShell = true;
        if (base === ctx.resolved.stages[base]!.baseStage) break;
      }
      for (const step of stage.steps) {
        const instruction = step.instruction;
        if (instruction.keyword === 'SHELL') customShell = true;
        if (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') continue;
        if (instruction.form !== 'shell' || customShell) continue;
        const command = (instruction as CmdInstruction).command[0] ?? '';
        const words = splitSimple(command);
        const arg = instruction.args[0];
        reportAt(ctx, 'JSONArgsRecommended', instruction, {
          range: arg ? arg.range : instruction.range,
          message: `JSON arguments recommended for ${instruction.keyword} to prevent unintended behavior related to OS signals`,
          ...(words && arg && arg.range.start.line === arg.range.end.line
            ? { fix: { title: 'Rewrite in exec form', edits: [{ range: arg.range, text: JSON.stringify(words).replace(/","/g, '", "') }] } }
            : {}),
        });
      }
    }
  },
};

/**
 * The words of a command that has no shell syntax at all (no quotes, variables, operators or
 * globs), so rewriting it in exec form cannot change what it does. Otherwise null.
 */
function splitSimple(command: string): string[] | null {
  if (/[^A-Za-z0-9_\-./:=,@+% \t]/.test(command)) return null;
  const words = command.trim().split(/[ \t]+/);
  return words.length > 0 && words[0] !== '' ? words : null;
}
