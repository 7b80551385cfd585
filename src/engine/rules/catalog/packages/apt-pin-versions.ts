import type { Rule } from '../../types.ts';
import { argsNoFlags, cmdHasArgs, eachRunWith, wordRange } from './support.ts';

/** A package argument hadolint accepts: `pkg=version`, `pkg/release`, or a local `.deb`. */
function pinned(text: string): boolean {
  return text.includes('=') || text.includes('/') || text.endsWith('.deb');
}

export const aptPinVersions: Rule = {
  id: 'apt-pin-versions',
  title: 'Pin package versions in apt-get install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3008'] },
  docs: {
    rationale: `\`apt-get install curl\` installs whatever version the mirror serves on the day of the build. Two builds of the same Dockerfile a week apart can ship different binaries, and a rebuild to fix an unrelated bug can pull in a breaking upgrade. With \`curl=7.88.1-10+deb12u5\` the build either installs exactly that version or fails loudly when the mirror drops it, so you notice and update the pin deliberately.

As in hadolint (DL3008), a package counts as pinned when it has \`=version\`, a \`/release\` suffix (\`-t\`/\`--target-release\` values are skipped), or is a local \`.deb\` file. \`apt-get install\` without packages is not flagged.`,
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n && rm -rf /var/lib/apt/lists/*\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['apt-get'], (view) => {
      for (const cmd of view.commands) {
        if (!cmdHasArgs(cmd, 'apt-get', ['install'])) continue;
        const loose = argsNoFlags(cmd, ['t', 'target-release']).find((a) => a.text !== 'install' && !pinned(a.text));
        if (!loose) continue;
        ctx.report({
          range: wordRange(ctx, view, loose.word),
          message: 'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
        });
        return;
      }
    });
  },
};
