/**
 * `npm start`: the production site (dist/) and the workshop API on one port.
 * SQLite under LAYERWISE_DATA by default; PostgreSQL (and LISTEN/NOTIFY between instances) when
 * DATABASE_URL is set.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { MemoryBus } from '../live/memory.ts';
import { PostgresBus } from '../live/postgres.ts';
import type { LiveBus } from '../live/types.ts';
import { openPostgresStore } from '../store/postgres.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import type { WorkshopStore } from '../store/types.ts';
import { createApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { defaultLimits } from './rate-limit.ts';

const MAINTAIN_EVERY_MS = 60_000;

async function main(): Promise<void> {
  const config = configFromEnv();
  let store: WorkshopStore;
  let bus: LiveBus;
  if (config.databaseUrl) {
    store = await openPostgresStore(config.databaseUrl);
    bus = await PostgresBus.connect(config.databaseUrl);
  } else {
    store = openSqliteStore(join(config.dataDir, 'workshops.db'));
    bus = new MemoryBus();
  }
  const app = createApp({
    store,
    bus,
    limits: defaultLimits(config.rateScale),
    ttlMs: config.ttlMs,
    staticDir: config.staticDir,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
  });
  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 30_000, headersTimeout: 20_000 }, app.handler);
  // SSE streams are long-lived: the request timeout applies to receiving the request only.
  server.listen(config.port, config.host, () => {
    const where = config.databaseUrl ? 'PostgreSQL' : join(config.dataDir, 'workshops.db');
    console.log(`layerwise: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/ (site from ${config.staticDir}; workshops in ${where})`);
  });
  const timer = setInterval(() => app.maintain().catch((e) => console.error('maintenance:', e)), MAINTAIN_EVERY_MS);
  timer.unref();
  void app.maintain().catch((e) => console.error('maintenance:', e));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`layerwise: ${signal}, stopping`);
    server.close();
    server.closeAllConnections();
    Promise.allSettled([bus.close(), store.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  console.error(`layerwise: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
