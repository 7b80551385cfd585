import type { Rule } from '../../types.ts';
import { commandRange, eachRunWith } from './support.ts';

export const noSudo: Rule = {
  id: 'no-sudo',
  title: 'Do not use sudo in RUN',
  severity: 'error',
  category: 'security',
  aliases: { hadolint: ['DL3004'] },
  docs: {
    rationale: `Build steps already run as the current \`USER\`, which is root unless you changed it. \`sudo\` adds nothing there except a dependency (it is not installed in most base images), a TTY and password prompt that can hang the build, and environment handling (\`env_reset\`, \`secure_path\`) that silently drops variables such as \`PATH\` or proxy settings.

If a step needs root after a \`USER app\`, switch with \`USER root\` for that step and back afterwards; to drop privileges at runtime use \`gosu\` or \`su-exec\` in the entrypoint. hadolint calls this DL3004.`,
    bad: 'FROM debian:12-slim\nUSER app\nRUN sudo apt-get update\n',
    good: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER app\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['sudo'], (view) => {
      const cmd = view.commands.find((c) => c.name === 'sudo');
      if (!cmd) return;
      ctx.report({
        range: commandRange(ctx, view, cmd),
        message: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
      });
    });
  },
};
