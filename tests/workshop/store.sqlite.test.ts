import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../src/workshop/store/sqlite.ts';
import { storeSuite } from './store.suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'layerwise-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('SQLite', async () => openSqliteStore(join(dir, 'workshops.db')));
