import { describe, expect, it } from 'vitest';
import { healthcheckToolNotInImage as rule } from '../../../../src/engine/rules/catalog/layerwise/healthcheck-tool-not-in-image.ts';
import { findings, flaggedLines } from '../support.ts';

describe('healthcheck-tool-not-in-image', () => {
  it('flags curl on slim and Alpine Node images, which do not ship it', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-alpine\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]\n')).toEqual([2]);
    const [f] = findings(rule, 'FROM node:22-alpine\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n');
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('curl');
    expect(f!.range.start).toEqual({ line: 2, column: 18 });
  });

  it('flags wget on Debian slim images, not on Alpine (BusyBox has it)', () => {
    expect(flaggedLines(rule, 'FROM python:3.12-slim\nHEALTHCHECK CMD wget -qO- http://localhost:8000/ || exit 1\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM python:3.12-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:8000/ || exit 1\n')).toEqual([]);
  });

  it('accepts the full images, which have curl and wget', () => {
    expect(flaggedLines(rule, 'FROM node:22\nHEALTHCHECK CMD curl -f http://localhost/\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM nginx:alpine\nHEALTHCHECK CMD curl -f http://localhost/\n')).toEqual([]);
  });

  it('accepts the tool when the final stage installs or copies it', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nHEALTHCHECK CMD curl -f http://localhost/\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-alpine\nRUN apk add --no-cache curl=8.5.0-r0\nHEALTHCHECK CMD curl -f http://localhost/\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM gcr.io/distroless/static-debian12\nCOPY --from=busybox:stable /bin/wget /wget\nHEALTHCHECK CMD ["/wget", "-q", "http://x/"]\n')).toEqual([]);
  });

  it('accepts `curl || wget` when one of them is there', () => {
    expect(flaggedLines(rule, 'FROM node:22-alpine\nHEALTHCHECK CMD curl -f http://x/ || wget -q http://x/ || exit 1\n')).toEqual([]);
  });

  it('flags a shell-form HEALTHCHECK on images without a shell', () => {
    const src = 'FROM gcr.io/distroless/nodejs22-debian12\nHEALTHCHECK CMD node hc.js\nCMD ["server.js"]\n';
    expect(flaggedLines(rule, src)).toEqual([2]);
    expect(findings(rule, src)[0]!.message).toContain('no shell');
    expect(flaggedLines(rule, 'FROM scratch\nCOPY app /app\nHEALTHCHECK CMD /app --check\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM gcr.io/distroless/nodejs22-debian12\nHEALTHCHECK CMD ["/nodejs/bin/node", "hc.js"]\n')).toEqual([]);
  });

  it('follows the final stage back to its image through earlier stages', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim AS base\nHEALTHCHECK CMD curl -f http://x/\nFROM base\nCMD ["node", "a.js"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim AS build\nHEALTHCHECK CMD curl x\nFROM node:22\nCMD ["node", "a.js"]\n')).toEqual([]);
  });

  it('says nothing about unknown images, HEALTHCHECK NONE or other programs', () => {
    expect(flaggedLines(rule, 'FROM mycompany/base:1\nHEALTHCHECK CMD curl -f http://x/\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nHEALTHCHECK NONE\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nHEALTHCHECK CMD ["node", "healthcheck.js"]\n')).toEqual([]);
  });

  it('uses the last HEALTHCHECK of the chain', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nHEALTHCHECK CMD curl x\nHEALTHCHECK CMD ["node", "hc.js"]\n')).toEqual([]);
  });
});
