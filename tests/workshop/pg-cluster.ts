/**
 * A throwaway PostgreSQL cluster for tests and the load test: `initdb` in a temporary directory,
 * `pg_ctl start` on a free loopback port, stopped and removed by `stop()`. initdb refuses to run
 * as root, so as root the cluster belongs to the `postgres` user. Binaries are looked up on PATH,
 * then in PG_BIN, then in Debian's /usr/lib/postgresql/<version>/bin.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface PgCluster {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPgBin(): string | null {
  const candidates = [process.env.PG_BIN, ...(process.env.PATH ?? '').split(delimiter)];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const v of readdirSync(debian).sort().reverse()) candidates.push(join(debian, v, 'bin'));
  }
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

export interface StartOptions {
  /** fsync off: fast, for tests only (a crash of the machine loses data, a killed server does not). */
  durable?: boolean;
}

export async function startPgCluster(options: StartOptions = {}): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found on PATH, PG_BIN or /usr/lib/postgresql/*/bin');
  const root = mkdtempSync(join(tmpdir(), 'layerwise-pg-'));
  const dir = join(root, 'data');
  const user = postgresUser();
  if (user) chownSync(root, user.uid, user.gid);
  // As root, run the binaries as postgres (runuser keeps our environment minimal and explicit).
  const run = (cmd: string, args: string[]) =>
    user ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const settings = [`-p ${port}`, `-k ${root}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=200'];
  if (!options.durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  run('pg_ctl', ['-D', dir, '-l', join(root, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  let stopped = false;
  // If the test process ends without stop() (a crash, Ctrl-C), do not leave a server running.
  const onExit = () => {
    if (stopped) return;
    try {
      run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already gone.
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', onExit);
      try {
        run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
