import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/workshop/server/config.ts';

describe('server settings from the environment', () => {
  it('defaults to port 4321, SQLite under ./data and the build in ./dist', () => {
    expect(configFromEnv({}, '/srv/app')).toEqual({
      port: 4321,
      host: '0.0.0.0',
      dataDir: '/srv/app/data',
      databaseUrl: null,
      ttlMs: 72 * 3_600_000,
      trustProxy: false,
      publicUrl: undefined,
      rateScale: 1,
      staticDir: '/srv/app/dist',
    });
  });

  it('reads PORT, LAYERWISE_DATA, DATABASE_URL and the rest', () => {
    const c = configFromEnv(
      { PORT: '8080', LAYERWISE_DATA: '/var/lib/layerwise', DATABASE_URL: 'postgres://u@db/lw', LAYERWISE_WORKSHOP_TTL_HOURS: '2', LAYERWISE_TRUST_PROXY: '1' },
      '/srv/app',
    );
    expect(c).toMatchObject({ port: 8080, dataDir: '/var/lib/layerwise', databaseUrl: 'postgres://u@db/lw', ttlMs: 7_200_000, trustProxy: true });
  });

  it('refuses settings it cannot use, naming them', () => {
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT must be a positive number/);
    expect(() => configFromEnv({ PORT: '70000' })).toThrow(/PORT must be a port number/);
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(() => configFromEnv({ LAYERWISE_WORKSHOP_TTL_HOURS: '0' })).toThrow(/LAYERWISE_WORKSHOP_TTL_HOURS/);
  });
});
