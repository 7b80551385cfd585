import { describe, expect, it } from 'vitest';
import { Queue } from '../src/queue.js';

describe('Queue', () => {
  it('retries a failing notification, then gives up', async () => {
    const q = new Queue(2);
    const n = q.add('webhook', 'https://example.org/hook', 'deploy finished');
    const failing = async () => {
      throw new Error('503');
    };
    await q.drain(failing);
    expect(n).toMatchObject({ attempts: 1, state: 'queued' });
    await q.drain(failing);
    expect(n).toMatchObject({ attempts: 2, state: 'failed' });
  });
});
