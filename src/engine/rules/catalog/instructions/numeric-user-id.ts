import type { Rule } from '../../types.ts';
import type { Stage } from '../../../stages/types.ts';
import type { RuleContext } from '../../types.ts';
import { type Visited, baseChain, expanded, hasVariable, isWindowsImage, keywordCount, visit } from './support.ts';

/** Windows images have no numeric user IDs: users are names (`ContainerUser`). */
function isWindows(ctx: RuleContext, stage: Stage): boolean {
  const root = baseChain(ctx.resolved, stage).at(-1) ?? stage;
  return isWindowsImage(root.base.value);
}

export const numericUserId: Rule = {
  id: 'numeric-user-id',
  title: 'Use a numeric user ID in USER',
  severity: 'info',
  category: 'security',
  aliases: { hadolint: ['DL3066'] },
  docs: {
    rationale: `\`USER app\` is resolved to a UID inside the container, from its \`/etc/passwd\`. Anything outside the container only sees the name: Kubernetes' \`runAsNonRoot\` cannot verify that \`app\` is not root and refuses to start the pod, and a volume's file ownership on the host cannot be matched against a name the host does not know.

Write the numeric ID (\`USER 10001\` or \`USER 10001:10001\`), creating the user with that ID if the application needs a name. Like hadolint (DL3066), only the last \`USER\` of the final stage is checked (a build stage may well use a name, and so may a \`USER root\` before an install); a user given by a variable is checked after expansion when its value is known, and Windows images (which have no numeric IDs) are not checked.`,
    bad: 'FROM node:22-slim\nUSER node\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nUSER 1000:1000\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'USER') === 0) return;
    const nonNumeric = ({ instruction, step, stage }: Visited): boolean => {
      if (instruction.keyword !== 'USER' || (stage && isWindows(ctx, stage))) return false;
      let user = instruction.value;
      if (hasVariable(user)) {
        const e = expanded(step, 'user');
        if (!e?.known) return false;
        user = e.value;
      }
      return !/^\d*$/.test(user.split(':')[0]!);
    };
    const report = ({ instruction }: Visited) =>
      ctx.report({ range: instruction.args[0]?.range ?? instruction.range, message: 'Non-numeric user-id may not be resolvable by host system' });
    // hadolint (PR #1239) only checks the last USER of the final stage: build stages and
    // earlier USERs may legitimately use names (root for installs). ONBUILD USER triggers are
    // checked on their own, as they set the user of the images built on this one.
    let last: Visited | null = null;
    for (const visited of visit(ctx, true)) {
      const { instruction, onbuild } = visited;
      if (onbuild) {
        if (nonNumeric(visited)) report(visited);
      } else if (instruction.keyword === 'FROM') last = null;
      else if (instruction.keyword === 'USER') last = visited;
    }
    if (last && nonNumeric(last)) report(last);
  },
};
