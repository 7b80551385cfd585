import type { Rule } from '../../types.ts';
import { argsNoFlags, cmdHasArgs, eachRunWith, wordRange } from './support.ts';

function pinned(p: string): boolean {
  return ['=', '>=', '>', '<=', '<'].some((s) => p.includes(s)) || p.endsWith('.rpm');
}

export const zypperPinVersions: Rule = {
  id: 'zypper-pin-versions',
  title: 'Pin package versions in zypper install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3037'] },
  docs: {
    rationale: `\`zypper install -y httpd\` installs the newest version in the repositories at build time, so two builds of the same Dockerfile can differ, and a rebuild can pull in an update you did not review.

Give a version or a range: \`httpd=2.4.58\`, \`'httpd>=2.4'\` (quote or escape \`<\` and \`>\` so the shell does not read a redirection), or install an \`.rpm\` file. This is hadolint's DL3037.`,
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper clean\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['zypper'], (view) => {
      for (const cmd of view.commands) {
        if (!cmdHasArgs(cmd, 'zypper', ['install', 'in'])) continue;
        const loose = argsNoFlags(cmd).find((a) => a.text !== 'install' && a.text !== 'in' && !pinned(a.text));
        if (!loose) continue;
        ctx.report({ range: wordRange(ctx, view, loose.word), message: 'Specify version with `zypper install -y <package>=<version>`.' });
        return;
      }
    });
  },
};
