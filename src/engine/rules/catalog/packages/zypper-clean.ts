import type { Rule } from '../../types.ts';
import { cmdHasArgs, commandRange, eachRunWith, firstIndex, hasCacheOrTmpfsMountWith, type HCommand } from './support.ts';

const isInstall = (c: HCommand): boolean => cmdHasArgs(c, 'zypper', ['install', 'in']);
const isClean = (c: HCommand): boolean => cmdHasArgs(c, 'zypper', ['clean', 'cc']);

export const zypperClean: Rule = {
  id: 'zypper-clean',
  title: 'Run zypper clean after zypper install, in the same RUN',
  severity: 'warning',
  category: 'size',
  aliases: { hadolint: ['DL3036'] },
  docs: {
    rationale: `\`zypper install\` leaves repository metadata and downloaded RPMs in \`/var/cache/zypp\`. Unless the same \`RUN\` cleans them, they are committed into the layer and every image carries them; cleaning in a later \`RUN\` does not shrink the earlier layer.

End the step with \`zypper clean\` (\`zypper cc\`) after the install, or keep the cache out of the image with \`RUN --mount=type=cache,target=/var/cache/zypp\`. This is hadolint's DL3036.`,
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['zypper'], (view) => {
      const install = firstIndex(view, isInstall);
      if (install < 0 || hasCacheOrTmpfsMountWith(view.run, '/var/cache/zypp')) return;
      if (firstIndex(view, isClean) > install) return;
      ctx.report({ range: commandRange(ctx, view, view.commands[install]!), message: '`zypper clean` missing after zypper use.' });
    });
  },
};
