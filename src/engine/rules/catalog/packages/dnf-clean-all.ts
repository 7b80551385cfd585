import type { Rule } from '../../types.ts';
import { cmdHasArgs, commandRange, eachRunWith, firstIndex, hasCacheOrTmpfsMountWith, type HCommand, type RunView } from './support.ts';

const VERBS = ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'];

/** The first install of `name` that no later `name clean all` (or cache removal) follows, or null. */
function missingClean(view: RunView, name: string): HCommand | null {
  const install = firstIndex(view, (c) => cmdHasArgs(c, name, VERBS));
  if (install < 0) return null;
  const clean = firstIndex(view, (c) => cmdHasArgs(c, name, ['clean', 'all']) || cmdHasArgs(c, 'rm', ['-rf', '/var/cache/libdnf5*']));
  return clean > install ? null : view.commands[install]!;
}

export const dnfCleanAll: Rule = {
  id: 'dnf-clean-all',
  title: 'Run dnf clean all after dnf install, in the same RUN',
  severity: 'warning',
  category: 'size',
  aliases: { hadolint: ['DL3040'] },
  docs: {
    rationale: `\`dnf install\` (and \`microdnf\`) downloads repository metadata and packages into \`/var/cache/libdnf5\` (\`/var/cache/dnf\` on older releases): on Fedora the metadata alone is tens of megabytes. Unless the same \`RUN\` cleans it, it is committed into the layer and shipped in every image.

Finish the step with \`dnf clean all\` (the same tool that installed), after the install, or mount the cache with \`RUN --mount=type=cache,target=/var/cache/libdnf5\`. This is hadolint's DL3040; \`upgrade\` and \`reinstall\` count as installs too.`,
    bad: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62\n',
    good: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['dnf', 'microdnf'], (view) => {
      if (hasCacheOrTmpfsMountWith(view.run, '/var/cache/libdnf5') || hasCacheOrTmpfsMountWith(view.run, '.cache/libdnf5')) return;
      const missing = missingClean(view, 'dnf') ?? missingClean(view, 'microdnf');
      if (missing) ctx.report({ range: commandRange(ctx, view, missing), message: '`dnf clean all` missing after dnf command.' });
    });
  },
};
