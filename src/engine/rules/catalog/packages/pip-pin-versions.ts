import type { Rule } from '../../types.ts';
import { argsNoFlags, argTexts, containsSeq, eachRunWith, type HArg, hasFlag, type HCommand, isPipInstall, PIP_OR_PYTHON, wordRange } from './support.ts';

/** Flags whose value is the next word (so that word is not a package). */
const VALUE_FLAGS = [
  'abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation',
  'no-binary', 'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python', 'python-version', 'root',
  'root-user-action', 'src', 't', 'target', 'trusted-host', 'upgrade-strategy',
];

/** pip's VCS schemes (`vcs[+protocol]`). */
const VCS_SCHEMES = [
  'git+file', 'git+https', 'git+ssh', 'git+http', 'git+git', 'git', 'hg+file', 'hg+http', 'hg+https', 'hg+ssh',
  'hg+static-http', 'svn', 'svn+svn', 'svn+http', 'svn+https', 'svn+ssh', 'bzr+http', 'bzr+https', 'bzr+ssh',
  'bzr+sftp', 'bzr+ftp', 'bzr+lp',
];
const VERSION_SYMBOLS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];

function versionFixed(p: string): boolean {
  const vcs = VCS_SCHEMES.some((s) => p.startsWith(s));
  return (
    VERSION_SYMBOLS.some((s) => p.includes(s)) ||
    (vcs && p.includes('@')) ||
    p.endsWith('.whl') ||
    p.endsWith('.tar.gz') ||
    (!vcs && p.includes('/'))
  );
}

/** The packages after `install` (hadolint's `stripInstallPrefix`). */
function packages(cmd: HCommand): HArg[] {
  const args = argsNoFlags(cmd, VALUE_FLAGS);
  let i = args.findIndex((a) => a.text === 'install');
  if (i < 0) return [];
  while (i < args.length && args[i]!.text === 'install') i++;
  return args.slice(i);
}

/** The first unpinned package of a `pip install` that hadolint flags, or null. */
function unpinned(cmd: HCommand): HArg | null {
  if (!isPipInstall(cmd)) return null;
  if (hasFlag(cmd, 'constraint') || hasFlag(cmd, 'c')) return null;
  const args = argTexts(cmd);
  if (containsSeq(args, ['--requirement']) || containsSeq(args, ['-r']) || containsSeq(args, ['.'])) return null;
  return packages(cmd).find((a) => !versionFixed(a.text)) ?? null;
}

export const pipPinVersions: Rule = {
  id: 'pip-pin-versions',
  title: 'Pin package versions in pip install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3013'] },
  docs: {
    rationale: `\`pip install requests\` resolves to the newest release on PyPI at build time, and so do all of its dependencies. A rebuild next month can bring a new major version and break the application with no change to your code, and two images built from the same commit may differ.

Pin each package (\`requests==2.32.3\`), or install from a lock file with \`pip install -r requirements.txt\` / a constraints file (\`-c\`). As in hadolint (DL3013), any version operator (\`==\`, \`>=\`, \`~=\`, \`<\`, ...), a VCS URL with \`@ref\`, a wheel or sdist file, a path, or installing \`.\` counts as pinned.`,
    bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir requests\n',
    good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir requests==2.32.3\n',
  },
  check(ctx) {
    eachRunWith(ctx, PIP_OR_PYTHON, (view) => {
      for (const cmd of view.commands) {
        const pkg = unpinned(cmd);
        if (!pkg) continue;
        ctx.report({
          range: wordRange(ctx, view, pkg.word),
          message:
            'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`',
        });
        return;
      }
    });
  },
};
