import type { Rule } from '../../types.ts';
import { commandRange, eachRunWith } from './support.ts';

export const useAptGetNotApt: Rule = {
  id: 'use-apt-get-not-apt',
  title: 'Use apt-get or apt-cache instead of apt',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3027'] },
  docs: {
    rationale: `\`apt\` is the interactive front end for people at a terminal. Its output and behaviour are not a stable interface: it prints "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.", shows progress bars meant for a TTY, and its defaults may change between releases (\`apt upgrade\`, for instance, installs new dependencies where \`apt-get upgrade\` does not).

In a Dockerfile use \`apt-get\` (install, update, remove) and \`apt-cache\` (search, show), whose behaviour is meant for scripts. This is hadolint's DL3027.`,
    bad: 'FROM debian:12-slim\nRUN apt update && apt install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['apt'], (view) => {
      const cmd = view.commands.find((c) => c.name === 'apt');
      if (!cmd) return;
      ctx.report({
        range: commandRange(ctx, view, cmd),
        message: 'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead',
      });
    });
  },
};
