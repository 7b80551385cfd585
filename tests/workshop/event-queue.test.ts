import { describe, expect, it } from 'vitest';
import { EventQueue, type QueueStorage, type Transport } from '../../src/workshop/client/event-queue.ts';
import type { WorkshopEvent } from '../../src/workshop/events.ts';

const payload = { exercise: 'ex-a', score: 1, passed: [], sizeBytes: 1, hintsUsed: 0, timeSpentMs: 1 };
const memory = (): QueueStorage & { value: string | null } => ({ value: null, load() { return this.value; }, save(v) { this.value = v; } });
const acks = (events: WorkshopEvent[], status: 'accepted' | 'duplicate' = 'accepted') => events.map((e, i) => ({ key: e.key, status, seq: i + 1, receivedAt: 0 }));

describe('EventQueue (the learner outbox)', () => {
  it('keys every event with 128 random bits in the format the server accepts', () => {
    const q = new EventQueue({ send: async () => ({ status: 200, body: { results: [] } }) });
    const keys = new Set(Array.from({ length: 100 }, () => q.enqueue('stuck', { exercise: 'ex-a' })));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps events through failures and reloads, resends the same keys, and empties once stored', async () => {
    const storage = memory();
    const sent: string[][] = [];
    let mode: 'down' | 'lost-answer' | 'up' = 'down';
    const send: Transport = async (events) => {
      sent.push(events.map((e) => e.key));
      if (mode === 'down') throw new Error('connection refused');
      if (mode === 'lost-answer') return { status: 502, body: null };
      return { status: 409, body: { error: 'every event in this batch was already stored', results: acks(events, 'duplicate') } };
    };
    const first = new EventQueue({ send, storage });
    const k1 = first.enqueue('graded', payload);
    const k2 = first.enqueue('done', { exercise: 'ex-a' });
    const failed = await first.flush();
    expect(failed).toMatchObject({ kind: 'retry', reason: 'connection refused' });
    expect(failed.kind === 'retry' && failed.retryInMs).toBeGreaterThanOrEqual(250);
    // The page reloads: a new queue reads the saved one.
    const second = new EventQueue({ send, storage });
    expect(second.pending).toBe(2);
    mode = 'lost-answer';
    expect((await second.flush()).kind).toBe('retry');
    mode = 'up';
    expect(await second.flush()).toMatchObject({ kind: 'sent' });
    expect(second.pending).toBe(0);
    expect(sent).toEqual([[k1, k2], [k1, k2], [k1, k2]]);
    expect(storage.value).toBe('[]');
  });

  it('waits at least Retry-After on 429, and drops a batch the server refuses for good', async () => {
    let status = 429;
    const q = new EventQueue({
      send: async () => (status === 429 ? { status, body: { error: 'too many' }, retryAfterSeconds: 7 } : { status, body: { error: 'the workshop has ended; it is read-only' } }),
      randomBytes: (n) => new Uint8Array(n),
    });
    q.enqueue('stuck', { exercise: 'ex-a' });
    expect(await q.flush()).toEqual({ kind: 'retry', retryInMs: 7000, reason: 'too many' });
    status = 409;
    const dropped = await q.flush();
    expect(dropped).toMatchObject({ kind: 'dropped', status: 409, reason: 'the workshop has ended; it is read-only' });
    expect(q.pending).toBe(0);
  });

  it('sends one batch at a time, oldest first, at most maxBatch events', async () => {
    const batches: number[] = [];
    const q = new EventQueue({ send: async (events) => (batches.push(events.length), { status: 200, body: { results: acks(events) } }), maxBatch: 3 });
    for (let i = 0; i < 5; i++) q.enqueue('stuck', { exercise: 'ex-a' });
    const [a, b] = [q.flush(), q.flush()];
    expect(a).toBe(b);
    await a;
    await q.flush();
    expect(batches).toEqual([3, 2]);
  });

  it('drops a damaged saved queue instead of failing', () => {
    const storage = memory();
    storage.value = '{not json';
    expect(new EventQueue({ send: async () => ({ status: 200, body: {} }), storage }).pending).toBe(0);
  });
});
