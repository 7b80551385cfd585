import { describe, expect, it } from 'vitest';
import { copyWholeBuildStage as rule } from '../../../../src/engine/rules/catalog/layerwise/copy-whole-build-stage.ts';
import { findings, flaggedLines } from '../support.ts';

const build = 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n';

describe('copy-whole-build-stage', () => {
  it('flags copying the directory the build ran in', () => {
    const src = `${build}FROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app .\nCMD ["node", "dist/a.js"]\n`;
    expect(flaggedLines(rule, src)).toEqual([7]);
    const [f] = findings(rule, src);
    expect(f!.message).toContain('/app');
    expect(f!.range).toEqual({ start: { line: 7, column: 19 }, end: { line: 7, column: 23 } });
    expect(flaggedLines(rule, `${build}FROM node:22-slim\nCOPY --from=build /app/ /srv/\n`)).toEqual([6]);
    expect(flaggedLines(rule, `${build}FROM node:22-slim\nCOPY --from=0 /app /srv\n`)).toEqual([6]);
  });

  it("flags copying a stage's whole filesystem somewhere, leaving `/ /` to DL3067", () => {
    expect(flaggedLines(rule, `${build}FROM node:22-slim\nCOPY --from=build / /srv/\n`)).toEqual([6]);
    expect(flaggedLines(rule, `${build}FROM node:22-slim\nCOPY --from=build / /\n`)).toEqual([]);
  });

  it('accepts copying the output', () => {
    expect(flaggedLines(rule, `${build}FROM node:22-slim\nCOPY --from=build /app/dist ./dist\nCOPY --from=build /app/package.json ./\n`)).toEqual([]);
  });

  it('accepts copies from stages that did not build there', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS deps\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nFROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=deps /app /app\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM tonistiigi/xx AS xx\nFROM alpine\nCOPY --from=xx / /\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch AS out\nCOPY --from=build-image /bin /bin\nFROM alpine\nCOPY --from=out / /\n')).toEqual([]);
  });

  it('accepts flattening into a scratch stage', () => {
    expect(flaggedLines(rule, 'FROM alpine AS fs\nRUN apk add --no-cache curl\nFROM scratch\nCOPY --from=fs / /\n')).toEqual([]);
  });

  it('ignores images and variables', () => {
    expect(flaggedLines(rule, 'FROM alpine\nCOPY --from=node:22 / /x\n')).toEqual([]);
    expect(flaggedLines(rule, `${build}FROM alpine\nARG D=/app\nCOPY --from=build $D /srv\n`)).toEqual([]);
  });
});
