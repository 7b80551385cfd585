import type { Rule } from '../../types.ts';
import { cmdHasAllArgs, cmdHasArgs, commandRange, eachRunWith, firstIndex, type HCommand } from './support.ts';

const isInstall = (c: HCommand): boolean => cmdHasArgs(c, 'yum', ['install']);
const isClean = (c: HCommand): boolean => cmdHasAllArgs(c, 'yum', ['clean', 'all']) || cmdHasAllArgs(c, 'rm', ['-rf', '/var/cache/yum/*']);

export const yumCleanAll: Rule = {
  id: 'yum-clean-all',
  title: 'Run yum clean all after yum install, in the same RUN',
  severity: 'warning',
  category: 'size',
  aliases: { hadolint: ['DL3032'] },
  docs: {
    rationale: `\`yum install\` keeps repository metadata and downloaded packages under \`/var/cache/yum\`, often tens of megabytes on CentOS/RHEL. Unless the same \`RUN\` removes them, they are committed into the layer and shipped in every image; a \`yum clean all\` in a later \`RUN\` cannot shrink the earlier layer.

Finish the step with \`yum clean all\` (or \`rm -rf /var/cache/yum/*\`), after the install. As in hadolint (DL3032), the cleanup must come after the first \`yum install\` and must be written in full: \`yum clean\` without \`all\` does not count.`,
    bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['yum'], (view) => {
      const install = firstIndex(view, isInstall);
      if (install < 0) return;
      const clean = firstIndex(view, isClean);
      if (clean > install) return;
      ctx.report({ range: commandRange(ctx, view, view.commands[install]!), message: '`yum clean all` missing after yum command.' });
    });
  },
};
