import type { Rule } from '../../types.ts';
import { argsNoFlags, cmdHasArgs, eachRunWith, wordRange } from './support.ts';

function pinned(p: string): boolean {
  return ['=', '~', '>', '<'].some((s) => p.includes(s)) || p.endsWith('.apk');
}

export const apkPinVersions: Rule = {
  id: 'apk-pin-versions',
  title: 'Pin package versions in apk add',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3018'] },
  docs: {
    rationale: `\`apk add curl\` installs whatever the Alpine mirror serves on the day of the build, so two builds of the same Dockerfile can ship different binaries. Pin each package (\`curl=8.11.1-r0\`, or a constraint such as \`curl~8.11\`) so a rebuild is reproducible and an upstream change shows up as a failed build you can act on, not a silent upgrade.

Alpine keeps only the current version of a package in each release branch, so exact pins need updating when the branch moves; \`~\` constraints are a middle ground. As in hadolint (DL3018), local \`.apk\` files and the values of \`--virtual\`/\`-t\`, \`--repository\`/\`-X\` are not packages.`,
    bad: 'FROM alpine:3.21\nRUN apk add --no-cache curl\n',
    good: 'FROM alpine:3.21\nRUN apk add --no-cache curl=8.11.1-r0\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['apk'], (view) => {
      for (const cmd of view.commands) {
        if (!cmdHasArgs(cmd, 'apk', ['add'])) continue;
        const loose = argsNoFlags(cmd, ['t', 'virtual', 'repository', 'X']).find((a) => a.text !== 'add' && !pinned(a.text));
        if (!loose) continue;
        ctx.report({
          range: wordRange(ctx, view, loose.word),
          message: 'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`',
        });
        return;
      }
    });
  },
};
