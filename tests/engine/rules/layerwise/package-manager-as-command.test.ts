import { describe, expect, it } from 'vitest';
import { packageManagerAsCommand as rule } from '../../../../src/engine/rules/catalog/layerwise/package-manager-as-command.ts';
import { findings, flaggedLines } from '../support.ts';

describe('package-manager-as-command', () => {
  it('flags npm, pnpm and yarn running a package.json script as the container command', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["npm", "start"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD npm start\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["npm", "run", "serve"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["pnpm", "start"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["yarn", "serve"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["yarn", "run", "start"]\n')).toEqual([2]);
    const [f] = findings(rule, 'FROM node:22-slim\nCMD ["npm", "run", "serve"]\n');
    expect(f!.message).toContain('"serve" script');
    expect(f!.range).toEqual({ start: { line: 2, column: 6 }, end: { line: 2, column: 27 } });
  });

  it('looks through an init to the command it starts', () => {
    const src = 'FROM node:22-slim\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["npm", "start"]\n';
    expect(flaggedLines(rule, src)).toEqual([3]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nENTRYPOINT ["tini", "-g", "--", "npm", "start"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nENTRYPOINT ["dumb-init", "--"]\nCMD ["node", "server.js"]\n')).toEqual([]);
  });

  it('accepts node started directly, and package-manager commands that run no script', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["node", "src/server.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD exec node src/server.js\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["npx", "serve", "dist"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["yarn", "node", "server.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["npm", "--version"]\n')).toEqual([]);
  });

  it('only looks at the final stage', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS build\nCMD ["npm", "start"]\nFROM node:22-slim\nCMD ["node", "server.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim AS base\nCMD ["npm", "start"]\nFROM base\nCOPY . .\n')).toEqual([2]);
  });
});
