import type { Rule } from '../../types.ts';
import { cmdHasArgs, eachRunWith, hasAnyFlag, insertAfter, reportCommands } from './support.ts';

const VERBS = ['install', 'groupinstall', 'localinstall'];

export const dnfAssumeYes: Rule = {
  id: 'dnf-assume-yes',
  title: 'Use -y with dnf install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3038'] },
  docs: {
    rationale: `Without \`-y\`, \`dnf install\` (and \`microdnf install\`) asks "Is this ok [y/N]:" before installing. A build has no terminal, so the answer is end-of-file, which dnf takes as "no": the step fails with "Operation aborted".

Pass \`-y\` (\`--assumeyes\`) to every \`install\`, \`groupinstall\` and \`localinstall\`. This is hadolint's DL3038; the fix adds \`-y\` after the subcommand.`,
    bad: 'FROM fedora:41\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
    good: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['dnf', 'microdnf'], (view) => {
      const offenders = view.commands.filter((c) => cmdHasArgs(c, ['dnf', 'microdnf'], VERBS) && !hasAnyFlag(c, ['y', 'assumeyes']));
      reportCommands(ctx, view, offenders, 'Use the -y switch to avoid manual input `dnf install -y <package>`', {
        title: 'Add -y',
        edit: (c) => insertAfter(ctx, view, c.args.find((a) => VERBS.includes(a.text))!.word, '-y'),
      });
    });
  },
};
