/**
 * The exercise page grades on every edit (150 ms after typing stops); a workshop needs the
 * learner's result, not every keystroke. This keeps the latest `graded` event and hands it on
 * once the learner has paused for `quietMs`, at once when it passes every objective (the
 * presenter should see a finish without delay) or when the page is hidden, and never twice for
 * the same submission and result.
 */
import type { GradedEvent } from '../../workshop/events.ts';

export interface CoalescerOptions {
  emit: (event: GradedEvent) => void;
  quietMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** What makes two results the same submission: time spent and hints alone are not news. */
function fingerprint(e: GradedEvent): string {
  return JSON.stringify([e.exercise, e.score, e.sizeBytes, e.passed, e.failed ?? [], e.rules ?? [], e.dockerfile ?? '']);
}

export class GradedCoalescer {
  private latest: GradedEvent | null = null;
  private lastSent: string | null = null;
  private timer: unknown = null;
  private readonly emit: (event: GradedEvent) => void;
  private readonly quietMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(options: CoalescerOptions) {
    this.emit = options.emit;
    this.quietMs = options.quietMs ?? 2000;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  push(event: GradedEvent): void {
    this.latest = event;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    if (event.passed.length > 0 && (event.failed ?? []).length === 0) {
      this.flush();
      return;
    }
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.flush();
    }, this.quietMs);
  }

  /** Hands on the latest result now, unless it was already sent. */
  flush(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const event = this.latest;
    this.latest = null;
    if (!event) return;
    const print = fingerprint(event);
    if (print === this.lastSent) return;
    this.lastSent = print;
    this.emit(event);
  }
}
