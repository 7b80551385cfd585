import type { Rule } from '../../types.ts';
import { cmdHasArgs, eachRunWith, hasCacheOrTmpfsMountWith, hasFlag, insertAfter, reportCommands } from './support.ts';

export const apkNoCache: Rule = {
  id: 'apk-no-cache',
  title: 'Use --no-cache with apk add',
  severity: 'info',
  category: 'size',
  aliases: { hadolint: ['DL3019'] },
  docs: {
    rationale: `\`apk add\` (after \`apk update\`, or with \`-U\`) stores the package index of every repository under \`/var/cache/apk\`: a few megabytes that end up in the layer and in every image, though nothing at runtime uses them. \`apk add --no-cache\` fetches a fresh index into memory, installs, and leaves nothing behind, which also makes a separate \`apk update\` and a trailing \`rm -rf /var/cache/apk/*\` unnecessary.

As in hadolint (DL3019), a \`RUN --mount=type=cache\` (or \`tmpfs\`) on \`/var/cache/apk\` also satisfies the rule: the cache then lives outside the image. The fix adds \`--no-cache\` after \`add\`.`,
    bad: 'FROM alpine:3.21\nRUN apk update && apk add curl=8.11.1-r0\n',
    good: 'FROM alpine:3.21\nRUN apk add --no-cache curl=8.11.1-r0\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['apk'], (view) => {
      if (hasCacheOrTmpfsMountWith(view.run, '/var/cache/apk')) return;
      const offenders = view.commands.filter((c) => cmdHasArgs(c, 'apk', ['add']) && !hasFlag(c, 'no-cache'));
      reportCommands(
        ctx,
        view,
        offenders,
        'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
        {
          title: 'Add --no-cache',
          // With --no-network apk must work from what is already on disk; leave those alone.
          edit: (c) => (hasFlag(c, 'no-network') ? null : insertAfter(ctx, view, c.args.find((a) => a.text === 'add')!.word, '--no-cache')),
        },
      );
    });
  },
};
