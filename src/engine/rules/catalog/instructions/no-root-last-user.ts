import type { Range } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
import { expanded, hasVariable, keywordCount } from './support.ts';

/** hadolint's test: `root`, `0`, or either followed by `:group`. */
function isRoot(user: string): boolean {
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

export const noRootLastUser: Rule = {
  id: 'no-root-last-user',
  title: 'Do not leave root as the last USER of a stage',
  severity: 'warning',
  category: 'security',
  aliases: { hadolint: ['DL3002'] },
  docs: {
    rationale: `The last \`USER\` of a stage is the user its container runs as. Root in a container is root on the host's kernel: a bug in your app or one of its dependencies that lets an attacker run code gives them the rights to every file in the container, to install tools, and a far shorter way out through any kernel or runtime flaw.

Switching to root for an install step is fine; switch back to an unprivileged user (\`USER node\`, \`USER 10001\`) before the stage ends. Like hadolint (DL3002), the rule looks at every stage, not only the final one.`,
    bad: 'FROM node:22-slim\nUSER root\nRUN npm install -g pnpm\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nUSER root\nRUN npm install -g pnpm\nUSER node\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'USER', false) === 0) return;
    for (const stage of ctx.resolved.stages) {
      let last: { range: Range; root: boolean } | null = null;
      for (const step of stage.steps) {
        const instruction = step.instruction;
        if (instruction.keyword !== 'USER') continue;
        let user = instruction.value;
        if (hasVariable(user)) {
          const e = expanded(step, 'user');
          if (e?.known) user = e.value;
        }
        last = { range: instruction.args[0]?.range ?? instruction.range, root: isRoot(user) };
      }
      if (last?.root) ctx.report({ range: last.range, message: 'Last USER should not be root.' });
    }
  },
};
