/**
 * The store's behaviour, run against every implementation (store.sqlite.test.ts,
 * store.postgres.test.ts). `open()` returns a new store on the same database each call.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopEvent } from '../../src/workshop/events.ts';
import { hashSecret, newJoinCode, newSecret } from '../../src/workshop/secrets.ts';
import { CodeTakenError, WorkshopGoneError, type WorkshopStore } from '../../src/workshop/store/types.ts';
import { exportRows, presenterState } from '../../src/workshop/views.ts';

const NOW = 1_800_000_000_000;

export function graded(key: string, exercise: string, score: number, sizeBytes: number, extra: Partial<WorkshopEvent['payload']> = {}): WorkshopEvent {
  return { key, kind: 'graded', payload: { exercise, score, passed: [], sizeBytes, hintsUsed: 0, timeSpentMs: 1000, ...extra } as never };
}
const signal = (key: string, kind: 'stuck' | 'unstuck' | 'done', exercise: string): WorkshopEvent => ({ key, kind, payload: { exercise } });

export function storeSuite(name: string, open: () => Promise<WorkshopStore>, ready: () => boolean = () => true) {
  describe.skipIf(!ready())(`workshop store (${name})`, () => {
    let store: WorkshopStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    async function workshop(exercises = ['ex-a', 'ex-b'], expiresAt = NOW + 3_600_000) {
      return store.createWorkshop({
        id: randomUUID(),
        code: newJoinCode(),
        title: 'Small images',
        secretHash: hashSecret(newSecret()),
        exercises,
        endsAt: null,
        expiresAt,
        createdAt: NOW,
      });
    }
    async function learner(workshopId: string, name = 'Ada') {
      return store.addLearner({ id: randomUUID(), workshopId, name, tokenHash: hashSecret(newSecret()), joinedAt: NOW });
    }

    it('creates a workshop and finds it by code and id', async () => {
      const w = await workshop();
      expect(await store.workshopByCode(w.code)).toEqual(w);
      expect(await store.workshopById(w.id)).toEqual(w);
      expect(await store.workshopByCode('NOPE22')).toBeNull();
    });

    it('refuses a join code that is in use', async () => {
      const w = await workshop();
      await expect(store.createWorkshop({ ...w, id: randomUUID() })).rejects.toBeInstanceOf(CodeTakenError);
    });

    it('finds a learner by token hash and numbers joins in the feed', async () => {
      const w = await workshop();
      const a = await learner(w.id, 'Ada');
      const b = await learner(w.id, '<img src=x onerror=alert(1)>');
      expect([a.seq, b.seq]).toEqual([1, 2]);
      expect(await store.learnerByTokenHash(b.tokenHash)).toEqual(b);
      expect(await store.learnerByTokenHash(hashSecret('other'))).toBeNull();
      expect((await store.learners(w.id)).map((l) => l.name)).toEqual(['Ada', '<img src=x onerror=alert(1)>']);
    });

    it('stores each idempotency key once and answers a replay with the original acceptance', async () => {
      const w = await workshop();
      const l = await learner(w.id);
      const first = await store.recordEvents(w.id, l.id, [graded('key-00001', 'ex-a', 0.5, 100), graded('key-00002', 'ex-a', 1, 90)], NOW);
      expect(first).toEqual([
        { key: 'key-00001', status: 'accepted', seq: 2, receivedAt: NOW },
        { key: 'key-00002', status: 'accepted', seq: 3, receivedAt: NOW },
      ]);
      const replay = await store.recordEvents(w.id, l.id, [graded('key-00002', 'ex-a', 1, 90), graded('key-00003', 'ex-b', 0, 5)], NOW + 5000);
      expect(replay).toEqual([
        { key: 'key-00002', status: 'duplicate', seq: 3, receivedAt: NOW },
        { key: 'key-00003', status: 'accepted', seq: 4, receivedAt: NOW + 5000 },
      ]);
      // The same key twice in one batch is stored once.
      const twice = await store.recordEvents(w.id, l.id, [signal('key-00004', 'stuck', 'ex-b'), signal('key-00004', 'stuck', 'ex-b')], NOW);
      expect(twice.map((a) => a.status)).toEqual(['accepted', 'duplicate']);
      expect(await store.eventCount(w.id)).toBe(4);
      expect((await store.workshopById(w.id))!.seq).toBe(5);
      // Keys are per learner: another learner may use the same key.
      const other = await learner(w.id, 'Grace');
      expect((await store.recordEvents(w.id, other.id, [graded('key-00001', 'ex-a', 0, 1)], NOW))[0]!.status).toBe('accepted');
    });

    it('gives concurrent batches contiguous feed numbers and loses none', async () => {
      const w = await workshop();
      const learners = await Promise.all(Array.from({ length: 8 }, (_, i) => learner(w.id, `L${i}`)));
      const acks = await Promise.all(
        learners.flatMap((l, i) => [0, 1, 2].map((j) => store.recordEvents(w.id, l.id, [graded(`k-${i}-${j}-aaaa`, 'ex-a', 0.5, 10), signal(`s-${i}-${j}-aaaa`, 'stuck', 'ex-b')], NOW))),
      );
      const seqs = acks.flat().map((a) => a.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 48 }, (_, i) => 9 + i));
      expect(await store.eventCount(w.id)).toBe(48);
    });

    it('keeps progress: trying, passed with final size, stuck queue in order, done', async () => {
      const w = await workshop();
      const ada = await learner(w.id, 'Ada');
      const bob = await learner(w.id, 'Bob');
      const cyd = await learner(w.id, 'Cyd');
      await store.recordEvents(w.id, bob.id, [signal('bob-stuck1', 'stuck', 'ex-a')], NOW + 1);
      await store.recordEvents(w.id, ada.id, [graded('ada-grade1', 'ex-a', 0.5, 300_000_000, { failed: ['size'], rules: ['DL3009'] } as never)], NOW + 2);
      await store.recordEvents(w.id, cyd.id, [signal('cyd-stuck1', 'stuck', 'ex-a')], NOW + 3);
      await store.recordEvents(w.id, bob.id, [signal('bob-stuck2', 'stuck', 'ex-a')], NOW + 4); // keeps its place
      await store.recordEvents(w.id, ada.id, [graded('ada-grade2', 'ex-a', 1, 120_000_000, { dockerfile: 'FROM node:22-slim\n' } as never)], NOW + 5);
      await store.recordEvents(w.id, cyd.id, [graded('cyd-grade1', 'ex-a', 1, 80_000_000), signal('cyd-done01', 'done', 'ex-b')], NOW + 6);

      const cells = await store.cells(w.id);
      const byName = (l: { id: string }, ex: string) => cells.find((c) => c.learnerId === l.id && c.exercise === ex)!;
      expect(byName(ada, 'ex-a')).toMatchObject({ status: 'passed', bestScore: 1, lastScore: 1, sizeBytes: 120_000_000, finalSizeBytes: 120_000_000, gradedCount: 2, failed: [], stuck: false });
      expect(byName(bob, 'ex-a')).toMatchObject({ status: 'started', stuck: true, stuckAt: NOW + 1 });
      expect(byName(cyd, 'ex-a')).toMatchObject({ status: 'passed', stuck: false });
      expect(byName(cyd, 'ex-b')).toMatchObject({ status: 'done' });
      expect(cells.every((c) => c.dockerfile === undefined)).toBe(true);
      expect((await store.cell(w.id, ada.id, 'ex-a'))!.dockerfile).toBe('FROM node:22-slim\n');

      const state = presenterState((await store.workshopById(w.id))!, await store.learners(w.id), cells, await store.eventCount(w.id), NOW);
      expect(state.stuck.map((s) => s.name)).toEqual(['Bob']);
      expect(state.exercises).toEqual([
        { exercise: 'ex-a', attempted: 3, finished: 2, medianFinalSizeBytes: 100_000_000 },
        { exercise: 'ex-b', attempted: 1, finished: 1, medianFinalSizeBytes: null },
      ]);
      await store.recordEvents(w.id, bob.id, [graded('bob-grade1', 'ex-a', 0.5, 1, { failed: ['size', 'non-root'], rules: ['DL3009'] } as never)], NOW + 7);
      const later = presenterState((await store.workshopById(w.id))!, await store.learners(w.id), await store.cells(w.id), 0, NOW);
      expect(later.failing.objectives).toEqual([
        { exercise: 'ex-a', id: 'non-root', learners: 1 },
        { exercise: 'ex-a', id: 'size', learners: 1 },
      ]);
      expect(later.failing.rules).toEqual([{ exercise: 'ex-a', id: 'DL3009', learners: 1 }]);
      await store.recordEvents(w.id, bob.id, [signal('bob-unstuck', 'unstuck', 'ex-a')], NOW + 8);
      expect((await store.cells(w.id)).some((c) => c.stuck)).toBe(false);
    });

    it('replays the feed in order from any position, in pages', async () => {
      const w = await workshop();
      const a = await learner(w.id, 'Ada');
      await store.recordEvents(w.id, a.id, [graded('feed-0001', 'ex-a', 0, 1, { dockerfile: 'FROM scratch\n' } as never)], NOW);
      await store.updateWorkshop(w.id, { locked: ['ex-b'] });
      const b = await learner(w.id, 'Bob');
      await store.recordEvents(w.id, b.id, [signal('feed-0002', 'stuck', 'ex-a')], NOW);
      const all = await store.feedSince(w.id, 0, 100);
      expect(all.map((i) => [i.seq, i.type])).toEqual([
        [1, 'joined'],
        [2, 'event'],
        [3, 'workshop'],
        [4, 'joined'],
        [5, 'event'],
      ]);
      const ev = all[1]!;
      expect(ev.type === 'event' && ev.event).toMatchObject({ key: 'feed-0001', learnerId: a.id, kind: 'graded', exercise: 'ex-a' });
      expect(ev.type === 'event' && 'dockerfile' in ev.event.payload).toBe(false);
      expect((await store.feedSince(w.id, 3, 100)).map((i) => i.seq)).toEqual([4, 5]);
      const paged: number[] = [];
      for (let after = 0; ; ) {
        const page = await store.feedSince(w.id, after, 2);
        if (page.length === 0) break;
        paged.push(...page.map((i) => i.seq));
        after = page[page.length - 1]!.seq;
      }
      expect(paged).toEqual([1, 2, 3, 4, 5]);
    });

    it('lets a reader following the feed by cursor see every number while writers commit', async () => {
      const w = await workshop();
      const first = await learner(w.id, 'First');
      let writing = true;
      const writers = Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          for (let j = 0; j < 15; j++) {
            if (j % 3 === 0) await learner(w.id, `W${i}-${j}`);
            else await store.recordEvents(w.id, first.id, [signal(`race-${i}-${j}-xxx`, j % 2 ? 'stuck' : 'unstuck', 'ex-a')], NOW);
          }
        }),
      ).finally(() => (writing = false));
      const seen: number[] = [];
      let cursor = 0;
      while (writing || cursor < (await store.workshopById(w.id))!.seq) {
        const items = await store.feedSince(w.id, cursor, 7);
        for (const item of items) seen.push(item.seq);
        if (items.length > 0) cursor = items[items.length - 1]!.seq;
      }
      await writers;
      expect(seen).toEqual(Array.from({ length: 121 }, (_, i) => i + 1));
    });

    it('updates locks, broadcast and the ended flag', async () => {
      const w = await workshop();
      const broadcast = { message: 'Break: back in 10', countdownEndsAt: NOW + 600_000, at: NOW };
      const updated = await store.updateWorkshop(w.id, { locked: ['ex-b'], broadcast });
      expect(updated).toMatchObject({ locked: ['ex-b'], broadcast, ended: false, seq: 1 });
      expect(await store.updateWorkshop(w.id, { ended: true, broadcast: null })).toMatchObject({ locked: ['ex-b'], broadcast: null, ended: true, seq: 2 });
      expect(await store.workshopById(w.id)).toMatchObject({ ended: true, broadcast: null, seq: 2 });
      expect(await store.updateWorkshop(randomUUID(), { ended: true })).toBeNull();
    });

    it('exports every learner times every exercise', async () => {
      const w = await workshop();
      const a = await learner(w.id, 'Ada');
      await learner(w.id, 'Bob');
      await store.recordEvents(w.id, a.id, [graded('exp-00001', 'ex-b', 1, 42, { hintsUsed: 2, timeSpentMs: 9000 } as never)], NOW);
      const rows = exportRows(w, await store.learners(w.id), await store.cells(w.id));
      expect(rows.map((r) => [r.learner, r.exercise, r.status, r.finalSizeBytes, r.hintsUsed])).toEqual([
        ['Ada', 'ex-a', 'not-started', null, 0],
        ['Ada', 'ex-b', 'passed', 42, 2],
        ['Bob', 'ex-a', 'not-started', null, 0],
        ['Bob', 'ex-b', 'not-started', null, 0],
      ]);
    });

    it('deletes a workshop with all its data, and expires old ones', async () => {
      const w = await workshop();
      const l = await learner(w.id);
      await store.recordEvents(w.id, l.id, [graded('del-00001', 'ex-a', 1, 1)], NOW);
      expect(await store.deleteWorkshop(w.id)).toBe(true);
      expect(await store.workshopById(w.id)).toBeNull();
      expect(await store.learnerByTokenHash(l.tokenHash)).toBeNull();
      expect(await store.eventCount(w.id)).toBe(0);
      expect(await store.cells(w.id)).toEqual([]);
      expect(await store.deleteWorkshop(w.id)).toBe(false);
      // A write racing the deletion fails as "gone", which the API answers with 404.
      await expect(store.recordEvents(w.id, l.id, [graded('del-00002', 'ex-a', 1, 1)], NOW)).rejects.toBeInstanceOf(WorkshopGoneError);
      await expect(learner(w.id)).rejects.toBeInstanceOf(WorkshopGoneError);

      const old = await workshop(['ex-a'], NOW - 1);
      const fresh = await workshop(['ex-a'], NOW + 1_000_000);
      expect(await store.expire(NOW)).toContain(old.id);
      expect(await store.workshopById(old.id)).toBeNull();
      expect(await store.workshopById(fresh.id)).not.toBeNull();
    });

    it('takes a snapshot consistent with its feed number', async () => {
      const w = await workshop();
      const a = await learner(w.id, 'Ada');
      await store.recordEvents(w.id, a.id, [graded('snap-0001', 'ex-a', 1, 7)], NOW);
      const snap = (await store.snapshot(w.id))!;
      expect(snap.workshop.seq).toBe(2);
      expect(snap.learners.map((l) => l.id)).toEqual([a.id]);
      expect(snap.cells).toHaveLength(1);
      expect(snap.eventCount).toBe(1);
      expect(await store.snapshot(randomUUID())).toBeNull();
    });

    it('opens the same database again without reapplying migrations', async () => {
      const w = await workshop();
      const again = await open();
      try {
        expect(await again.workshopByCode(w.code)).toEqual(w);
      } finally {
        await again.close();
      }
    });
  });
}
