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
  return applyFeedItems(state, [item]);
}

/**
 * The state after several feed items, in order. The per-cell changes are applied item by item
 * and the derived views (stuck queue, per-exercise summaries, common failures) computed once at
 * the end: with 500 learners those cost milliseconds, and a presenter page receiving a hundred
 * items a second applies them in batches, once per render.
 */
export function applyFeedItems(state: PresenterState, items: readonly StreamFeedItem[]): PresenterState {
  let { learners, cells, eventCount, workshop, seq } = state;
  let cellIndex: Map<string, number> | null = null;
  let events = false;
  let changed = false;
  for (const item of items) {
    if (item.seq <= seq) continue;
    changed = true;
    seq = item.seq;
    switch (item.type) {
      case 'joined':
        learners = [...learners, item.learner];
        break;
      case 'workshop':
        workshop = item.workshop;
        break;
      case 'event': {
        const e = item.event;
        if (!cellIndex) {
          // Copied once per batch; unchanged cells keep their identity (the grid redraws only changed ones).
          cells = [...cells];
          cellIndex = new Map(cells.map((c, i) => [`${c.learnerId}\u0000${c.exercise}`, i]));
        }
        const k = `${e.learnerId}\u0000${e.exercise}`;
        const i = cellIndex.get(k);
        const next: Cell = applyEvent(i !== undefined ? cells[i]! : null, e.learnerId, asWorkshopEvent(e), e.seq, e.receivedAt);
        delete next.dockerfile;
        if (i !== undefined) cells[i] = next;
        else {
          cellIndex.set(k, cells.length);
          cells.push(next);
        }
        eventCount++;
        events = true;
        break;
      }
    }
  }
  if (!changed) return state;
  const records = learners.map((l) => ({ ...l, workshopId: '', tokenHash: '', seq: 0 }));
  return {
    workshop,
    learners,
    cells,
    stuck: events ? stuckQueue(records, cells) : state.stuck.map((s) => ({ ...s, name: learners.find((l) => l.id === s.learnerId)?.name ?? s.name })),
    exercises: events || workshop.exercises !== state.workshop.exercises ? exerciseSummaries(workshop.exercises, cells) : state.exercises,
    failing: events ? commonFailures(cells) : state.failing,
    eventCount,
    seq,
  };
}
