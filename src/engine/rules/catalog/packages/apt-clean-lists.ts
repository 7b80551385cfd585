import type { Rule, TextEdit } from '../../types.ts';
import { type FromKey, type HCommand, type RunView, cmdHasArgs, commandRange, fromKey, hasCacheOrTmpfsMountWith, passes, sameFrom, viewOf, runsAny } from './support.ts';

const isUpdate = (c: HCommand): boolean =>
  cmdHasArgs(c, 'apt', ['update']) || cmdHasArgs(c, 'apt-get', ['update']) || cmdHasArgs(c, 'aptitude', ['update']);
const isCleanup = (c: HCommand): boolean => cmdHasArgs(c, 'rm', ['-rf', '/var/lib/apt/lists/*']);

/** hadolint's stand-in for the stage of instructions written before any FROM. */
const NO_FROM: FromKey = { image: 'scratch', name: 'scratch', alias: null, platform: null };

const MESSAGE = 'Delete the apt lists (/var/lib/apt/lists) after installing something';

/** A RUN that updates the lists and leaves them in the layer, unless a cache mount holds them. */
function forgot(view: RunView): boolean {
  if (!view.commands.some(isUpdate) || view.commands.some(isCleanup)) return false;
  const run = view.run;
  if (hasCacheOrTmpfsMountWith(run, '/var/lib/apt/lists')) return false;
  if (hasCacheOrTmpfsMountWith(run, '/var/lib/apt') && hasCacheOrTmpfsMountWith(run, '/var/cache/apt')) return false;
  return true;
}

/**
 * Appending `&& rm -rf /var/lib/apt/lists/*` is safe when the script is one `&&` chain (so the
 * removal runs last, only after everything succeeded), has no comment the text would land in,
 * and no later RUN installs packages without updating the lists again.
 */
function cleanupEdit(ctx: Parameters<Rule['check']>[0], view: RunView, laterInstallWithoutUpdate: boolean): TextEdit | null {
  if (!view.mappable || laterInstallWithoutUpdate || view.text.includes('#')) return null;
  const top = ctx.scriptOf(view.run)?.commands.filter((c) => c.depth === 0) ?? [];
  if (top.length === 0 || top.some((c) => c.connector !== 'start' && c.connector !== '&&')) return null;
  const body = view.text.replace(/\s+$/, '');
  if (body.includes('\n')) return null;
  const at = ctx.scriptRange(view.run, body.length, body.length);
  return { range: { start: at.start, end: at.start }, text: ' && rm -rf /var/lib/apt/lists/*' };
}

export const aptCleanLists: Rule = {
  id: 'apt-clean-lists',
  title: 'Delete the apt lists after apt-get update, in the same RUN',
  severity: 'info',
  category: 'size',
  aliases: { hadolint: ['DL3009'] },
  docs: {
    rationale: `\`apt-get update\` downloads the package index of every configured repository into \`/var/lib/apt/lists\`: tens of megabytes on Debian or Ubuntu. If the same \`RUN\` does not delete it, it is committed into the layer and shipped in every image, even though nothing at runtime needs it. Deleting it in a later \`RUN\` does not help: the bytes stay in the earlier layer.

End the step with \`rm -rf /var/lib/apt/lists/*\`, or mount the lists as a BuildKit cache (\`--mount=type=cache,target=/var/lib/apt/lists\`). Like hadolint (DL3009), the rule only reports steps whose stage ends up in the image: the last stage, or a stage another \`FROM\` builds on. The fix appends the removal when the \`RUN\` is a plain \`&&\` chain and no later step relies on the lists.`,
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n && rm -rf /var/lib/apt/lists/*\n',
  },
  check(ctx) {
    if (!runsAny(ctx, ['apt', 'apt-get', 'aptitude'])) return;
    for (const pass of passes(ctx)) {
      let lastFrom: FromKey = NO_FROM;
      const stageNames = new Set<string>();
      const forgets: { view: RunView; from: FromKey }[] = [];
      const runs: RunView[] = [];
      for (const { instruction } of pass) {
        if (instruction.keyword === 'FROM') {
          lastFrom = fromKey(instruction)!;
          stageNames.add(lastFrom.name);
        } else if (instruction.keyword === 'RUN') {
          const view = viewOf(ctx, instruction);
          runs.push(view);
          if (forgot(view)) forgets.push({ view, from: lastFrom });
        }
      }
      for (const { view, from } of forgets) {
        const shipped = sameFrom(from, lastFrom) || (from.alias !== null && stageNames.has(from.alias));
        if (!shipped) continue;
        // Conservative: any later RUN that looks like it installs with some apt front end
        // (apt-get, xx-apt-get, apt-fast, inside sh -c ...) without updating first.
        const later = runs.slice(runs.indexOf(view) + 1);
        const laterInstall = later.some((v) => /apt/.test(v.text) && /install/.test(v.text) && !/update/.test(v.text));
        const edit = cleanupEdit(ctx, view, laterInstall);
        const update = view.commands.find(isUpdate)!;
        ctx.report({
          range: commandRange(ctx, view, update),
          message: MESSAGE,
          ...(edit ? { fix: { title: 'Append && rm -rf /var/lib/apt/lists/*', edits: [edit] } } : {}),
        });
      }
    }
  },
};
