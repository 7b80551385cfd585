// `npm run loadtest`: a workshop under load, on loopback only, bounded in time.
// 500 simulated learners send graded events every 2-5 s through the learner page's own outbox
// (src/workshop/client/event-queue.ts), which resends on failure; 5 presenters follow the SSE
// stream. Mid-run the server is killed with SIGKILL and restarted. At the end every generated
// event must be stored exactly once.
//
//   npm run loadtest -- [--store sqlite|postgres] [--duration 120] [--learners 500] [--presenters 5]
//
// --store postgres starts its own throwaway cluster (tests/workshop/pg-cluster.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EventQueue } from '../src/workshop/client/event-queue.ts';
import { freePort, startPgCluster } from '../tests/workshop/pg-cluster.ts';

const { values: args } = parseArgs({
  options: {
    store: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '120' },
    learners: { type: 'string', default: '500' },
    presenters: { type: 'string', default: '5' },
  },
});
const STORE = args.store;
if (STORE !== 'sqlite' && STORE !== 'postgres') throw new Error('--store must be sqlite or postgres');
const DURATION_MS = Number(args.duration) * 1000;
const LEARNERS = Number(args.learners);
const PRESENTERS = Number(args.presenters);
if (!(DURATION_MS > 0 && LEARNERS > 0 && PRESENTERS >= 0)) throw new Error('--duration, --learners must be positive');
const EXERCISES = ['ex-1', 'ex-2', 'ex-3', 'ex-4', 'ex-5'];
const DRAIN_MS = 30_000;
// Hard stop: whatever happens, the load test ends by itself.
const hardStop = setTimeout(() => {
  console.error('loadtest: time limit reached, stopping');
  cleanup().finally(() => process.exit(2));
}, DURATION_MS + 120_000);
hardStop.unref();

const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'layerwise-loadtest-'));
const cluster = STORE === 'postgres' ? await startPgCluster({ durable: true }) : null;

// ---- the server, as `npm start` runs it (without the build), on loopback -------------------
let server = null;
let rss = [];
function startServer() {
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LAYERWISE_DATA: dataDir,
    // Every simulated learner shares 127.0.0.1: lift the per-address limits accordingly.
    LAYERWISE_RATE_SCALE: '10',
    LAYERWISE_STATIC: join(dataDir, 'no-site'),
  };
  if (cluster) env.DATABASE_URL = cluster.url;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['src/workshop/server/main.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const sampler = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
      if (kb && server === child) rss.push(kb * 1024);
    } catch {
      // Not Linux, or the process is gone.
    }
  }, 1000);
  child.on('exit', () => clearInterval(sampler));
  server = child;
  return waitUp();
}
async function waitUp() {
  for (let i = 0; i < 200; i++) {
    const r = await http('GET', '/api/health').catch(() => null);
    if (r?.status === 200) return;
    await sleep(50);
  }
  throw new Error('the server did not start');
}

// ---- HTTP ------------------------------------------------------------------------------
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function http(method, path, { json, token, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const body = json === undefined ? undefined : JSON.stringify(json);
    const headers = body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {};
    if (token) headers.authorization = `Bearer ${token}`;
    const req = request(base + path, { method, headers, agent, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed = null;
        try {
          parsed = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode, json: parsed });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

// ---- presenters: SSE with Last-Event-ID resume ----------------------------------------
// key -> start of the latest request that carried it: a presenter's delay is counted from there.
const sentAt = new Map();
const deliveryDelays = [];
let presenterDuplicates = 0;
function presenter(code, secret) {
  const state = { lastId: null, seen: new Set(), closed: false, req: null, items: 0 };
  const connect = () => {
    if (state.closed) return;
    const headers = { accept: 'text/event-stream' };
    if (state.lastId !== null) headers['last-event-id'] = state.lastId;
    const req = request(`${base}/api/workshops/${code}/stream?secret=${secret}`, { headers, agent: false }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = '';
          let id = null;
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (id !== null) state.lastId = id;
          if (event !== 'feed') continue;
          const item = JSON.parse(data);
          if (state.seen.has(item.seq)) {
            presenterDuplicates++;
            continue;
          }
          state.seen.add(item.seq);
          if (item.type !== 'event') continue;
          state.items++;
          const at = sentAt.get(item.event.key);
          if (at !== undefined) deliveryDelays.push(performance.now() - at);
        }
      });
      res.on('end', () => setTimeout(connect, 500));
      res.on('error', () => undefined);
    });
    req.on('error', () => setTimeout(connect, 500));
    req.end();
    state.req = req;
  };
  connect();
  return {
    state,
    close() {
      state.closed = true;
      state.req?.destroy();
    },
  };
}

