import type { Rule } from '../../types.ts';
import { eachRunWith, flagArgs, hasAnyFlag, insertAfter, reportCommands } from './support.ts';

export const useraddNoLogInit: Rule = {
  id: 'useradd-no-log-init',
  title: 'Use useradd -l (--no-log-init) with a high UID',
  severity: 'warning',
  category: 'size',
  aliases: { hadolint: ['DL3046'] },
  docs: {
    rationale: `\`useradd\` records every user in the lastlog and faillog databases, which are sparse files indexed by UID. With a large UID such as \`-u 1000000\`, the file is extended to about 300 MB. On the host that costs nothing, but image layers do not keep sparse files sparse: the zeros are stored and shipped in the image.

Pass \`-l\` (\`--no-log-init\`) so the databases are not touched. As in hadolint (DL3046), the rule fires when \`useradd -u\` gets a UID of more than five digits. The fix adds \`-l\`.`,
    bad: 'FROM debian:12-slim\nRUN useradd -u 1000001 app\nUSER app\n',
    good: 'FROM debian:12-slim\nRUN useradd -l -u 1000001 app\nUSER app\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['useradd'], (view) => {
      const offenders = view.commands.filter(
        (c) =>
          c.name === 'useradd' &&
          !hasAnyFlag(c, ['l', 'no-log-init']) &&
          hasAnyFlag(c, ['u', 'uid']) &&
          flagArgs(c, 'u').some((uid) => uid.length > 5),
      );
      reportCommands(ctx, view, offenders, '`useradd` without flag `-l` and high UID will result in excessively large Image.', {
        title: 'Add -l',
        edit: (c) => (c.name !== c.source.nameWord.value ? null : insertAfter(ctx, view, c.source.nameWord, '-l')),
      });
    });
  },
};
