/**
 * The little each SQL dialect must provide for the shared store (sql-store.ts). Statements are
 * written once with `?` placeholders; the PostgreSQL adapter numbers them ($1, $2, ...).
 */
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface SqlRunner {
  all(sql: string, params?: SqlValue[]): Promise<Row[]>;
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number }>;
}

export interface SqlDatabase extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /** `FOR UPDATE` where the dialect locks rows; SQLite's write transaction already excludes writers. */
  readonly forUpdate: string;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * 'snapshot' is read-only and sees one consistent state across all its statements.
   */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>, mode?: 'write' | 'snapshot'): Promise<T>;
  /** A boolean as the dialect stores it (SQLite has no boolean type). */
  bool(value: boolean): SqlValue;
  isUniqueViolation(error: unknown): boolean;
  close(): Promise<void>;
}
