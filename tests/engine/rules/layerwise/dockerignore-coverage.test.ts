import { describe, expect, it } from 'vitest';
import { dockerignoreCoverage as rule } from '../../../../src/engine/rules/catalog/layerwise/dockerignore-coverage.ts';
import { fakeContext, findings, flaggedLines } from '../support.ts';

const dockerfile = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "src/server.js"]\n';

describe('dockerignore-coverage', () => {
  it('needs the build context', () => {
    expect(rule.needsContext).toBe(true);
    expect(flaggedLines(rule, dockerfile)).toEqual([]);
  });

  it('flags a context without .dockerignore, listing what it drags in', () => {
    const context = fakeContext(['Dockerfile', 'package.json', 'src/server.js', 'node_modules/a/index.js', '.git/HEAD']);
    expect(flaggedLines(rule, dockerfile, { context })).toEqual([3]);
    const [f] = findings(rule, dockerfile, { context });
    expect(f!.message).toContain('no .dockerignore');
    expect(f!.message).toContain('node_modules/');
    expect(f!.message).toContain('.git/');
  });

  it('reports a missing .dockerignore on the first FROM when nothing copies the context', () => {
    const context = fakeContext(['Dockerfile', 'README.md']);
    expect(flaggedLines(rule, 'FROM alpine\nCMD ["true"]\n', { context })).toEqual([1]);
  });

  it('says nothing for a context holding only the Dockerfile', () => {
    expect(flaggedLines(rule, dockerfile, { context: fakeContext(['Dockerfile']) })).toEqual([]);
  });

  it('flags what an existing .dockerignore lets through', () => {
    const files = ['Dockerfile', '.dockerignore', 'package.json', 'src/server.js', 'node_modules/a/index.js', '.git/HEAD', 'coverage/lcov.info'];
    const context = fakeContext(files, (p) => p.startsWith('node_modules/'), '.dockerignore');
    const [f] = findings(rule, dockerfile, { context });
    expect(f!.message).toContain('.git/');
    expect(f!.message).toContain('coverage/');
    expect(f!.message).not.toContain('node_modules');
    expect(f!.range.start).toEqual({ line: 3, column: 6 });
  });

  it('accepts a .dockerignore that covers everything', () => {
    const files = ['Dockerfile', '.dockerignore', 'package.json', 'src/server.js', 'node_modules/a/index.js', '.git/HEAD'];
    const context = fakeContext(files, (p) => p.startsWith('node_modules/') || p.startsWith('.git/'), '.dockerignore');
    expect(flaggedLines(rule, dockerfile, { context })).toEqual([]);
  });

  it('only counts build output when the Dockerfile builds, and only copies that include it', () => {
    const files = ['Dockerfile', '.dockerignore', 'package.json', 'dist/app.js', 'src/a.ts'];
    const context = fakeContext(files, () => false, '.dockerignore');
    expect(flaggedLines(rule, 'FROM nginx\nCOPY dist/ /usr/share/nginx/html\n', { context })).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22\nCOPY . .\nRUN npm run build\n', { context })).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22\nCOPY src ./src\nRUN npm run build\n', { context })).toEqual([]);
  });
});
