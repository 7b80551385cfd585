/** The workshop API over HTTP on the SQLite store: the flow, the stream, and every kind of bad input. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBus } from '../../src/workshop/live/memory.ts';
import { openSqliteStore } from '../../src/workshop/store/sqlite.ts';
import { applyFeedItem } from '../../src/workshop/stream.ts';
import { defaultLimits } from '../../src/workshop/server/rate-limit.ts';
import { call, readSse, startApp, type Running } from './http-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'layerwise-api-'));
let run: Running;

beforeAll(async () => {
  const site = join(dir, 'site');
  mkdirSync(join(site, '_astro'), { recursive: true });
  mkdirSync(join(site, 'join'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Home</title>');
  writeFileSync(join(site, '404.html'), '<!doctype html><title>Lost</title>');
  writeFileSync(join(site, 'join', 'index.html'), '<!doctype html><title>Join</title>');
  mkdirSync(join(site, 'run', 'ex-a'), { recursive: true });
  writeFileSync(join(site, 'run', 'ex-a', 'index.html'), '<!doctype html><title>Run</title>');
  writeFileSync(join(site, '_astro', 'app.abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the site');
  // Many workshops from one address in a few seconds: lift the creation limit (tested below).
  run = await startApp({ store: openSqliteStore(join(dir, 'db', 'w.db')), bus: new MemoryBus(), staticDir: site, limits: { ...defaultLimits(), create: { capacity: 1000, perSecond: 100 } } });
});
afterAll(async () => {
  await run.close();
  await run.app.service.store.close();
  rmSync(dir, { recursive: true, force: true });
});

const graded = (key: string, exercise = 'ex-a', score = 1, extra: object = {}) => ({
  key,
  kind: 'graded',
  payload: { exercise, score, passed: ['size'], sizeBytes: 123_000_000, hintsUsed: 1, timeSpentMs: 60_000, ...extra },
});

async function workshop(exercises = ['ex-a', 'ex-b']) {
  const created = await call(run.base, 'POST', '/api/workshops', { json: { title: 'Small images', exercises } });
  expect(created.status).toBe(201);
  return created.json as { code: string; presenterSecret: string; presenterUrl: string; joinUrl: string };
}
async function joinAs(code: string, name = 'Ada') {
  const joined = await call(run.base, 'POST', `/api/workshops/${code}/join`, { json: { name } });
  expect(joined.status).toBe(201);
  return joined.json as { token: string; learner: { id: string } };
}

describe('workshop API', () => {
  it('runs a workshop: create, join, events, state, export', async () => {
    const w = await workshop();
    expect(w.code).toMatch(/^[A-HJKMNP-TV-Z2-9]{6}$/);
    expect(w.presenterUrl).toContain(`#code=${w.code}&secret=${w.presenterSecret}`);
    expect(w.joinUrl).toMatch(new RegExp(`/join/\\?code=${w.code}$`));
    // Codes are typed by people: lower case, spaces and dashes are fine.
    const typed = `${w.code.slice(0, 3).toLowerCase()}-${w.code.slice(3)}`;
    const ada = await joinAs(typed, '<img src=x onerror=alert(1)>');
    const bob = await joinAs(w.code, '=HYPERLINK("x")');
    const sent = await call(run.base, 'POST', `/api/workshops/${w.code}/events`, { token: ada.token, json: { events: [graded('ada-0001'), graded('ada-0002', 'ex-b', 0.5, { failed: ['size'], rules: ['DL3009'] })] } });
    expect(sent.status).toBe(200);
    expect(sent.json.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);
    await call(run.base, 'POST', `/api/workshops/${w.code}/events`, { token: bob.token, json: { events: [{ key: 'bob-stuck1', kind: 'stuck', payload: { exercise: 'ex-a' } }] } });

    const state = await call(run.base, 'GET', `/api/workshops/${w.code}/state`, { token: w.presenterSecret });
    expect(state.status).toBe(200);
    expect(state.json.learners.map((l: { name: string }) => l.name)).toEqual(['<img src=x onerror=alert(1)>', '=HYPERLINK("x")']);
    expect(state.json.stuck).toMatchObject([{ name: '=HYPERLINK("x")', exercise: 'ex-a' }]);
    expect(state.json.exercises[0]).toEqual({ exercise: 'ex-a', attempted: 2, finished: 1, medianFinalSizeBytes: 123_000_000 });
    expect(state.json.failing.rules).toEqual([{ exercise: 'ex-b', id: 'DL3009', learners: 1 }]);
    expect(state.json.eventCount).toBe(3);
    expect(JSON.stringify(state.json)).not.toContain('secretHash');

    const me = await call(run.base, 'GET', `/api/workshops/${w.code}/me`, { token: ada.token });
    expect(me.json.progress.map((c: { exercise: string; status: string }) => [c.exercise, c.status])).toEqual([['ex-a', 'passed'], ['ex-b', 'trying']]);

    const csv = await call(run.base, 'GET', `/api/workshops/${w.code}/export.csv?secret=${w.presenterSecret}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('learner,learnerId,exercise,position,status,bestScore,lastScore,sizeBytes,finalSizeBytes,hintsUsed,timeSpentMs,gradedCount,stuck,updatedAt');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^<img src=x onerror=alert\(1\)>,[0-9a-f-]+,ex-a,1,passed,1,1,123000000,123000000,1,60000,1,false,\d+$/);
    // A name that a spreadsheet would run as a formula is exported as text.
    expect(lines[3]).toMatch(/^"'=HYPERLINK\(""x""\)",/);
    const json = await call(run.base, 'GET', `/api/workshops/${w.code}/export.json`, { token: w.presenterSecret });
    expect(json.json.rows).toHaveLength(4);
    expect(json.json.columns[0]).toBe('learner');
  });

  it('streams a snapshot, then feed items, and resumes after Last-Event-ID without loss or repeats', async () => {
    const w = await workshop();
    const ada = await joinAs(w.code);
    const first = readSse(`${run.base}/api/workshops/${w.code}/stream?secret=${w.presenterSecret}`);
    expect(await first.status).toBe(200);
    const [snapshot] = await first.until((m) => m.length >= 1);
    expect(snapshot).toMatchObject({ event: 'snapshot', id: '1' });
    await call(run.base, 'POST', `/api/workshops/${w.code}/events`, { token: ada.token, json: { events: [graded('res-00001', 'ex-a', 0.5)] } });
    await first.until((m) => m.some((x) => x.id === '2'));
    first.close();
    // While the presenter is away: one event, a new learner, a lock.
    await call(run.base, 'POST', `/api/workshops/${w.code}/events`, { token: ada.token, json: { events: [graded('res-00002')] } });
    await joinAs(w.code, 'Bob');
    await call(run.base, 'POST', `/api/workshops/${w.code}/lock`, { token: w.presenterSecret, json: { exercise: 'ex-b' } });
    const again = readSse(`${run.base}/api/workshops/${w.code}/stream?secret=${w.presenterSecret}`, { 'Last-Event-ID': '2' });
    const replay = await again.until((m) => m.length >= 3);
    expect(replay.map((m) => [m.event, m.id, m.data.type])).toEqual([
      ['feed', '3', 'event'],
      ['feed', '4', 'joined'],
      ['feed', '5', 'workshop'],
    ]);
    expect(replay[2]!.data.workshop.locked).toEqual(['ex-b']);
    expect(JSON.stringify(replay)).not.toContain('secretHash');
    // Live after the replay; the page's reducer turns snapshot + items into the current state.
    await call(run.base, 'POST', `/api/workshops/${w.code}/events`, { token: ada.token, json: { events: [{ key: 'res-00003', kind: 'done', payload: { exercise: 'ex-b' } }] } });
    await again.until((m) => m.some((x) => x.id === '6'));
    again.close();
    let state = snapshot!.data;
    for (const m of [...first.messages.slice(1), ...again.messages]) state = applyFeedItem(state, m.data);
    const server = await call(run.base, 'GET', `/api/workshops/${w.code}/state`, { token: w.presenterSecret });
    expect(state).toEqual(server.json);
  });

  it('tells learners about locks and broadcasts, and ends read-only', async () => {
    const w = await workshop();
    const ada = await joinAs(w.code);
    const stream = readSse(`${run.base}/api/workshops/${w.code}/learner-stream?token=${ada.token}`);
    await stream.until((m) => m.length === 1);
    const b = await call(run.base, 'POST', `/api/workshops/${w.code}/broadcast`, { token: w.presenterSecret, json: { message: 'Break', countdownSeconds: 600 } });
    expect(b.json.workshop.broadcast).toMatchObject({ message: 'Break' });
    await stream.until((m) => m.some((x) => x.data.broadcast?.message === 'Break'));
    expect((await call(run.base, 'POST', `/api/workshops/${w.code}/end`, { token: w.presenterSecret })).json.workshop.ended).toBe(true);
    await stream.until((m) => m.some((x) => x.data.ended === true));
    stream.close();
    const late = await call(run.base, 'POST', `/api/workshops/${w.code}/events`, { token: ada.token, json: { events: [graded('end-00001')] } });
    expect(late).toMatchObject({ status: 409, json: { error: 'the workshop has ended; it is read-only' } });
    expect((await call(run.base, 'POST', `/api/workshops/${w.code}/join`, { json: { name: 'Late' } })).status).toBe(409);
    // Still readable: the export works after the end.
    expect((await call(run.base, 'GET', `/api/workshops/${w.code}/export.json`, { token: w.presenterSecret })).status).toBe(200);
  });

  it('deletes a workshop with its data and closes its streams', async () => {
    const w = await workshop();
    const ada = await joinAs(w.code);
    const stream = readSse(`${run.base}/api/workshops/${w.code}/stream?secret=${w.presenterSecret}`);
    await stream.until((m) => m.length === 1);
    expect((await call(run.base, 'DELETE', `/api/workshops/${w.code}`, { token: w.presenterSecret })).status).toBe(200);
    await stream.until((m) => m.some((x) => x.event === 'deleted'));
    expect((await call(run.base, 'GET', `/api/workshops/${w.code}`)).status).toBe(404);
    expect((await call(run.base, 'GET', `/api/workshops/${w.code}/me`, { token: ada.token })).status).toBe(404);
  });

  it('shows one submission anonymously for the spotlight', async () => {
    const w = await workshop();
    const ada = await joinAs(w.code);
    await call(run.base, 'POST', `/api/workshops/${w.code}/events`, { token: ada.token, json: { events: [graded('spot-0001', 'ex-a', 1, { dockerfile: 'FROM node:22-slim\nUSER node\n' })] } });
    const spot = await call(run.base, 'GET', `/api/workshops/${w.code}/spotlight?learner=${ada.learner.id}&exercise=ex-a`, { token: w.presenterSecret });
    expect(spot.json).toEqual({ exercise: 'ex-a', status: 'passed', score: 1, sizeBytes: 123_000_000, dockerfile: 'FROM node:22-slim\nUSER node\n' });
  });

  describe('refuses bad input with a 4xx and a message, never a 500', () => {
    let w: { code: string; presenterSecret: string };
    let token: string;
    beforeAll(async () => {
      w = await workshop();
      token = (await joinAs(w.code)).token;
      await call(run.base, 'POST', `/api/workshops/${w.code}/events`, { token, json: { events: [graded('replay-01')] } });
    });
    const ev = (events: unknown) => ({ token, json: { events } });
    const cases: [string, () => ReturnType<typeof call>, number, RegExp][] = [
      ['an oversized body', () => call(run.base, 'POST', `/api/workshops/${w.code}/events`, { token, body: `{"events":[${'1,'.repeat(600_000)}1]}` }), 413, /limit/],
      ['malformed JSON', () => call(run.base, 'POST', '/api/workshops', { body: '{"title": "x",' }), 400, /malformed JSON/],
      ['an empty body', () => call(run.base, 'POST', '/api/workshops', { body: '' }), 400, /empty/],
      ['a JSON array where an object belongs', () => call(run.base, 'POST', '/api/workshops', { json: [1] }), 400, /JSON object/],
      ['a body that is not JSON', () => call(run.base, 'POST', '/api/workshops', { body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, /application\/json/],
      ['an unknown workshop code', () => call(run.base, 'POST', '/api/workshops/ZZZZZZ/join', { json: { name: 'A' } }), 404, /no workshop/],
      ['a code that cannot be one', () => call(run.base, 'GET', '/api/workshops/%E0%A4%A'), 404, /no workshop|no API route/],
      ['a wrong presenter secret', () => call(run.base, 'GET', `/api/workshops/${w.code}/state`, { token: 'wrong-secret' }), 403, /wrong presenter secret/],
      ['a learner token as presenter secret', () => call(run.base, 'GET', `/api/workshops/${w.code}/export.csv`, { token }), 403, /wrong presenter secret/],
      ['no presenter secret', () => call(run.base, 'POST', `/api/workshops/${w.code}/end`), 401, /presenter secret/],
      ['a malformed Authorization header', () => call(run.base, 'GET', `/api/workshops/${w.code}/state`, { headers: { authorization: 'Basic abc' } }), 401, /Bearer/],
      ['a wrong learner token', () => call(run.base, 'POST', `/api/workshops/${w.code}/events`, { token: 'nope', json: { events: [graded('k-000001')] } }), 403, /learner token/],
      ['a replayed event', () => call(run.base, 'POST', `/api/workshops/${w.code}/events`, ev([graded('replay-01')])), 409, /already stored/],
      ['a name over 40 characters', () => call(run.base, 'POST', `/api/workshops/${w.code}/join`, { json: { name: 'x'.repeat(41) } }), 400, /41 characters; the limit is 40/],
      ['a name with control characters', () => call(run.base, 'POST', `/api/workshops/${w.code}/join`, { json: { name: 'a\u0007b' } }), 400, /control characters/],
      ['an empty name', () => call(run.base, 'POST', `/api/workshops/${w.code}/join`, { json: { name: '  ' } }), 400, /must not be empty/],
      ['a Dockerfile over 64 KB', () => call(run.base, 'POST', `/api/workshops/${w.code}/events`, ev([graded('big-00001', 'ex-a', 1, { dockerfile: 'x'.repeat(65_537) })])), 413, /65537 bytes; the limit is 65536/],
      ['an exercise not in the workshop', () => call(run.base, 'POST', `/api/workshops/${w.code}/events`, ev([graded('exq-00001', 'ex-z')])), 422, /not an exercise of this workshop/],
      ['too many events in a batch', () => call(run.base, 'POST', `/api/workshops/${w.code}/events`, ev(Array.from({ length: 101 }, (_, i) => graded(`many-${i}-xxxx`)))), 413, /101 events; the limit is 100/],
      ['a missing idempotency key', () => call(run.base, 'POST', `/api/workshops/${w.code}/events`, ev([{ kind: 'stuck', payload: { exercise: 'ex-a' } }])), 400, /key must be/],
      ['an unknown event kind', () => call(run.base, 'POST', `/api/workshops/${w.code}/events`, ev([{ key: 'kind-0001', kind: 'cheer', payload: { exercise: 'ex-a' } }])), 400, /kind must be one of/],
      ['a score out of range', () => call(run.base, 'POST', `/api/workshops/${w.code}/events`, ev([graded('score-001', 'ex-a', 2)])), 400, /score must be a number from 0 to 1/],
      ['an empty batch', () => call(run.base, 'POST', `/api/workshops/${w.code}/events`, ev([])), 400, /must not be empty/],
      ['a title with control characters', () => call(run.base, 'POST', '/api/workshops', { json: { title: 'a\u202eb', exercises: ['ex-a'] } }), 400, /control characters/],
      ['no exercises', () => call(run.base, 'POST', '/api/workshops', { json: { title: 'T', exercises: [] } }), 400, /non-empty array/],
      ['an end time in the past', () => call(run.base, 'POST', '/api/workshops', { json: { title: 'T', exercises: ['ex-a'], endsAt: '2001-01-01T00:00:00Z' } }), 400, /future/],
      ['a garbage Last-Event-ID', () => call(run.base, 'GET', `/api/workshops/${w.code}/stream?secret=${w.presenterSecret}`, { headers: { 'last-event-id': 'abc' } }), 400, /Last-Event-ID/],
      ['a lock on an unknown exercise', () => call(run.base, 'POST', `/api/workshops/${w.code}/lock`, { token: w.presenterSecret, json: { exercise: 'nope' } }), 422, /not an exercise/],
      ['a countdown of -5 s', () => call(run.base, 'POST', `/api/workshops/${w.code}/broadcast`, { token: w.presenterSecret, json: { countdownSeconds: -5 } }), 400, /countdownSeconds/],
      ['a wrong method', () => call(run.base, 'PUT', `/api/workshops/${w.code}/events`, { json: {} }), 405, /not allowed/],
      ['an unknown API route', () => call(run.base, 'GET', '/api/nothing'), 404, /no API route/],
      ['a spotlight without its parameters', () => call(run.base, 'GET', `/api/workshops/${w.code}/spotlight`, { token: w.presenterSecret }), 400, /spotlight needs/],
    ];
    for (const [what, send, status, message] of cases) {
      it(`${what} → ${status}`, async () => {
        const answer = await send();
        expect(answer.status).toBe(status);
        expect(answer.headers['content-type']).toMatch(/^application\/json/);
        expect(answer.json.error).toMatch(message);
      });
    }
  });

  it('serves the static site: types, caching, CSP on workshop pages, isolation on run pages only, the 404 page, no escape from the root', async () => {
    const home = await call(run.base, 'GET', '/');
    expect([home.status, home.headers['content-type'], home.headers['cache-control']]).toEqual([200, 'text/html; charset=utf-8', 'no-cache']);
    expect(home.headers['content-security-policy']).toBeUndefined();
    const asset = await call(run.base, 'GET', '/_astro/app.abc123.js');
    expect([asset.headers['content-type'], asset.headers['cache-control']]).toEqual(['text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    const cached = await call(run.base, 'GET', '/_astro/app.abc123.js', { headers: { 'if-none-match': String(asset.headers.etag) } });
    expect(cached.status).toBe(304);
    const joinPage = await call(run.base, 'GET', '/join/?code=ABCDEF');
    expect(joinPage.status).toBe(200);
    expect(joinPage.headers['content-security-policy']).toContain("script-src 'self'");
    // Only the run pages are cross-origin isolated (WebContainers); the rest stays embeddable.
    const runPage = await call(run.base, 'GET', '/run/ex-a/');
    expect([runPage.status, runPage.headers['cross-origin-opener-policy'], runPage.headers['cross-origin-embedder-policy']]).toEqual([200, 'same-origin', 'require-corp']);
    for (const other of [home, joinPage, asset]) expect([other.headers['cross-origin-opener-policy'], other.headers['cross-origin-embedder-policy']]).toEqual([undefined, undefined]);
    const missing = await call(run.base, 'GET', '/no/such/page');
    expect([missing.status, missing.text]).toEqual([404, '<!doctype html><title>Lost</title>']);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) expect((await call(run.base, 'GET', path)).text).not.toContain('outside');
    expect((await call(run.base, 'POST', '/', { json: {} })).status).toBe(405);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a learner spends its bucket', async () => {
    const limits = { ...defaultLimits(), learner: { capacity: 3, perSecond: 0.01 } };
    const own = await startApp({ store: openSqliteStore(':memory:'), bus: new MemoryBus(), limits });
    try {
      const w = (await call(own.base, 'POST', '/api/workshops', { json: { title: 'T', exercises: ['ex-a'] } })).json;
      const { token } = (await call(own.base, 'POST', `/api/workshops/${w.code}/join`, { json: { name: 'A' } })).json;
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await call(own.base, 'POST', `/api/workshops/${w.code}/events`, { token, json: { events: [graded(`rate-${i}-xxxx`)] } })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await call(own.base, 'GET', `/api/workshops/${w.code}/me`, { token });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await own.close();
      await own.app.service.store.close();
    }
  });
});

describe('expiry', () => {
  it('hides a workshop once it expires and deletes it with its streams on the next sweep', async () => {
    let now = Date.now();
    const store = openSqliteStore(':memory:');
    const own = await startApp({ store, bus: new MemoryBus(), ttlMs: 60_000, now: () => now });
    try {
      const w = (await call(own.base, 'POST', '/api/workshops', { json: { title: 'Short', exercises: ['ex-a'] } })).json;
      expect(w.workshop.expiresAt).toBe(now + 60_000);
      const stream = readSse(`${own.base}/api/workshops/${w.code}/stream?secret=${w.presenterSecret}`);
      await stream.until((m) => m.length === 1);
      now += 60_001;
      expect((await call(own.base, 'GET', `/api/workshops/${w.code}`)).status).toBe(404);
      await own.app.maintain();
      await stream.until((m) => m.some((x) => x.event === 'deleted'));
      expect(await store.workshopByCode(w.code)).toBeNull();
    } finally {
      await own.close();
      await store.close();
    }
  });
});
