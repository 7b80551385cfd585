import { describe, expect, it } from 'vitest';
import { globalBuildToolInFinalStage as rule } from '../../../../src/engine/rules/catalog/layerwise/global-build-tool-in-final-stage.ts';
import { findings, flaggedLines } from '../support.ts';

describe('global-build-tool-in-final-stage', () => {
  it('flags global pnpm, turbo and yarn installs in a final stage that runs node', () => {
    const src = 'FROM node:22-slim\nRUN npm install -g pnpm@9 turbo\nCMD ["node", "server.js"]\n';
    const found = findings(rule, src);
    expect(found.map((f) => f.range.start)).toEqual([
      { line: 2, column: 20 },
      { line: 2, column: 27 },
    ]);
    expect(found[0]!.message).toContain('`pnpm`');
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN npm i --global yarn\nCMD ["node", "a.js"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN pnpm add -g typescript\nCMD ["node", "a.js"]\n')).toEqual([2]);
  });

  it('flags corepack enable', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN corepack enable && pnpm install --prod\nCMD ["node", "a.js"]\n')).toEqual([2]);
  });

  it('leaves build stages, runtime tools and commands started through the tool alone', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS build\nRUN npm i -g pnpm\nRUN pnpm build\nFROM node:22-slim\nCMD ["node", "dist/a.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN npm install -g pm2\nCMD ["node", "a.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN npm install -g pnpm\nCMD ["pnpm", "start"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN npm install pnpm\nCMD ["node", "a.js"]\n')).toEqual([]);
  });

  it('works on exec-form and heredoc RUN', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN ["npm", "i", "-g", "turbo"]\nCMD ["node", "a.js"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN <<EOF\nnpm i -g turbo\nEOF\nCMD ["node", "a.js"]\n')).toEqual([3]);
  });
});
