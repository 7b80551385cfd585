import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../src/client/playground/share.ts';

describe('playground share links', () => {
  it('round-trips a Dockerfile and project through a URL-safe string', async () => {
    const state = { dockerfile: 'FROM node:22-slim\nRUN echo "ünïcödé & <tags>"\n'.repeat(20), project: 'cache-order' };
    const encoded = await encodeState(state);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(JSON.stringify(state).length);
    expect(await decodeState(encoded)).toEqual(state);
  });

  it('returns null for anything it did not make', async () => {
    expect(await decodeState('not-a-state')).toBeNull();
    expect(await decodeState('')).toBeNull();
  });
});
