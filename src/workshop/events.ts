/**
 * The events a learner's browser sends to a workshop, and the `graded` event the exercise embed
 * emits (issue 7). One shape for both, in a module free of the DOM and of Node, so the embed,
 * the learner's queue and the server agree by construction.
 */

/** What the exercise page (and the embed) reports after every grading run. */
export interface GradedEvent {
  /** The exercise's id (its content id). */
  exercise: string;
  /** Passed objectives / all objectives, 0..1 (GradeResult.score). */
  score: number;
  /** Ids of the objectives that passed. */
  passed: string[];
  /** Ids of the objectives that failed; lets the presenter show what the class gets wrong. */
  failed?: string[];
  /** Rule ids of the lint findings on this submission (e.g. "DL3009"). */
  rules?: string[];
  /** Simulated final image size, uncompressed (GradeResult.image.totals.sizeBytes). */
  sizeBytes: number;
  /** Hints the learner has opened on this exercise so far. */
  hintsUsed: number;
  /** Time the learner has spent on this exercise so far. */
  timeSpentMs: number;
  /** The graded Dockerfile, for the presenter's anonymous spotlight (at most 64 KB). */
  dockerfile?: string;
}

/** The learner's signals beside grading: the Carpentries' red and green sticky notes. */
export type SignalKind = 'stuck' | 'unstuck' | 'done';
export type EventKind = 'graded' | SignalKind;
export const EVENT_KINDS: readonly EventKind[] = ['graded', 'stuck', 'unstuck', 'done'];

export interface SignalEvent {
  exercise: string;
}

/**
 * One event as the learner's queue sends it. `key` is the idempotency key the browser chose when
 * the event happened; resending the same key never stores the event twice.
 */
export type WorkshopEvent =
  | { key: string; kind: 'graded'; payload: GradedEvent }
  | { key: string; kind: SignalKind; payload: SignalEvent };

/** The server's answer for one event of a batch. A replay gets the original acceptance back. */
export interface EventAck {
  key: string;
  status: 'accepted' | 'duplicate';
  /** Position in the workshop's feed (the SSE id the presenter sees). */
  seq: number;
  /** Server time (epoch ms) of the original acceptance. */
  receivedAt: number;
}
