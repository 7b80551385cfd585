// The DOM-free parts of the learner's pages: the graded-result coalescer, the outbox driver, the
// stored session and the countdown text.
import { describe, expect, it } from 'vitest';
import { GradedCoalescer } from '../../../src/client/workshop/coalesce.ts';
import { Outbox, type OutboxState } from '../../../src/client/workshop/outbox.ts';
import { canonicalCode, clearSession, loadSession, outboxStorage, saveSession, type KeyValue } from '../../../src/client/workshop/session.ts';
import { formatCountdown } from '../../../src/client/workshop/broadcast.ts';
import { outboxText } from '../../../src/client/workshop/learner-client.ts';
import { EventQueue, type Transport } from '../../../src/workshop/client/event-queue.ts';
import type { GradedEvent, WorkshopEvent } from '../../../src/workshop/events.ts';

/** Timers run by hand: `advance` fires what is due. */
function fakeTimers() {
  let now = 0;
  let id = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimer: (fn: () => void, ms: number) => {
      pending.set(++id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (handle: unknown) => void pending.delete(handle as number),
    advance(ms: number) {
      now += ms;
      for (const [key, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now && pending.delete(key)) t.fn();
      }
    },
    get count() {
      return pending.size;
    },
  };
}

const graded = (over: Partial<GradedEvent> = {}): GradedEvent => ({
  exercise: 'non-root',
  score: 0.5,
  passed: ['a'],
  failed: ['b'],
  rules: [],
  sizeBytes: 100,
  hintsUsed: 0,
  timeSpentMs: 1000,
  dockerfile: 'FROM scratch\n',
  ...over,
});

describe('GradedCoalescer', () => {
  it('sends the latest result once typing pauses, not every grading run', () => {
    const timers = fakeTimers();
    const sent: GradedEvent[] = [];
    const c = new GradedCoalescer({ emit: (e) => sent.push(e), quietMs: 2000, ...timers });
    c.push(graded({ sizeBytes: 1 }));
    timers.advance(1000);
    c.push(graded({ sizeBytes: 2 }));
    timers.advance(1999);
    expect(sent).toEqual([]);
    timers.advance(1);
    expect(sent.map((e) => e.sizeBytes)).toEqual([2]);
  });

  it('sends a pass at once, and never the same submission twice', () => {
    const timers = fakeTimers();
    const sent: GradedEvent[] = [];
    const c = new GradedCoalescer({ emit: (e) => sent.push(e), ...timers });
    const pass = graded({ score: 1, passed: ['a', 'b'], failed: [] });
    c.push(pass);
    expect(sent).toHaveLength(1);
    // The same Dockerfile graded again (a reload, a theme change) with more time spent: not news.
    c.push({ ...pass, timeSpentMs: 99_000 });
    c.flush();
    expect(sent).toHaveLength(1);
    expect(timers.count).toBe(0);
  });

  it('hands on a pending result when the page is hidden (flush)', () => {
    const timers = fakeTimers();
    const sent: GradedEvent[] = [];
    const c = new GradedCoalescer({ emit: (e) => sent.push(e), ...timers });
    c.push(graded());
    c.flush();
    expect(sent).toHaveLength(1);
    timers.advance(10_000);
    expect(sent).toHaveLength(1);
  });
});

describe('Outbox', () => {
  const ack = (events: WorkshopEvent[]) => ({ status: 200, body: { results: events.map((e, i) => ({ key: e.key, status: 'accepted', seq: i + 1, receivedAt: 0 })) } });

  it('retries after a failure with the delay the queue asks for, then reports everything sent', async () => {
    const timers = fakeTimers();
    let up = false;
    const stored = new Set<string>();
    const send: Transport = async (events) => {
      if (!up) throw new Error('offline');
      for (const e of events) stored.add(e.key);
      return ack(events);
    };
    const states: OutboxState[] = [];
    const queue = new EventQueue({ send });
    const outbox = new Outbox({ queue, onState: (s) => states.push(s), ...timers });
    queue.enqueue('stuck', { exercise: 'non-root' });
    outbox.kick();
    await new Promise((r) => setTimeout(r, 0));
    const waiting = states.at(-1)!;
    expect(waiting.kind).toBe('waiting');
    expect(outboxText(waiting)).toMatch(/^Offline or the server is busy: 1 update kept here, sent again in \d+ s\.$/);
    expect(queue.pending).toBe(1);
    up = true;
    timers.advance(60_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(states.at(-1)).toEqual({ kind: 'sent' });
    expect(stored.size).toBe(1);
    expect(queue.pending).toBe(0);
  });

  it('stops for good when the workshop refuses events (ended: 409 without results)', async () => {
    const timers = fakeTimers();
    let calls = 0;
    const send: Transport = async () => {
      calls++;
      return { status: 409, body: { error: 'the workshop has ended; it is read-only' } };
    };
    const states: OutboxState[] = [];
    const queue = new EventQueue({ send });
    const outbox = new Outbox({ queue, onState: (s) => states.push(s), ...timers });
    queue.enqueue('done', { exercise: 'non-root' });
    queue.enqueue('stuck', { exercise: 'non-root' });
    outbox.kick();
    await new Promise((r) => setTimeout(r, 0));
    expect(states.at(-1)).toMatchObject({ kind: 'dropped', status: 409, reason: 'the workshop has ended; it is read-only' });
    expect(calls).toBe(1);
    expect(timers.count).toBe(0);
  });
});

describe('learner session', () => {
  const memory = (): KeyValue & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  };

  it('normalises what people type as a code', () => {
    expect(canonicalCode(' abc-23x ')).toBe('ABC23X');
  });

  it('keeps one session per code with its outbox, and forgets both together', () => {
    const storage = memory();
    const session = { code: 'ABC234', token: 't', learnerId: 'l', name: 'Ada', title: 'Class' };
    expect(saveSession(storage, session)).toBe(true);
    expect(loadSession(storage, 'abc-234')).toEqual(session);
    outboxStorage(storage, 'ABC234')!.save('[1]');
    clearSession(storage, 'ABC234');
    expect(loadSession(storage, 'ABC234')).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('treats damaged or blocked storage as no session, never as an error', () => {
    const storage = memory();
    storage.setItem('layerwise:workshop:ABC234', '{not json');
    expect(loadSession(storage, 'ABC234')).toBeNull();
    storage.setItem('layerwise:workshop:ABC234', JSON.stringify({ code: 'ABC234' }));
    expect(loadSession(storage, 'ABC234')).toBeNull();
    const full: KeyValue = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(saveSession(full, { code: 'A', token: 't', learnerId: 'l', name: 'n', title: '' })).toBe(false);
    expect(() => outboxStorage(full, 'A')!.save('[]')).not.toThrow();
    expect(loadSession(null, 'ABC234')).toBeNull();
  });
});

describe('formatCountdown', () => {
  it('reads like a clock and never goes negative', () => {
    expect(formatCountdown(300_000)).toBe('5:00');
    expect(formatCountdown(245_100)).toBe('4:06');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});
