import type { Rule } from '../../types.ts';
import { argsNoFlags, cmdHasArgs, eachRunWith, type HArg, type HCommand, wordRange } from './support.ts';

const IGNORED_FLAGS = ['loglevel', 'registry'];
const GIT_PREFIXES = ['git://', 'git+ssh://', 'git+http://', 'git+https://'];
const TARBALL_SUFFIXES = ['.tar', '.tar.gz', '.tgz'];
const PATH_PREFIXES = ['/', './', '../', '~/'];

function versionFixed(p: string): boolean {
  if (GIT_PREFIXES.some((g) => p.startsWith(g))) return p.includes('#');
  if (TARBALL_SUFFIXES.some((s) => p.endsWith(s))) return true;
  if (PATH_PREFIXES.some((s) => p.startsWith(s))) return true;
  // `@scope/name@version`: the scope is skipped the way hadolint does (every character after `/`
  // in code-point order up to the first `/`, `-` or `.`).
  let i = 0;
  if (p.startsWith('@')) while (i < p.length && p[i]! > '/') i++;
  return p.slice(i).includes('@');
}

/** The first unpinned package of an `npm install <packages>`, or null. */
function unpinned(cmd: HCommand): HArg | null {
  if (!cmdHasArgs(cmd, 'npm', ['install'])) return null;
  const args = argsNoFlags(cmd, IGNORED_FLAGS);
  if (args[0]?.text !== 'install') return null;
  let i = 0;
  while (i < args.length && args[i]!.text === 'install') i++;
  return args.slice(i).find((a) => !versionFixed(a.text)) ?? null;
}

export const npmPinVersions: Rule = {
  id: 'npm-pin-versions',
  title: 'Pin package versions in npm install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3016'] },
  docs: {
    rationale: `\`npm install -g typescript\` installs the latest release at build time, with whatever dependency versions the registry resolves that day. Rebuilding the same Dockerfile later can produce a different, possibly broken, image.

Name a version (\`typescript@5.6.3\`), a git URL with \`#commit\`, a tarball or a local folder. A bare \`npm install\` (or better, \`npm ci\`) inside a project is fine: its versions come from \`package.json\` and the lock file. This is hadolint's DL3016.`,
    bad: 'FROM node:22-slim\nRUN npm install -g typescript\n',
    good: 'FROM node:22-slim\nRUN npm install -g typescript@5.6.3\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['npm'], (view) => {
      for (const cmd of view.commands) {
        const pkg = unpinned(cmd);
        if (!pkg) continue;
        ctx.report({
          range: wordRange(ctx, view, pkg.word),
          message: 'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`',
        });
        return;
      }
    });
  },
};
