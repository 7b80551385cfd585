import type { Rule } from '../../types.ts';
import { cmdHasArgs, eachRunWith, hasArg, hasFlag, insertAfter, reportCommands } from './support.ts';

export const aptNoInstallRecommends: Rule = {
  id: 'apt-no-install-recommends',
  title: 'Use --no-install-recommends with apt-get install',
  severity: 'info',
  category: 'size',
  aliases: { hadolint: ['DL3015'] },
  docs: {
    rationale: `By default apt installs a package's *Recommends* as well as its *Depends*: documentation, optional helpers, whole toolchains. On Debian, \`apt-get install git\` also brings \`less\`, \`patch\` and an SSH client, and \`build-essential\` or \`imagemagick\` pull in dozens of extra packages through their recommends. None of it is needed to run your application, and every extra package is more attack surface and more CVEs to triage.

Add \`--no-install-recommends\` and name the few extras you really need. hadolint (DL3015) also accepts \`-o APT::Install-Recommends=false\`. The fix adds the flag after \`install\`.`,
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y git=1:2.39.5-0+deb12u1 \\\n && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u1 \\\n && rm -rf /var/lib/apt/lists/*\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['apt-get'], (view) => {
      const offenders = view.commands.filter(
        (c) => cmdHasArgs(c, 'apt-get', ['install']) && !hasFlag(c, 'no-install-recommends') && !hasArg(c, 'APT::Install-Recommends=false'),
      );
      reportCommands(ctx, view, offenders, 'Avoid additional packages by specifying `--no-install-recommends`', {
        title: 'Add --no-install-recommends',
        edit: (c) => insertAfter(ctx, view, c.args.find((a) => a.text === 'install')!.word, '--no-install-recommends'),
      });
    });
  },
};
