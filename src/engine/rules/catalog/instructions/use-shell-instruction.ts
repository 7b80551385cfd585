import type { Rule } from '../../types.ts';
import { commandRange, keywordCount, visit } from './support.ts';

export const useShellInstruction: Rule = {
  id: 'use-shell-instruction',
  title: 'Use SHELL to change the default shell, not a /bin/sh symlink',
  severity: 'warning',
  category: 'maintainability',
  aliases: { hadolint: ['DL4005'] },
  docs: {
    rationale: `\`RUN ln -sf /bin/bash /bin/sh\` swaps the system shell of the image behind everyone's back: every script in the image that starts with \`#!/bin/sh\`, and every package maintainer script run later, now runs under bash, and the Dockerfile does not say so anywhere a reader looks.

The \`SHELL\` instruction changes the shell Docker uses for the following \`RUN\`, \`CMD\` and \`ENTRYPOINT\` in shell form, and nothing else: \`SHELL ["/bin/bash", "-o", "pipefail", "-c"]\`. hadolint calls this DL4005.`,
    bad: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\nRUN source /etc/profile && make\n',
    good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN source /etc/profile && make\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'RUN') === 0) return;
    for (const { instruction } of visit(ctx, true)) {
      if (instruction.keyword !== 'RUN') continue;
      const ln = ctx.scriptOf(instruction)?.commands.find(
        (c) => (c.name === 'ln' || c.name.endsWith('/ln')) && c.args.some((a) => a.value === '/bin/sh'),
      );
      if (ln) ctx.report({ range: commandRange(ctx, instruction, ln), message: 'Use SHELL to change the default shell' });
    }
  },
};
