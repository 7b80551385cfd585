/**
 * Versioned migrations: numbered SQL files per dialect (migrations/sqlite/001_init.sql, ...).
 * Each store records the versions it applied in `schema_migrations` and applies the rest in
 * order, each in its own transaction. A migration, once released, is never edited; a change is a
 * new number.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dialect: 'sqlite' | 'postgres'): Migration[] {
  const dir = fileURLToPath(new URL(`./migrations/${dialect}/`, import.meta.url));
  const migrations = readdirSync(dir)
    .filter((f) => /^\d+_[a-z0-9_]+\.sql$/.test(f))
    .map((f) => ({ version: Number(f.slice(0, f.indexOf('_'))), name: f.replace(/\.sql$/, ''), sql: readFileSync(dir + f, 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations/${dialect}: expected version ${i + 1}, found ${m.name}`);
  });
  return migrations;
}
