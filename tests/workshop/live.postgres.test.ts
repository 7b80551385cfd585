/**
 * Two server instances on one PostgreSQL: a learner on instance A appears on a presenter
 * connected to instance B, through LISTEN/NOTIFY; and the other way round for the learner's
 * stream. Also: a listening connection that is killed reconnects and catches up.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, PostgresBus } from '../../src/workshop/live/postgres.ts';
import { openPostgresStore } from '../../src/workshop/store/postgres.ts';
import { call, readSse, startApp, type Running } from './http-support.ts';
import { findPgBin, startPgCluster, type PgCluster } from './pg-cluster.ts';

const hasPostgres = findPgBin() !== null;

describe.skipIf(!hasPostgres)('two instances on PostgreSQL (LISTEN/NOTIFY)', () => {
  let cluster: PgCluster;
  let a: Running;
  let b: Running;
  const buses: PostgresBus[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
    const instance = async () => {
      const bus = await PostgresBus.connect(cluster.url);
      buses.push(bus);
      return startApp({ store: await openPostgresStore(cluster.url), bus });
    };
    // Started together: the migration lock makes them take turns.
    [a, b] = await Promise.all([instance(), instance()]);
  }, 60_000);

  afterAll(async () => {
    for (const r of [a, b]) {
      await r?.close();
      await r?.app.service.store.close();
    }
    for (const bus of buses) await bus.close();
    await cluster?.stop();
  });

  it('shows a learner on instance A to a presenter on instance B, live', async () => {
    const w = (await call(a.base, 'POST', '/api/workshops', { json: { title: 'Scale out', exercises: ['ex-a'] } })).json;
    const presenter = readSse(`${b.base}/api/workshops/${w.code}/stream?secret=${w.presenterSecret}`);
    await presenter.until((m) => m[0]?.event === 'snapshot');
    const ada = (await call(a.base, 'POST', `/api/workshops/${w.code}/join`, { json: { name: 'Ada' } })).json;
    const sent = await call(a.base, 'POST', `/api/workshops/${w.code}/events`, {
      token: ada.token,
      json: { events: [{ key: 'two-00001', kind: 'graded', payload: { exercise: 'ex-a', score: 1, passed: ['p'], sizeBytes: 5, hintsUsed: 0, timeSpentMs: 1 } }] },
    });
    expect(sent.status).toBe(200);
    const messages = await presenter.until((m) => m.some((x) => x.data.type === 'event'));
    expect(messages.slice(1).map((m) => [m.id, m.data.type])).toEqual([
      ['1', 'joined'],
      ['2', 'event'],
    ]);
    expect(messages[2]!.data.event).toMatchObject({ key: 'two-00001', learnerId: ada.learner.id });
    presenter.close();
  });

  it('shows a lock made on instance B to a learner streaming from instance A', async () => {
    const w = (await call(b.base, 'POST', '/api/workshops', { json: { title: 'Pace', exercises: ['ex-a', 'ex-b'] } })).json;
    const ada = (await call(a.base, 'POST', `/api/workshops/${w.code}/join`, { json: { name: 'Ada' } })).json;
    const learner = readSse(`${a.base}/api/workshops/${w.code}/learner-stream?token=${ada.token}`);
    await learner.until((m) => m.length === 1);
    await call(b.base, 'POST', `/api/workshops/${w.code}/lock`, { token: w.presenterSecret, json: { exercise: 'ex-b' } });
    await learner.until((m) => m.some((x) => x.data.locked?.includes('ex-b')));
    learner.close();
  });

  it('catches up after its listening connection is killed', async () => {
    const w = (await call(a.base, 'POST', '/api/workshops', { json: { title: 'Outage', exercises: ['ex-a'] } })).json;
    const presenter = readSse(`${b.base}/api/workshops/${w.code}/stream?secret=${w.presenterSecret}`);
    await presenter.until((m) => m[0]?.event === 'snapshot');
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      // Kill every LISTEN connection (both instances'), then write while they reconnect.
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()`,
        [`LISTEN ${CHANNEL}`],
      );
      expect(killed.rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    await call(a.base, 'POST', `/api/workshops/${w.code}/join`, { json: { name: 'During the outage' } });
    const messages = await presenter.until((m) => m.some((x) => x.data.type === 'joined'), 10_000);
    expect(messages.find((x) => x.data.type === 'joined')!.data.learner.name).toBe('During the outage');
    presenter.close();
  });
});

describe.skipIf(hasPostgres)('two instances on PostgreSQL', () => {
  it.skip('skipped: no PostgreSQL binaries (initdb, pg_ctl) on PATH, PG_BIN or /usr/lib/postgresql/*/bin', () => {});
});