// ---- learners: the learner page's own outbox (EventQueue), resent until stored ----------
const stats = { generated: 0, acceptedAcks: 0, duplicateAcks: 0, failedRequests: 0, requests: 0, dropped: 0 };
const latencies = [];
const allKeys = new Set();
function learner(i, code, token) {
  let stopped = false;
  let timer = null;
  let retryTimer = null;
  const queue = new EventQueue({
    maxBatch: 100,
    send: async (events) => {
      const started = performance.now();
      for (const e of events) sentAt.set(e.key, started);
      stats.requests++;
      try {
        const r = await http('POST', `/api/workshops/${code}/events`, { token, json: { events } });
        if ((r.status === 200 || r.status === 409) && r.json?.results) {
          latencies.push(performance.now() - started);
          for (const result of r.json.results) {
            if (result.status === 'accepted') stats.acceptedAcks++;
            else stats.duplicateAcks++;
          }
        } else stats.failedRequests++;
        return { status: r.status, body: r.json };
      } catch (error) {
        stats.failedRequests++;
        throw error;
      }
    },
  });
  const flush = async () => {
    const outcome = await queue.flush();
    if (outcome.kind === 'dropped') stats.dropped += outcome.events.length;
    if (outcome.kind === 'retry' && !retryTimer) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void flush();
      }, outcome.retryInMs);
    }
  };
  let n = 0;
  const tick = () => {
    if (stopped) return;
    const exercise = EXERCISES[n % EXERCISES.length];
    n++;
    const score = Math.random() < 0.4 ? 1 : Math.round(Math.random() * 4) / 5;
    const key = queue.enqueue('graded', {
      exercise,
      score,
      passed: score === 1 ? ['size', 'non-root'] : ['non-root'],
      failed: score === 1 ? [] : ['size'],
      rules: score === 1 ? [] : ['DL3009'],
      sizeBytes: 80_000_000 + Math.floor(Math.random() * 900_000_000),
      hintsUsed: Math.floor(Math.random() * 3),
      timeSpentMs: n * 3000,
    });
    allKeys.add(key);
    stats.generated++;
    void flush();
    timer = setTimeout(tick, 2000 + Math.random() * 3000);
  };
  // Spread the first events over the first interval, as a real class does.
  timer = setTimeout(tick, Math.random() * 3000);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    pending: () => queue.pending,
    // While draining, flush whatever is left without waiting for a backoff.
    nudge: () => void flush(),
    dispose: () => clearTimeout(retryTimer),
  };
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function cleanup() {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5000)]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  agent.destroy();
  await cluster?.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}

