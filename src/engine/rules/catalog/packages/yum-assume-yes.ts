import type { Rule } from '../../types.ts';
import { cmdHasArgs, eachRunWith, hasAnyFlag, insertAfter, reportCommands } from './support.ts';

const VERBS = ['install', 'groupinstall', 'localinstall'];

export const yumAssumeYes: Rule = {
  id: 'yum-assume-yes',
  title: 'Use -y with yum install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3030'] },
  docs: {
    rationale: `Without \`-y\`, \`yum install\` stops at "Is this ok [y/N]:". A build has no terminal to answer, so yum reads end-of-file, treats it as "no", and exits with an error: the build fails at that step.

Pass \`-y\` (\`--assumeyes\`) to every \`yum install\`, \`groupinstall\` and \`localinstall\`. This is hadolint's DL3030; the fix adds \`-y\` after the subcommand.`,
    bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['yum'], (view) => {
      const offenders = view.commands.filter((c) => cmdHasArgs(c, 'yum', VERBS) && !hasAnyFlag(c, ['y', 'assumeyes']));
      reportCommands(ctx, view, offenders, 'Use the -y switch to avoid manual input `yum install -y <package>`', {
        title: 'Add -y',
        edit: (c) => insertAfter(ctx, view, c.args.find((a) => VERBS.includes(a.text))!.word, '-y'),
      });
    });
  },
};
