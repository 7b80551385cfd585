import { describe, expect, it } from 'vitest';
import { devDependenciesInFinalStage as rule } from '../../../../src/engine/rules/catalog/layerwise/dev-dependencies-in-final-stage.ts';
import { findings, flaggedLines } from '../support.ts';

const final = (run: string) => `FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\n${run}\nCOPY . .\nCMD ["node", "server.js"]\n`;

describe('dev-dependencies-in-final-stage', () => {
  it('flags project installs that include devDependencies', () => {
    for (const run of ['RUN npm ci', 'RUN npm install', 'RUN npm i --no-audit', 'RUN yarn install --frozen-lockfile', 'RUN yarn', 'RUN pnpm install --frozen-lockfile']) {
      expect(flaggedLines(rule, final(run)), run).toEqual([4]);
    }
    const [f] = findings(rule, final('RUN npm ci'));
    expect(f!.message).toContain('--omit=dev');
    expect(f!.range).toEqual({ start: { line: 4, column: 5 }, end: { line: 4, column: 11 } });
    expect(findings(rule, final('RUN pnpm install'))[0]!.message).toContain('--prod');
  });

  it('accepts production installs', () => {
    for (const run of [
      'RUN npm ci --omit=dev',
      'RUN npm ci --omit dev',
      'RUN npm ci --only=production',
      'RUN npm install --production',
      'RUN yarn install --production --frozen-lockfile',
      'RUN pnpm install --prod',
      'RUN pnpm i -P',
      'RUN NODE_ENV=production npm ci',
      'RUN export NODE_ENV=production && npm ci',
    ]) {
      expect(flaggedLines(rule, final(run)), run).toEqual([]);
    }
  });

  it('accepts NODE_ENV=production or npm config set in the image', () => {
    expect(flaggedLines(rule, final('ENV NODE_ENV=production\nRUN npm ci'))).toEqual([]);
    expect(flaggedLines(rule, final('ARG NODE_ENV=production\nRUN npm ci'))).toEqual([]);
    expect(flaggedLines(rule, final('ENV NPM_CONFIG_OMIT=dev\nRUN npm ci'))).toEqual([]);
    expect(flaggedLines(rule, final('ENV NODE_ENV=production\nRUN npm ci --include=dev'))).toEqual([5]);
  });

  it('accepts a later prune in the same image', () => {
    expect(flaggedLines(rule, final('RUN npm ci && npm run build && npm prune --omit=dev'))).toEqual([]);
    expect(flaggedLines(rule, final('RUN npm ci\nRUN npm run build\nRUN npm prune --production'))).toEqual([]);
    expect(flaggedLines(rule, final('RUN pnpm install && pnpm build && pnpm prune --prod'))).toEqual([]);
    expect(flaggedLines(rule, final('RUN npm prune --omit=dev\nRUN npm ci'))).toEqual([5]);
  });

  it('only looks at the stages of the final image', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM node:22-slim\nRUN npm ci --omit=dev\nCMD ["node", "a.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22 AS deps\nRUN npm ci\nFROM deps\nCMD ["node", "a.js"]\n')).toEqual([2]);
  });

  it('leaves named packages and global installs alone', () => {
    expect(flaggedLines(rule, final('RUN npm install express'))).toEqual([]);
    expect(flaggedLines(rule, final('RUN npm install -g pm2'))).toEqual([]);
    expect(flaggedLines(rule, final('RUN yarn add left-pad'))).toEqual([]);
    expect(flaggedLines(rule, final('RUN yarn --version'))).toEqual([]);
  });

  it('reads exec-form and heredoc RUN', () => {
    expect(flaggedLines(rule, final('RUN ["npm", "ci"]'))).toEqual([4]);
    expect(flaggedLines(rule, 'FROM node:22\nRUN <<EOF\nset -e\nnpm ci\nEOF\nCMD ["node", "a.js"]\n')).toEqual([4]);
  });

  it('ignores ONBUILD triggers, which run in a child image', () => {
    expect(flaggedLines(rule, 'FROM node:22\nONBUILD RUN npm ci\nCMD ["node", "a.js"]\n')).toEqual([]);
  });

  it('honours pragmas', () => {
    expect(flaggedLines(rule, final('# hadolint ignore=dev-dependencies-in-final-stage\nRUN npm ci'))).toEqual([]);
  });
});
