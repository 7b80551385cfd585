/**
 * The PostgreSQL store (DATABASE_URL=postgres://...): several server instances share one
 * database; live updates between them go through LISTEN/NOTIFY (../live/postgres.ts).
 */
import pg from 'pg';
import { loadMigrations } from './migrations.ts';
import type { Row, SqlDatabase, SqlRunner, SqlValue } from './sql.ts';
import { SqlStore } from './sql-store.ts';

/** `?` placeholders numbered for PostgreSQL. The store's SQL has no `?` inside string literals. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// int8 (COUNT, BIGINT columns) as a JS number: every value the store keeps fits in 2^53.
const INT8_OID = 20;
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function runner(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    all: async (sql, params = []) => (await client.query(numberPlaceholders(sql), params as unknown[])).rows as Row[],
    run: async (sql, params = []) => ({ changes: (await client.query(numberPlaceholders(sql), params as unknown[])).rowCount ?? 0 }),
  };
}

class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres';
  readonly forUpdate = 'FOR UPDATE';
  readonly pool: pg.Pool;
  private readonly direct: SqlRunner;

  constructor(connectionString: string, maxConnections: number) {
    this.pool = new pg.Pool({ connectionString, max: maxConnections, types: pgTypes });
    // An idle client's connection dropping (database restart) must not crash the server.
    this.pool.on('error', () => undefined);
    this.direct = runner(this.pool);
  }

  all(sql: string, params?: SqlValue[]) {
    return this.direct.all(sql, params);
  }

  run(sql: string, params?: SqlValue[]) {
    return this.direct.run(sql, params);
  }

  async transaction<T>(fn: (tx: SqlRunner) => Promise<T>, mode: 'write' | 'snapshot' = 'write'): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(mode === 'write' ? 'BEGIN' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await fn(runner(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  bool(value: boolean): SqlValue {
    return value;
  }

  isUniqueViolation(error: unknown): boolean {
    return (error as { code?: string } | null)?.code === '23505';
  }

  /** Applies pending migrations under an advisory lock, so instances starting together take turns. */
  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', ['layerwise_migrations']);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
      const applied = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
      for (const m of loadMigrations('postgres')) {
        if (applied.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['layerwise_migrations']).catch(() => undefined);
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export interface PostgresStoreOptions {
  /** Pool size per instance (default 10). */
  maxConnections?: number;
}

/** Connects to DATABASE_URL's database and applies pending migrations. */
export async function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<SqlStore> {
  const db = new PostgresDatabase(connectionString, options.maxConnections ?? 10);
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    throw error;
  }
  return new SqlStore(db);
}
