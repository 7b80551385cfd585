/**
 * One learner's connection to a workshop on any page: the persisted outbox (EventQueue + Outbox),
 * resent at start (events a closed tab left behind), when the browser comes back online and when
 * the live stream reconnects.
 */
import { EventQueue } from '../../workshop/client/event-queue.ts';
import type { GradedEvent, SignalKind } from '../../workshop/events.ts';
import { eventTransport } from './api.ts';
import { Outbox, type OutboxState } from './outbox.ts';
import { outboxStorage, type KeyValue, type LearnerSession } from './session.ts';

export interface LearnerClient {
  readonly outbox: Outbox;
  graded(event: GradedEvent): void;
  signal(kind: SignalKind, exercise: string): void;
  /** Resend now (after a reconnection). */
  kick(): void;
}

export function startLearnerClient(session: LearnerSession, storage: KeyValue | null, onState: (state: OutboxState) => void): LearnerClient {
  const queue = new EventQueue({ send: eventTransport(session.code, session.token), storage: outboxStorage(storage, session.code) });
  const outbox = new Outbox({ queue, onState });
  window.addEventListener('online', () => outbox.kick());
  outbox.kick();
  return {
    outbox,
    graded(event) {
      queue.enqueue('graded', event);
      outbox.kick();
    },
    signal(kind, exercise) {
      queue.enqueue(kind, { exercise });
      outbox.kick();
    },
    kick: () => outbox.kick(),
  };
}

/** The outbox's state in words, for a status line beside the learner's buttons. */
export function outboxText(state: OutboxState): string {
  switch (state.kind) {
    case 'sent':
      return 'Everything is sent to the instructor.';
    case 'sending':
      return `Sending ${state.pending} update${state.pending === 1 ? '' : 's'}…`;
    case 'waiting':
      return `Offline or the server is busy: ${state.pending} update${state.pending === 1 ? '' : 's'} kept here, sent again in ${Math.ceil(state.retryInMs / 1000)} s.`;
    case 'dropped':
      return `The server refused an update: ${state.reason}.`;
  }
}
