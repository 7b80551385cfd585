/**
 * The server's settings from the environment (README, "Workshop server"):
 * PORT, HOST, LAYERWISE_DATA, DATABASE_URL, LAYERWISE_WORKSHOP_TTL_HOURS, LAYERWISE_TRUST_PROXY,
 * LAYERWISE_PUBLIC_URL, LAYERWISE_RATE_SCALE, LAYERWISE_STATIC.
 */
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  ttlMs: number;
  trustProxy: boolean;
  publicUrl: string | undefined;
  rateScale: number;
  staticDir: string;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const port = positive(env, 'PORT', 4321);
  if (!Number.isInteger(port) || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(cwd, env.LAYERWISE_DATA || 'data'),
    databaseUrl,
    ttlMs: positive(env, 'LAYERWISE_WORKSHOP_TTL_HOURS', 72) * 3_600_000,
    trustProxy: env.LAYERWISE_TRUST_PROXY === '1' || env.LAYERWISE_TRUST_PROXY === 'true',
    publicUrl: env.LAYERWISE_PUBLIC_URL || undefined,
    rateScale: positive(env, 'LAYERWISE_RATE_SCALE', 1),
    staticDir: resolve(cwd, env.LAYERWISE_STATIC || 'dist'),
  };
}
