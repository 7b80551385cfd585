import type { Rule } from '../../types.ts';
import { argTexts, cmdHasArgs, countFlag, eachRunWith, hasAnyFlag, type HCommand, insertAfter, reportCommands } from './support.ts';

/** `-y`, `--yes`, `--assume-yes`, or quiet level 2 (`-qq`, `-q -q`, `-q=2`), which implies it. */
function assumesYes(cmd: HCommand): boolean {
  return (
    hasAnyFlag(cmd, ['y', 'yes', 'qq', 'assume-yes']) ||
    countFlag(cmd, 'q') === 2 ||
    countFlag(cmd, 'quiet') === 2 ||
    argTexts(cmd).includes('-q=2')
  );
}

export const aptAssumeYes: Rule = {
  id: 'apt-assume-yes',
  title: 'Use -y with apt-get install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3014'] },
  docs: {
    rationale: `Without \`-y\`, \`apt-get install\` asks "Do you want to continue? [Y/n]" whenever it needs to install more than the packages you named, which is almost always. A build has no terminal to answer, so apt reads end-of-file and aborts: the build fails, or worse, succeeds on your machine (where the dependency happened to be present) and fails in CI.

Pass \`-y\` (\`--yes\`, \`--assume-yes\`). As in hadolint (DL3014), quiet level 2 (\`-qq\`, \`-q -q\`, \`-q=2\`) also counts, since it implies \`-y\`. The fix adds \`-y\` after \`install\`.`,
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['apt-get'], (view) => {
      const offenders = view.commands.filter((c) => cmdHasArgs(c, 'apt-get', ['install']) && !assumesYes(c));
      reportCommands(ctx, view, offenders, 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`', {
        title: 'Add -y',
        edit: (c) => insertAfter(ctx, view, c.args.find((a) => a.text === 'install')!.word, '-y'),
      });
    });
  },
};
