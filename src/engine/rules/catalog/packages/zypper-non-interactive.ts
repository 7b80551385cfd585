import type { Rule } from '../../types.ts';
import { cmdHasArgs, eachRunWith, hasAnyFlag, insertAfter, reportCommands } from './support.ts';

const VERBS = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];
/** The subcommands that take `-y` (`--no-confirm`); for the others no fix is offered. */
const FIXABLE = ['install', 'in', 'remove', 'rm', 'patch'];

export const zypperNonInteractive: Rule = {
  id: 'zypper-non-interactive',
  title: 'Use -y (or --non-interactive) with zypper install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3034'] },
  docs: {
    rationale: `\`zypper install\`, \`remove\`, \`source-install\` and \`patch\` ask for confirmation ("Continue? [y/n/v/...? shows all options] (y):"). With no terminal in a build, zypper aborts and the step fails.

Answer up front: \`zypper install -y\` (\`--no-confirm\`), or the global \`zypper --non-interactive\` (\`-n\`). This is hadolint's DL3034; the fix adds \`-y\` after the subcommand.`,
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58 && zypper clean\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['zypper'], (view) => {
      const offenders = view.commands.filter(
        (c) => cmdHasArgs(c, 'zypper', VERBS) && !hasAnyFlag(c, ['non-interactive', 'n', 'no-confirm', 'y']),
      );
      reportCommands(ctx, view, offenders, 'Non-interactive switch missing from `zypper` command: `zypper install -y`', {
        title: 'Add -y',
        edit: (c) => {
          const verb = c.args.find((a) => VERBS.includes(a.text))!;
          return FIXABLE.includes(verb.text) ? insertAfter(ctx, view, verb.word, '-y') : null;
        },
      });
    });
  },
};
