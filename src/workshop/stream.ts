/**
 * The presenter's live stream (server-sent events) and how a page applies it. DOM-free: the
 * presenter page imports `applyFeedItem` and renders the state it returns.
 *
 * Messages:
 * - `snapshot` (id = its feed number): the whole PresenterState; sent when a stream starts
 *   without Last-Event-ID.
 * - `feed` (id = the item's feed number): one FeedItem after the snapshot or after Last-Event-ID;
 *   EventSource resends the last id when it reconnects, so nothing is missed or repeated.
 * - `deleted`: the workshop was deleted; the stream ends.
 * The learner's stream sends only `workshop` (the WorkshopView, on connect and on every change)
 * and `deleted`.
 */
import type { GradedEvent, WorkshopEvent } from './events.ts';
import { applyEvent } from './store/progress.ts';
import type { Cell, FeedItem, StoredEvent } from './store/types.ts';
import { commonFailures, exerciseSummaries, stuckQueue, type PresenterState, type WorkshopView } from './views.ts';

/** A feed item as the stream sends it: the workshop without its secret hash. */
export type StreamFeedItem = Exclude<FeedItem, { type: 'workshop' }> | { seq: number; type: 'workshop'; workshop: WorkshopView };

function asWorkshopEvent(e: StoredEvent): WorkshopEvent {
  return e.kind === 'graded'
    ? { key: e.key, kind: 'graded', payload: e.payload as GradedEvent }
    : { key: e.key, kind: e.kind, payload: { exercise: e.exercise } };
}

/** The state after one feed item; items at or before `state.seq` are ignored (already applied). */
export function applyFeedItem(state: PresenterState, item: StreamFeedItem): PresenterState {
  if (item.seq <= state.seq) return state;
  let { learners, cells, eventCount, workshop } = state;
  switch (item.type) {
    case 'joined':
      learners = [...learners, item.learner];
      break;
    case 'workshop':
      workshop = item.workshop;
      break;
    case 'event': {
      const e = item.event;
      const i = cells.findIndex((c) => c.learnerId === e.learnerId && c.exercise === e.exercise);
      const next: Cell = applyEvent(i >= 0 ? cells[i]! : null, e.learnerId, asWorkshopEvent(e), e.seq, e.receivedAt);
      delete next.dockerfile;
      cells = i >= 0 ? cells.map((c, j) => (j === i ? next : c)) : [...cells, next];
      eventCount++;
      break;
    }
  }
  const records = learners.map((l) => ({ ...l, workshopId: '', tokenHash: '', seq: 0 }));
  return {
    workshop,
    learners,
    cells,
    stuck: item.type === 'event' ? stuckQueue(records, cells) : state.stuck.map((s) => ({ ...s, name: learners.find((l) => l.id === s.learnerId)?.name ?? s.name })),
    exercises: item.type === 'event' ? exerciseSummaries(workshop.exercises, cells) : state.exercises,
    failing: item.type === 'event' ? commonFailures(cells) : state.failing,
    eventCount,
    seq: item.seq,
  };
}
