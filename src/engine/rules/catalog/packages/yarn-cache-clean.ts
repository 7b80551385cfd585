import type { Rule } from '../../types.ts';
import { type FromKey, type HCommand, type RunView, cmdHasArgs, commandRange, firstIndex, fromKey, hasCacheOrTmpfsMountWith, passes, sameFrom, viewOf, runsAny } from './support.ts';

const isInstall = (c: HCommand): boolean => cmdHasArgs(c, 'yarn', ['install']);
const isClean = (c: HCommand): boolean => cmdHasArgs(c, 'yarn', ['cache', 'clean']);

/** hadolint's stand-in for the stage of instructions written before any FROM. */
const NO_FROM: FromKey = { image: 'scratch', name: 'scratch', alias: null, platform: null };

/** A `yarn install` whose cache stays in the layer: no clean after it, and no cache mount. */
function forgot(view: RunView): boolean {
  const install = firstIndex(view, isInstall);
  if (install < 0) return false;
  const clean = firstIndex(view, isClean);
  if (clean < 0) return !hasCacheOrTmpfsMountWith(view.run, '.cache/yarn');
  return clean < install;
}

export const yarnCacheClean: Rule = {
  id: 'yarn-cache-clean',
  title: 'Run yarn cache clean after yarn install, in the same RUN',
  severity: 'info',
  category: 'size',
  aliases: { hadolint: ['DL3060'] },
  docs: {
    rationale: `Yarn (v1) copies every package it downloads into its global cache (\`/usr/local/share/.cache/yarn\` as root), in addition to \`node_modules\`. In an image that cache is never used again, yet it is committed into the layer: often as large as \`node_modules\` itself, hundreds of megabytes for a typical front-end project.

Finish the step with \`yarn cache clean\`, or keep the cache out of the image with \`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn\` (hadolint accepts any cache or tmpfs mount whose target contains \`.cache/yarn\`). Like hadolint (DL3060), only stages that end up in the image are reported: the last stage, or one another \`FROM\` builds on.`,
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
  },
  check(ctx) {
    if (!runsAny(ctx, ['yarn'])) return;
    for (const pass of passes(ctx)) {
      let current: FromKey = NO_FROM;
      const stageNames = new Set<string>();
      const forgets: { view: RunView; from: FromKey }[] = [];
      for (const { instruction } of pass) {
        if (instruction.keyword === 'FROM') {
          current = fromKey(instruction)!;
          stageNames.add(current.name);
        } else if (instruction.keyword === 'RUN') {
          const view = viewOf(ctx, instruction);
          if (forgot(view)) forgets.push({ view, from: current });
        }
      }
      for (const { view, from } of forgets) {
        if (!sameFrom(from, current) && !(from.alias !== null && stageNames.has(from.alias))) continue;
        const install = view.commands.find(isInstall)!;
        ctx.report({ range: commandRange(ctx, view, install), message: '`yarn cache clean` missing after `yarn install` was run.' });
      }
    }
  },
};
