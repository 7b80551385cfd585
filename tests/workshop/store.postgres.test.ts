import { afterAll, beforeAll, describe, it } from 'vitest';
import { openPostgresStore } from '../../src/workshop/store/postgres.ts';
import { findPgBin, startPgCluster, type PgCluster } from './pg-cluster.ts';
import { storeSuite } from './store.suite.ts';

const hasPostgres = findPgBin() !== null;
let cluster: PgCluster | undefined;

if (hasPostgres) {
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
} else {
  describe('workshop store (PostgreSQL)', () => {
    it.skip('skipped: no PostgreSQL binaries (initdb, pg_ctl) on PATH, PG_BIN or /usr/lib/postgresql/*/bin', () => {});
  });
}

storeSuite('PostgreSQL', async () => openPostgresStore(cluster!.url), () => hasPostgres);
