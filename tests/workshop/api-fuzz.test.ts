/** Property: whatever JSON (or not-JSON) arrives at any write route, the answer is never a 500. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBus } from '../../src/workshop/live/memory.ts';
import { defaultLimits } from '../../src/workshop/server/rate-limit.ts';
import { openSqliteStore } from '../../src/workshop/store/sqlite.ts';
import { call, startApp, type Running } from './http-support.ts';

let run: Running;
let code: string;
let secret: string;
let token: string;

beforeAll(async () => {
  run = await startApp({ store: openSqliteStore(':memory:'), bus: new MemoryBus(), limits: defaultLimits(1000) });
  const w = (await call(run.base, 'POST', '/api/workshops', { json: { title: 'Fuzz', exercises: ['ex-a', 'ex-b'] } })).json;
  code = w.code;
  secret = w.presenterSecret;
  token = (await call(run.base, 'POST', `/api/workshops/${code}/join`, { json: { name: 'F' } })).json.token;
});
afterAll(async () => {
  await run.close();
  await run.app.service.store.close();
});

// Bodies shaped like the real ones with any value in any field, and arbitrary JSON.
const anyValue = fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary' }), fc.constant(null));
const eventLike = fc.record({ key: fc.oneof(fc.string(), anyValue), kind: fc.oneof(fc.constantFrom('graded', 'stuck', 'done', 'unstuck'), anyValue), payload: fc.oneof(anyValue, fc.record({ exercise: fc.oneof(fc.constantFrom('ex-a', 'ex-b'), anyValue), score: anyValue, passed: anyValue, sizeBytes: anyValue, hintsUsed: anyValue, timeSpentMs: anyValue, dockerfile: anyValue }, { requiredKeys: [] })) }, { requiredKeys: [] });
const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.record({ events: fc.oneof(fc.array(eventLike, { maxLength: 5 }), anyValue) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.record({ title: anyValue, exercises: fc.oneof(fc.array(anyValue, { maxLength: 4 }), anyValue), endsAt: anyValue, name: anyValue, exercise: anyValue, message: anyValue, countdownSeconds: anyValue }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary' }),
);

describe('workshop API under arbitrary input', () => {
  it('answers every write with a 2xx or a 4xx, never a 5xx', async () => {
    const routes = () => [
      ['/api/workshops', undefined],
      [`/api/workshops/${code}/join`, undefined],
      [`/api/workshops/${code}/events`, token],
      [`/api/workshops/${code}/lock`, secret],
      [`/api/workshops/${code}/broadcast`, secret],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4 }), body, async (i, text) => {
        const [path, credential] = routes()[i]!;
        const answer = await call(run.base, 'POST', path, { body: text, token: credential });
        expect(answer.status, `${path} ${text.slice(0, 200)} -> ${answer.text}`).toBeLessThan(500);
        if (answer.status >= 400) expect(typeof answer.json?.error).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
