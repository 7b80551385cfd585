import { describe, expect, it } from 'vitest';
import { readRunRequest, runPageUrl } from '../../src/client/run/request.ts';

describe('the run page request in the URL fragment', () => {
  it('round-trips the Dockerfile, the .dockerignore and where it came from, and says start', async () => {
    const url = await runPageUrl('prod-deps', { dockerfile: 'FROM node:22\nCMD ["node", "a.js"]\n', dockerignore: 'node_modules\n', from: 'playground' }, 'https://example.test');
    expect(url).toMatch(/^https:\/\/example\.test\/run\/prod-deps\/\?start#[A-Za-z0-9_-]+$/);
    expect(await readRunRequest(new URL(url).hash)).toEqual({ dockerfile: 'FROM node:22\nCMD ["node", "a.js"]\n', dockerignore: 'node_modules\n', from: 'playground' });
  });

  it('leaves the .dockerignore out when none was given, so the exercise\'s own applies', async () => {
    const url = await runPageUrl('x', { dockerfile: 'FROM node:22\n', from: 'exercise' });
    expect(await readRunRequest(url.slice(url.indexOf('#')))).toEqual({ dockerfile: 'FROM node:22\n', from: 'exercise' });
  });

  it('gives null for no fragment or a damaged one, never a throw', async () => {
    expect(await readRunRequest('')).toBeNull();
    expect(await readRunRequest('#')).toBeNull();
    expect(await readRunRequest('#not-base64-deflate!!')).toBeNull();
    expect(await readRunRequest('#AAAA')).toBeNull();
  });
});
