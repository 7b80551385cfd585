import { describe, expect, it } from 'vitest';
import { sourceMapsShipped as rule } from '../../../../src/engine/rules/catalog/layerwise/source-maps-shipped.ts';
import { fakeContext, findings, flaggedLines } from '../support.ts';

describe('source-maps-shipped', () => {
  it('flags a build that asks for source maps, copied into a static final stage', () => {
    const src = 'FROM node:22 AS build\nCOPY . .\nRUN npx vite build --sourcemap\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n';
    expect(flaggedLines(rule, src)).toEqual([5]);
    expect(findings(rule, src)[0]!.message).toContain('line 3');
    expect(flaggedLines(rule, 'FROM node:22 AS build\nENV GENERATE_SOURCEMAP=true\nRUN npm run build\nFROM nginx\nCOPY --from=build /app/build /usr/share/nginx/html\n')).toEqual([5]);
  });

  it("reads GENERATE_SOURCEMAP as the command sees it: its own prefix, then ENV over ARG", () => {
    const build = (lines: string) => `FROM node:22 AS build\n${lines}\nFROM nginx\nCOPY --from=build /app/build /usr/share/nginx/html\n`;
    expect(flaggedLines(rule, build('ARG GENERATE_SOURCEMAP=true\nRUN npm run build'))).toEqual([5]);
    expect(flaggedLines(rule, build('RUN GENERATE_SOURCEMAP=true npm run build'))).toEqual([4]);
    expect(flaggedLines(rule, build('ARG GENERATE_SOURCEMAP=true\nENV GENERATE_SOURCEMAP=false\nRUN npm run build'))).toEqual([]);
    expect(flaggedLines(rule, build('ENV GENERATE_SOURCEMAP=true\nRUN GENERATE_SOURCEMAP=false npm run build'))).toEqual([]);
  });

  it('stays quiet when the build does not ask for them, or turns them off', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS build\nRUN npm run build\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22 AS build\nRUN npx esbuild a.js --sourcemap false\nFROM nginx\nCOPY --from=build /app/dist /h\n')).toEqual([]);
  });

  it('stays quiet for Node.js servers, where maps help stack traces', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS build\nRUN npx tsc --sourceMap\nFROM node:22-slim\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/a.js"]\n')).toEqual([]);
  });

  it('with the context, flags map files a copy brings in', () => {
    const context = fakeContext(['index.html', 'assets/app.js', 'assets/app.js.map', 'node_modules/x/y.js.map']);
    const src = 'FROM nginx:alpine\nCOPY . /usr/share/nginx/html\n';
    expect(flaggedLines(rule, src, { context })).toEqual([2]);
    expect(findings(rule, src, { context })[0]!.message).toContain('assets/app.js.map');
    expect(flaggedLines(rule, src, { context: fakeContext(['index.html']) })).toEqual([]);
    expect(flaggedLines(rule, 'FROM nginx:alpine\nCOPY index.html /usr/share/nginx/html/\n', { context })).toEqual([]);
  });

  it('with the context, accepts node --enable-source-maps', () => {
    const context = fakeContext(['dist/a.js', 'dist/a.js.map']);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCOPY . .\nCMD ["node", "--enable-source-maps", "dist/a.js"]\n', { context })).toEqual([]);
  });
});
