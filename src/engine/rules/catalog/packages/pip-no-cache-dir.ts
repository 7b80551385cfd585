import type { Rule } from '../../types.ts';
import { type HCommand, argTexts, containsSeq, hasCacheOrTmpfsMountWith, insertAfter, isPipInstall, passes, reportCommands, unquote, viewOf, runsAny, PIP_OR_PYTHON } from './support.ts';

const TRUTHY = new Set(['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES']);

/** `pipx` and `pipenv` manage their own caches and take no `--no-cache-dir`. */
function isWrapper(c: HCommand): boolean {
  const args = argTexts(c);
  return ['pipx', 'pipenv'].some((w) => c.name.includes(w) || (c.name.startsWith('python') && containsSeq(args, ['-m', w])));
}

const forgot = (c: HCommand): boolean => isPipInstall(c) && !argTexts(c).includes('--no-cache-dir') && !isWrapper(c);

/** hadolint's text check: the first `PIP_NO_CACHE_DIR=` in the script is followed by a truthy value. */
function setInScript(text: string): boolean {
  const at = text.indexOf('PIP_NO_CACHE_DIR=');
  if (at < 0) return false;
  const rest = text.slice(at + 'PIP_NO_CACHE_DIR='.length);
  return [...TRUTHY].some((t) => rest.startsWith(t));
}

export const pipNoCacheDir: Rule = {
  id: 'pip-no-cache-dir',
  title: 'Use --no-cache-dir with pip install',
  severity: 'warning',
  category: 'size',
  aliases: { hadolint: ['DL3042'] },
  docs: {
    rationale: `pip keeps every wheel it downloads or builds in \`~/.cache/pip\`, so that the next install on the same machine is faster. In an image there is no next install: the cache is dead weight committed into the layer, often tens of megabytes, and hundreds for packages such as \`torch\` or \`numpy\` built from source.

Use \`pip install --no-cache-dir\`, set \`ENV PIP_NO_CACHE_DIR=1\` in the stage (or a stage it builds on), or keep the cache outside the image with \`RUN --mount=type=cache,target=/root/.cache/pip\`, which also speeds up rebuilds. \`pipx\` and \`pipenv\` are not flagged. This is hadolint's DL3042; the fix adds \`--no-cache-dir\` after \`install\`.`,
    bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
    good: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
  },
  check(ctx) {
    if (!runsAny(ctx, PIP_OR_PYTHON)) return;
    for (const pass of passes(ctx)) {
      // Per stage (by alias, else image name): whether PIP_NO_CACHE_DIR is set to a truthy value.
      let current: string | null | undefined; // undefined: nothing seen yet; null: ENV before any FROM
      const noCache = new Map<string | null, boolean>();
      for (const { instruction } of pass) {
        if (instruction.keyword === 'FROM') {
          const args = instruction.args.map((a) => a.value);
          const asIndex = args.findIndex((a, i) => i > 0 && a.toLowerCase() === 'as');
          const image = instruction.image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
          const name = asIndex >= 0 ? (args[asIndex + 1] ?? image) : image;
          if (current !== undefined) noCache.set(name, noCache.get(image) ?? false);
          current = name;
        } else if (instruction.keyword === 'ENV') {
          const pair = instruction.pairs.find((p) => p.key === 'PIP_NO_CACHE_DIR');
          if (pair && TRUTHY.has(unquote(pair.value))) {
            if (current === undefined) current = null;
            noCache.set(current, true);
          }
        } else if (instruction.keyword === 'RUN') {
          const view = viewOf(ctx, instruction);
          if (current !== undefined && noCache.get(current) === true) continue;
          if (setInScript(view.text) || hasCacheOrTmpfsMountWith(instruction, '.cache/pip')) continue;
          const offenders = view.commands.filter(forgot);
          reportCommands(ctx, view, offenders, 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`', {
            title: 'Add --no-cache-dir',
            edit: (c) => insertAfter(ctx, view, c.args.find((a) => a.text === 'install')!.word, '--no-cache-dir'),
          });
        }
      }
    }
  },
};
