import { describe, expect, it } from 'vitest';
import { nodeEnvNotProduction as rule } from '../../../../src/engine/rules/catalog/layerwise/node-env-not-production.ts';
import { findings, flaggedLines } from '../support.ts';

describe('node-env-not-production', () => {
  it('flags a final stage that starts node without NODE_ENV', () => {
    const src = 'FROM node:22-slim\nCOPY . .\nCMD ["node", "server.js"]\n';
    expect(flaggedLines(rule, src)).toEqual([3]);
    expect(findings(rule, src)[0]!.message).toContain('ENV NODE_ENV=production');
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["npm", "start"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD yarn start\n')).toEqual([2]);
  });

  it('points at an ENV that sets another value', () => {
    const src = 'FROM node:22-slim\nENV NODE_ENV=development\nCMD ["node", "server.js"]\n';
    const [f] = findings(rule, src);
    expect(f!.range).toEqual({ start: { line: 2, column: 14 }, end: { line: 2, column: 25 } });
    expect(f!.message).toContain('`development`');
  });

  it('accepts NODE_ENV=production, also from a stage it builds on', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nENV NODE_ENV=production\nCMD ["node", "server.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim AS base\nENV NODE_ENV production\nFROM base\nCMD ["node", "server.js"]\n')).toEqual([]);
  });

  it('does not count an ARG, which does not reach the container', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nARG NODE_ENV=production\nCMD ["node", "server.js"]\n')).toEqual([3]);
  });

  it('only looks at final stages that start Node.js', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS build\nRUN npm run build\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22\nCMD ["node"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22\n')).toEqual([]);
  });
});
