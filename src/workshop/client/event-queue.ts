/**
 * The learner's outbox: every event gets its idempotency key when it happens, waits in a queue
 * that survives reloads (the page passes localStorage as `storage`), and is resent until the
 * server has stored it. The server stores each key once, so resending after a lost answer is
 * safe. DOM-free: the learner page and the load test (scripts/loadtest.mjs) both use it.
 */
import type { EventAck, EventKind, GradedEvent, SignalEvent, WorkshopEvent } from '../events.ts';
import { LIMITS } from '../limits.ts';

export interface QueueStorage {
  load(): string | null;
  save(value: string): void;
}

/** Sends one batch; resolves with the HTTP status and parsed body, rejects on a network failure. */
export type Transport = (events: WorkshopEvent[]) => Promise<{ status: number; body: unknown; retryAfterSeconds?: number }>;

export type FlushOutcome =
  | { kind: 'idle' }
  | { kind: 'sent'; acks: EventAck[] }
  /** Network failure, 5xx or 429: the batch stays queued; try again after `retryInMs`. */
  | { kind: 'retry'; retryInMs: number; reason: string }
  /** The server refused the batch for good (bad event, ended or deleted workshop): dropped. */
  | { kind: 'dropped'; status: number; reason: string; events: WorkshopEvent[] };

export interface EventQueueOptions {
  send: Transport;
  storage?: QueueStorage;
  /** Random bytes (crypto.getRandomValues works in browsers even without HTTPS, unlike randomUUID). */
  randomBytes?: (n: number) => Uint8Array;
  maxBatch?: number;
}

const MAX_BACKOFF_MS = 30_000;

export function newEventKey(randomBytes: (n: number) => Uint8Array): string {
  return [...randomBytes(16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const defaultRandom = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

export class EventQueue {
  private queue: WorkshopEvent[] = [];
  private readonly send: Transport;
  private readonly storage: QueueStorage | undefined;
  private readonly randomBytes: (n: number) => Uint8Array;
  private readonly maxBatch: number;
  private inFlight: Promise<FlushOutcome> | null = null;
  private failures = 0;

  constructor(options: EventQueueOptions) {
    this.send = options.send;
    this.storage = options.storage;
    this.randomBytes = options.randomBytes ?? defaultRandom;
    this.maxBatch = Math.min(options.maxBatch ?? 50, LIMITS.eventsPerBatch);
    const saved = this.storage?.load();
    if (saved) {
      try {
        const parsed = JSON.parse(saved) as unknown;
        if (Array.isArray(parsed)) this.queue = parsed as WorkshopEvent[];
      } catch {
        // A damaged saved queue is dropped rather than blocking every later event.
      }
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Queues an event and returns its idempotency key. */
  enqueue(kind: 'graded', payload: GradedEvent): string;
  enqueue(kind: Exclude<EventKind, 'graded'>, payload: SignalEvent): string;
  enqueue(kind: EventKind, payload: GradedEvent | SignalEvent): string {
    const key = newEventKey(this.randomBytes);
    this.queue.push({ key, kind, payload } as WorkshopEvent);
    this.persist();
    return key;
  }

  private persist(): void {
    this.storage?.save(JSON.stringify(this.queue));
  }

  private remove(events: WorkshopEvent[]): void {
    const sent = new Set(events.map((e) => e.key));
    this.queue = this.queue.filter((e) => !sent.has(e.key));
    this.persist();
  }

  private backoff(reason: string, retryAfterSeconds?: number): FlushOutcome {
    this.failures++;
    // Exponential with full jitter, so 500 learners reconnecting do not resend in step.
    const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(this.failures, 6));
    const jitter = this.randomBytes(1)[0]! / 255;
    const retryInMs = Math.max(retryAfterSeconds ? retryAfterSeconds * 1000 : 0, Math.round(250 + jitter * ceiling));
    return { kind: 'retry', retryInMs, reason };
  }

  /** Sends the oldest batch (one request at a time); the caller schedules the next flush. */
  flush(): Promise<FlushOutcome> {
    if (this.inFlight) return this.inFlight;
    if (this.queue.length === 0) return Promise.resolve({ kind: 'idle' });
    const batch = this.queue.slice(0, this.maxBatch);
    this.inFlight = this.sendBatch(batch).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async sendBatch(batch: WorkshopEvent[]): Promise<FlushOutcome> {
    let answer: Awaited<ReturnType<Transport>>;
    try {
      answer = await this.send(batch);
    } catch (error) {
      return this.backoff(error instanceof Error ? error.message : 'network error');
    }
    const body = answer.body as { results?: EventAck[]; error?: string } | null;
    // 200, or 409 with results: every event of the batch is stored (409 = all were already).
    if ((answer.status === 200 || answer.status === 409) && Array.isArray(body?.results)) {
      this.failures = 0;
      this.remove(batch);
      return { kind: 'sent', acks: body.results };
    }
    if (answer.status === 429 || answer.status === 408 || answer.status >= 500) {
      return this.backoff(body?.error ?? `HTTP ${answer.status}`, answer.retryAfterSeconds);
    }
    // Any other 4xx will not change by resending: drop the batch and say why.
    this.failures = 0;
    this.remove(batch);
    return { kind: 'dropped', status: answer.status, reason: body?.error ?? `HTTP ${answer.status}`, events: batch };
  }
}
