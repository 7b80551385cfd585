/**
 * Drives the learner's EventQueue: flushes after every new event, retries after the delay the
 * queue asks for (backoff with jitter, Retry-After), at once when the browser comes back online,
 * and reports its state so the page can say "3 waiting to be sent". DOM-free apart from the
 * timer functions passed in, so tests run it with fake timers.
 */
import type { EventQueue, FlushOutcome } from '../../workshop/client/event-queue.ts';

export type OutboxState =
  | { kind: 'sent' }
  | { kind: 'sending'; pending: number }
  | { kind: 'waiting'; pending: number; retryInMs: number; reason: string }
  | { kind: 'dropped'; pending: number; status: number; reason: string };

export interface OutboxOptions {
  queue: EventQueue;
  onState?: (state: OutboxState) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class Outbox {
  private readonly queue: EventQueue;
  private readonly onState: (state: OutboxState) => void;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private timer: unknown = null;
  private running = false;
  private stopped = false;

  constructor(options: OutboxOptions) {
    this.queue = options.queue;
    this.onState = options.onState ?? (() => undefined);
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get pending(): number {
    return this.queue.pending;
  }

  /** Sends everything queued now (a new event, the browser back online, a reconnected stream). */
  kick(): void {
    if (this.stopped) return;
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    void this.run();
  }

  /** Stops sending (the workshop ended or was deleted); what is queued stays stored. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        if (this.stopped) return;
        if (this.queue.pending === 0) {
          this.onState({ kind: 'sent' });
          return;
        }
        this.onState({ kind: 'sending', pending: this.queue.pending });
        const outcome: FlushOutcome = await this.queue.flush();
        if (outcome.kind === 'retry') {
          this.onState({ kind: 'waiting', pending: this.queue.pending, retryInMs: outcome.retryInMs, reason: outcome.reason });
          this.timer = this.setTimer(() => {
            this.timer = null;
            void this.run();
          }, outcome.retryInMs);
          return;
        }
        if (outcome.kind === 'dropped') {
          this.onState({ kind: 'dropped', pending: this.queue.pending, status: outcome.status, reason: outcome.reason });
          // An ended or deleted workshop refuses everything after this too.
          if (outcome.status === 404 || outcome.status === 409 || outcome.status === 403) return;
        }
        if (outcome.kind === 'idle') continue;
      }
    } finally {
      this.running = false;
    }
  }
}
