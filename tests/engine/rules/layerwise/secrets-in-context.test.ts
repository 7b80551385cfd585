import { describe, expect, it } from 'vitest';
import { looksSecret, secretsInContext as rule } from '../../../../src/engine/rules/catalog/layerwise/secrets-in-context.ts';
import { fakeContext, findings, flaggedLines } from '../support.ts';

const dockerfile = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

describe('secrets-in-context', () => {
  it('needs the build context', () => {
    expect(rule.needsContext).toBe(true);
    expect(flaggedLines(rule, dockerfile)).toEqual([]);
  });

  it('flags secret-looking files a directory copy would ship', () => {
    const context = fakeContext(['Dockerfile', 'server.js', '.env', 'certs/server.key', '.npmrc']);
    expect(flaggedLines(rule, dockerfile, { context })).toEqual([3]);
    const [f] = findings(rule, dockerfile, { context });
    expect(f!.message).toContain('.env');
    expect(f!.message).toContain('certs/server.key');
    expect(f!.message).toContain('into the final image');
    expect(f!.severity).toBe('warning');
  });

  it('says which build stage gets them', () => {
    const context = fakeContext(['.env', 'a.js']);
    const src = 'FROM node:22 AS build\nCOPY . .\nRUN npm run build\nFROM nginx\nCOPY --from=build /dist /h\n';
    expect(findings(rule, src, { context })[0]!.message).toContain('stage `build`');
  });

  it('accepts ignored files, explicit copies and copies of other directories', () => {
    expect(flaggedLines(rule, dockerfile, { context: fakeContext(['server.js', '.env'], (p) => p === '.env', '.dockerignore') })).toEqual([]);
    const context = fakeContext(['src/a.js', 'certs/tls.pem']);
    expect(flaggedLines(rule, 'FROM nginx\nCOPY src/ /app/\n', { context })).toEqual([]);
    expect(flaggedLines(rule, 'FROM nginx\nCOPY certs/tls.pem /etc/ssl/\n', { context })).toEqual([]);
    expect(flaggedLines(rule, 'FROM nginx\nCOPY certs /etc/ssl/certs\n', { context })).toEqual([2]);
  });

  it('flags credentials and .env files copied by name, even when a later RUN deletes them', () => {
    const context = fakeContext(['package.json', 'package-lock.json', '.npmrc', '.env', '.env.example', 'certs/tls.key', 'src/a.js']);
    const src = 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json .npmrc ./\nRUN npm ci && rm .npmrc\nCOPY .env* ./\nCOPY certs/tls.key /etc/ssl/\nCOPY src ./src\n';
    expect(flaggedLines(rule, src, { context })).toEqual([3, 5]);
    const [npmrc, env] = findings(rule, src, { context });
    expect(npmrc!.message).toContain('.npmrc');
    expect(npmrc!.message).toContain('leaves it in this layer');
    expect(npmrc!.range.start.column).toBe(37);
    expect(env!.message).toMatch(/puts \.env,/);
    expect(env!.message).not.toContain('.env.example');
  });

  it('says a named copy in a build stage reaches its cache, and skips ignored and missing files', () => {
    const src = 'FROM node:22 AS deps\nCOPY .npmrc ./\nRUN npm ci\nFROM node:22-slim\nCOPY --from=deps /node_modules ./node_modules\n';
    expect(findings(rule, src, { context: fakeContext(['.npmrc', 'package.json']) })[0]!.message).toContain('stage `deps`');
    expect(flaggedLines(rule, src, { context: fakeContext(['.npmrc', 'package.json'], (p) => p === '.npmrc', '.dockerignore') })).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nCOPY .npmrc ./\n', { context: fakeContext(['package.json']) })).toEqual([]);
  });

  it('matches names, not contents', () => {
    for (const p of ['.env', '.env.production', 'config/prod.env', 'id_rsa', 'keys/id_ed25519', 'a.pem', 'b.key', 'c.p12', '.aws/credentials', '.docker/config.json', '.npmrc', '.pypirc', '.netrc']) {
      expect(looksSecret(p), p).toBe(true);
    }
    for (const p of ['.env.example', '.env.sample', '.env.template', 'id_rsa.pub', 'node_modules/x/test/key.pem', 'src/keyboard.ts', 'docs/env.md']) {
      expect(looksSecret(p), p).toBe(false);
    }
  });
});
