import type { Rule } from '../../types.ts';
import { cmdHasArgs, commandRange, eachRunWith } from './support.ts';

export const noZypperDistUpgrade: Rule = {
  id: 'no-zypper-dist-upgrade',
  title: 'Do not use zypper dist-upgrade',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3035'] },
  docs: {
    rationale: `\`zypper dist-upgrade\` (\`dup\`) upgrades the whole distribution to whatever the repositories offer now, possibly to a new release, with vendor changes and package removals. The result depends on the day of the build, can be hundreds of megabytes of new layer, and may no longer match the base image you chose.

Pick a newer base image instead, and install or update only the packages you need, with versions. This is hadolint's DL3035.`,
    bad: 'FROM opensuse/leap:15.6\nRUN zypper dist-upgrade -y\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['zypper'], (view) => {
      const cmd = view.commands.find((c) => cmdHasArgs(c, 'zypper', ['dist-upgrade', 'dup']));
      if (cmd) ctx.report({ range: commandRange(ctx, view, cmd), message: 'Do not use `zypper dist-upgrade`.' });
    });
  },
};
