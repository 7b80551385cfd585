/**
 * The default store: one SQLite file (Node's built-in node:sqlite, nothing to install) under the
 * data directory. One server process owns the file; for several instances use PostgreSQL.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { loadMigrations } from './migrations.ts';
import type { SqlDatabase, SqlRunner, SqlValue } from './sql.ts';
import { SqlStore } from './sql-store.ts';

const values = (params: SqlValue[]): SQLInputValue[] => params.map((p) => (typeof p === 'boolean' ? Number(p) : p));

/**
 * node:sqlite is synchronous, but the store's transactions await between statements; a queue
 * keeps one transaction (or statement) at a time on the single connection, so two requests never
 * interleave inside one transaction.
 */
class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite';
  readonly forUpdate = '';
  private readonly db: DatabaseSync;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: SqlRunner;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    // WAL: readers do not block the writer, and a killed process loses no committed transaction.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    this.direct = {
      all: async (sql, params = []) => this.db.prepare(sql).all(...values(params)) as Record<string, unknown>[],
      run: async (sql, params = []) => ({ changes: Number(this.db.prepare(sql).run(...values(params)).changes) }),
    };
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.queue.then(fn);
    this.queue = result.catch(() => undefined);
    return result;
  }

  all(sql: string, params?: SqlValue[]) {
    return this.serial(() => this.direct.all(sql, params));
  }

  run(sql: string, params?: SqlValue[]) {
    return this.serial(() => this.direct.run(sql, params));
  }

  transaction<T>(fn: (tx: SqlRunner) => Promise<T>, mode: 'write' | 'snapshot' = 'write'): Promise<T> {
    return this.serial(async () => {
      this.db.exec(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  bool(value: boolean): SqlValue {
    return value ? 1 : 0;
  }

  isUniqueViolation(error: unknown): boolean {
    return error instanceof Error && /UNIQUE constraint failed/.test(error.message);
  }

  migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const applied = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const m of loadMigrations('sqlite')) {
      if (applied.has(m.version)) continue;
      this.db.exec('BEGIN IMMEDIATE');
      try {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
        this.db.exec('COMMIT');
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    }
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.db.isOpen) this.db.close();
  }
}

export interface SqliteStore extends SqlStore {
  readonly file: string;
}

/** Opens (creating and migrating) the SQLite store at `file`. */
export function openSqliteStore(file: string): SqliteStore {
  const db = new SqliteDatabase(file);
  db.migrate();
  return Object.assign(new SqlStore(db), { file });
}
