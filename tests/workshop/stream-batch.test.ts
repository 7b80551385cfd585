// applyFeedItems: a batch gives the same state as the items one by one, and leaves the cells it
// did not touch as they were (the presenter grid redraws only changed cells by identity).
import { describe, expect, it } from 'vitest';
import { applyFeedItem, applyFeedItems, type StreamFeedItem } from '../../src/workshop/stream.ts';
import { presenterState, workshopView } from '../../src/workshop/views.ts';
import type { LearnerRecord, WorkshopRecord } from '../../src/workshop/store/types.ts';

const exercises = ['a', 'b', 'c'];
const w: WorkshopRecord = { id: 'w', code: 'ABCDEF', title: 'T', secretHash: '', exercises, locked: [], broadcast: null, endsAt: null, expiresAt: 1e15, createdAt: 0, ended: false, seq: 10 };
const learners: LearnerRecord[] = Array.from({ length: 4 }, (_, i) => ({ id: `l${i}`, name: `L${i}`, workshopId: 'w', tokenHash: '', joinedAt: 0, seq: i + 1 }));

let seq = 10;
const graded = (learner: string, exercise: string, score: number, size: number): StreamFeedItem => {
  seq++;
  return {
    seq,
    type: 'event',
    event: {
      seq, key: `k${seq}`, learnerId: learner, exercise, kind: 'graded', receivedAt: seq,
      payload: { exercise, score, passed: score === 1 ? ['x', 'y'] : ['x'], failed: score === 1 ? [] : ['y'], rules: score === 1 ? [] : ['DL3008'], sizeBytes: size, hintsUsed: 0, timeSpentMs: 5 },
    },
  } as StreamFeedItem;
};
const signal = (learner: string, exercise: string, kind: 'stuck' | 'unstuck' | 'done'): StreamFeedItem => {
  seq++;
  return { seq, type: 'event', event: { seq, key: `k${seq}`, learnerId: learner, exercise, kind, payload: { exercise }, receivedAt: seq } } as StreamFeedItem;
};

describe('applyFeedItems', () => {
  it('gives the same state as applying the items one at a time', () => {
    const start = presenterState(w, learners, [], 0, 0);
    const items: StreamFeedItem[] = [
      graded('l0', 'a', 0.5, 300),
      signal('l1', 'a', 'stuck'),
      graded('l0', 'a', 1, 200),
      { seq: ++seq, type: 'joined', learner: { id: 'l9', name: 'New', joinedAt: 1 } },
      signal('l2', 'b', 'stuck'),
      graded('l9', 'c', 1, 100),
      { seq: ++seq, type: 'workshop', workshop: { ...workshopView(w, 0), locked: ['c'] } },
      signal('l1', 'a', 'done'),
    ];
    const oneByOne = items.reduce(applyFeedItem, start);
    const batched = applyFeedItems(start, items);
    expect(batched).toEqual(oneByOne);
    expect(batched.stuck.map((s) => s.learnerId)).toEqual(['l2']);
    expect(batched.exercises.find((e) => e.exercise === 'a')).toMatchObject({ finished: 2, medianFinalSizeBytes: 200 });
    // Replayed items (at or before the state's position) change nothing.
    expect(applyFeedItems(batched, items)).toBe(batched);
  });

  it('keeps the cells it did not touch, so a view can redraw only the changed ones', () => {
    const first = applyFeedItems(presenterState(w, learners, [], 0, 0), [graded('l0', 'a', 0.5, 300), graded('l1', 'b', 0.5, 300)]);
    const next = applyFeedItems(first, [graded('l0', 'a', 1, 250)]);
    const find = (s: typeof first, l: string, e: string) => s.cells.find((c) => c.learnerId === l && c.exercise === e);
    expect(find(next, 'l1', 'b')).toBe(find(first, 'l1', 'b'));
    expect(find(next, 'l0', 'a')).not.toBe(find(first, 'l0', 'a'));
    expect(find(next, 'l0', 'a')).toMatchObject({ status: 'passed', finalSizeBytes: 250 });
    // The earlier state is not changed under its holder.
    expect(find(first, 'l0', 'a')).toMatchObject({ status: 'trying' });
  });
});