// ---- the run --------------------------------------------------------------------------
await startServer();
const created = await http('POST', '/api/workshops', { json: { title: 'Load test', exercises: EXERCISES } });
if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.json)}`);
const { code, presenterSecret } = created.json;
const tokens = [];
for (let i = 0; i < LEARNERS; i += 50) {
  const joined = await Promise.all(
    Array.from({ length: Math.min(50, LEARNERS - i) }, (_, j) => http('POST', `/api/workshops/${code}/join`, { json: { name: `Learner ${i + j + 1}` } })),
  );
  for (const r of joined) {
    if (r.status !== 201) throw new Error(`join failed: ${r.status} ${JSON.stringify(r.json)}`);
    tokens.push(r.json.token);
  }
}
const presenters = Array.from({ length: PRESENTERS }, () => presenter(code, presenterSecret));
console.log(`loadtest: ${STORE}, ${LEARNERS} learners, ${PRESENTERS} presenters, ${DURATION_MS / 1000} s; SIGKILL at ${DURATION_MS / 2000} s`);
const started = performance.now();
const learners = tokens.map((t, i) => learner(i, code, t));

await sleep(DURATION_MS / 2);
const rssBeforeKill = Math.max(...rss);
rss = [];
server.kill('SIGKILL');
const killedAt = performance.now();
await new Promise((r) => server.once('exit', r));
await startServer();
const downMs = performance.now() - killedAt;
await sleep(Math.max(0, DURATION_MS - (performance.now() - started)));
for (const l of learners) l.stop();

// Drain: every queue empty, every presenter has every stored event (bounded).
const drainUntil = performance.now() + DRAIN_MS;
while (learners.some((l) => l.pending() > 0) && performance.now() < drainUntil) {
  for (const l of learners) if (l.pending() > 0) l.nudge();
  await sleep(200);
}
for (const l of learners) l.dispose();
const state = await http('GET', `/api/workshops/${code}/state`, { token: presenterSecret });
const stored = state.json.eventCount;
while (presenters.some((p) => p.state.items < stored) && performance.now() < drainUntil) await sleep(200);

// The stored events, read back through a fresh stream replayed from the start.
const replayKeys = [];
await new Promise((resolve) => {
  const req = request(`${base}/api/workshops/${code}/stream?secret=${presenterSecret}`, { headers: { 'last-event-id': '0' }, agent: false }, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (!data || !block.includes('event: feed')) continue;
        const item = JSON.parse(data.slice(6));
        if (item.type === 'event') replayKeys.push(item.event.key);
        if (item.seq >= state.json.seq) {
          req.destroy();
          resolve();
        }
      }
    });
  });
  req.on('error', () => resolve());
  req.end();
  setTimeout(() => {
    req.destroy();
    resolve();
  }, 20_000).unref();
});
for (const p of presenters) p.close();
const distinct = new Set(replayKeys);
const lost = [...allKeys].filter((k) => !distinct.has(k)).length;
const unknown = [...distinct].filter((k) => !allKeys.has(k)).length;
const rssAfter = Math.max(...rss);
const mb = (b) => `${(b / 1e6).toFixed(0)} MB`;
const ms = (v) => `${v.toFixed(1)} ms`;
const rows = [
  ['store', STORE === 'postgres' ? 'PostgreSQL (throwaway cluster, fsync on)' : 'SQLite (WAL)'],
  ['learners / presenters / duration', `${LEARNERS} / ${PRESENTERS} / ${DURATION_MS / 1000} s`],
  ['server killed (SIGKILL) and restarted', `at ${(DURATION_MS / 2000).toFixed(0)} s; down ${(downMs / 1000).toFixed(2)} s`],
  ['events sent (generated, unique keys)', stats.generated],
  ['events stored', stored],
  ['duplicated (stored twice)', replayKeys.length - distinct.size + unknown],
  ['lost (sent, not stored)', lost],
  ['acks: accepted / replay answered as duplicate', `${stats.acceptedAcks} / ${stats.duplicateAcks}`],
  ['requests / failed and resent', `${stats.requests} / ${stats.failedRequests}`],
  ['events dropped by a learner queue (refused for good)', stats.dropped],
  ['ingest latency p50 / p95 / p99', `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))} / ${ms(percentile(latencies, 99))}`],
  ['presenter delivery delay p50 / p95', `${ms(percentile(deliveryDelays, 50))} / ${ms(percentile(deliveryDelays, 95))}`],
  ['presenter items received twice', presenterDuplicates],
  ['server RSS max (before kill / after restart)', `${mb(rssBeforeKill)} / ${mb(rssAfter)}`],
];
console.log(`\n| measure | value |\n| --- | --- |`);
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
const ok = lost === 0 && stats.dropped === 0 && replayKeys.length === distinct.size && unknown === 0 && stored === stats.generated;
console.log(ok ? '\nloadtest: OK, every event stored exactly once' : '\nloadtest: FAILED, counts do not match');
await cleanup();
process.exit(ok ? 0 : 1);
