import { describe, expect, it } from 'vitest';
import { nodePid1WithoutInit as rule } from '../../../../src/engine/rules/catalog/layerwise/node-pid1-without-init.ts';
import { findings, flaggedLines } from '../support.ts';

describe('node-pid1-without-init', () => {
  it('flags node started directly in exec form', () => {
    const src = 'FROM node:22-slim\nCOPY . .\nCMD ["node", "server.js"]\n';
    expect(flaggedLines(rule, src)).toEqual([3]);
    const [f] = findings(rule, src);
    expect(f!.severity).toBe('info');
    expect(f!.message).toContain('--init');
    expect(f!.range).toEqual({ start: { line: 3, column: 6 }, end: { line: 3, column: 25 } });
  });

  it('flags node as the ENTRYPOINT, and `exec node` in shell form', () => {
    expect(flaggedLines(rule, 'FROM node:22\nENTRYPOINT ["node"]\nCMD ["server.js"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22\nENTRYPOINT ["/usr/local/bin/node", "server.js"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22\nCMD exec node server.js\n')).toEqual([2]);
  });

  it("follows the official image's docker-entrypoint.sh, which execs the CMD", () => {
    expect(flaggedLines(rule, 'FROM node:22\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n')).toEqual([3]);
  });

  it("knows distroless Node.js images run node as their entrypoint", () => {
    expect(flaggedLines(rule, 'FROM gcr.io/distroless/nodejs22-debian12\nCOPY . /app\nCMD ["/app/server.js"]\n')).toEqual([3]);
  });

  it('accepts tini, dumb-init and other inits', () => {
    expect(flaggedLines(rule, 'FROM node:22-alpine\nRUN apk add --no-cache tini\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22\nENTRYPOINT ["dumb-init", "--"]\nCMD ["node", "server.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22\nCMD ["dumb-init", "node", "server.js"]\n')).toEqual([]);
  });

  it('leaves shell form (sh is PID 1: JSONArgsRecommended) and other programs alone', () => {
    expect(flaggedLines(rule, 'FROM node:22\nCMD node server.js\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22\nCMD ["npm", "start"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22\nENTRYPOINT ["./start.sh"]\nCMD ["node", "server.js"]\n')).toEqual([]);
  });

  it('skips the bare REPL of base images', () => {
    expect(flaggedLines(rule, 'FROM debian\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node"]\n')).toEqual([]);
  });

  it('resets an inherited CMD when a later stage sets ENTRYPOINT', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS base\nCMD ["node", "a.js"]\nFROM base\nENTRYPOINT ["./run.sh"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22 AS base\nCMD ["node", "a.js"]\nFROM base\nRUN true\n')).toEqual([2]);
  });
});
