/**
 * The Node implementation of the runtime: a temporary directory as the file system, child
 * processes for node/npm/npx/pnpm (the Node running this code and the npm beside it), TCP polling
 * for ports. Every process starts in its own process group so teardown can kill the whole tree
 * (npm starts sh, which starts node); every wait has a deadline.
 */
import { spawn as spawnChild, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { mountTree } from './mount.ts';
import { RuntimeBootError, type FileTree, type ProbeResult, type Runtime, type RuntimeFs, type RuntimeProcess, type SpawnOptions } from './types.ts';

export interface NodeRuntimeOptions {
  /** A shared npm cache directory, so repeated `npm ci` are fast and work offline once filled. */
  npmCache?: string;
  /** Extra environment for every process (e.g. npm settings). */
  env?: Record<string, string>;
  /** Parent of the temporary directory; the system's by default. */
  tmpRoot?: string;
}

/**
 * Host settings a process needs to reach the npm registry from this machine (a proxy, an extra
 * certificate authority). A real build has the builder's network; these give the runtime the host's.
 */
const NETWORK_ENV = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];

/** Finds an executable on PATH. */
function which(program: string, path: string): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir && existsSync(join(dir, program))) return join(dir, program);
  }
  return null;
}

export class NodeRuntime implements Runtime {
  readonly kind = 'node' as const;
  private root = '';
  private readonly processes = new Set<ChildProcess>();
  private tornDown = false;
  readonly fs: RuntimeFs;

  private readonly options: NodeRuntimeOptions;

  constructor(options: NodeRuntimeOptions = {}) {
    this.options = options;
    const host = (path: string) => this.host(path);
    this.fs = {
      readFile: async (path) => new Uint8Array(await readFile(host(path))),
      writeFile: async (path, data, opts) => {
        await mkdir(dirname(host(path)), { recursive: true });
        if (opts?.append) await appendFile(host(path), data);
        else await writeFile(host(path), data);
      },
      mkdir: async (path) => {
        await mkdir(host(path), { recursive: true });
      },
      rm: (path) => rm(host(path), { recursive: true, force: true }),
      list: async (path) => {
        try {
          return (await readdir(host(path))).sort();
        } catch {
          return null;
        }
      },
      stat: async (path) => {
        try {
          const s = await lstat(host(path));
          return s.isDirectory() ? 'dir' : 'file';
        } catch {
          return null;
        }
      },
      copy: async (from, to) => {
        await mkdir(dirname(host(to)), { recursive: true });
        await cp(host(from), host(to), { recursive: true, verbatimSymlinks: true, force: true });
      },
      rename: async (from, to) => {
        await mkdir(dirname(host(to)), { recursive: true });
        await rename(host(from), host(to));
      },
    };
  }

  get processRoot(): string {
    return this.root;
  }

  /** The host path of a runtime path; refuses paths that would leave the runtime's directory. */
  private host(path: string): string {
    if (!this.root) throw new Error('the runtime has not booted');
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.includes('..')) throw new Error(`path leaves the runtime: ${path}`);
    return join(this.root, ...parts);
  }

  async boot(): Promise<void> {
    try {
      this.root = await mkdtemp(join(this.options.tmpRoot ?? tmpdir(), 'layerwise-run-'));
    } catch (error) {
      throw new RuntimeBootError('error', `cannot create a temporary directory: ${(error as Error).message}`);
    }
  }

  mount(tree: FileTree, at: string): Promise<void> {
    return mountTree(this.fs, tree, at);
  }

  /** node is the running Node; npm and npx are the ones installed beside it, else on PATH. */
  private resolve(program: string): string | null {
    if (program === 'node') return process.execPath;
    const beside = join(dirname(process.execPath), program);
    if (existsSync(beside)) return beside;
    return which(program, process.env.PATH ?? '');
  }

  async spawn(program: string, args: readonly string[], options: SpawnOptions): Promise<RuntimeProcess> {
    const executable = this.resolve(program);
    if (!executable) throw new Error(`${program} is not available in this runtime`);
    const home = this.host('/.home');
    await mkdir(home, { recursive: true });
    const image = { ...options.env };
    // The image's PATH names its own directories; processes get the host's tools instead.
    delete image.PATH;
    const network = Object.fromEntries(NETWORK_ENV.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
    // HOME moves into the runtime, so npm would miss the user's own npm settings (registry, CA): point at them.
    const userconfig = process.env.npm_config_userconfig ?? join(homedir(), '.npmrc');
    const env: Record<string, string> = {
      ...network,
      ...(existsSync(userconfig) ? { npm_config_userconfig: userconfig } : {}),
      ...image,
      PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
      HOME: home,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      ...(this.options.npmCache ? { npm_config_cache: this.options.npmCache, npm_config_prefer_offline: 'true' } : {}),
      ...this.options.env,
    };
    const child = spawnChild(executable, [...args], {
      cwd: this.host(options.cwd),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: teardown kills npm and everything it started.
      detached: true,
    });
    this.processes.add(child);
    const decoder = new TextDecoder();
    const forward = (data: Buffer) => options.onOutput?.(decoder.decode(data, { stream: true }));
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    const exit = new Promise<number | null>((resolve) => {
      child.on('error', (error) => {
        options.onOutput?.(`${error.message}\n`);
        resolve(127);
      });
      child.on('close', (code) => {
        this.processes.delete(child);
        resolve(code);
      });
    });
    return { exit, kill: () => this.killTree(child, exit) };
  }

  private async killTree(child: ChildProcess, exit: Promise<number | null>): Promise<void> {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const gone = await Promise.race([exit.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 2000))]);
    // Whatever is left of the group (a grandchild that ignored SIGTERM, or the child itself) goes now.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group is empty.
    }
    if (!gone) await Promise.race([exit, new Promise((r) => setTimeout(r, 2000))]);
  }

  allocatePort(): Promise<number> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(port));
      });
    });
  }

  async waitForPort(port: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !this.tornDown) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = createConnection({ port, host: '127.0.0.1' });
        const done = (ok: boolean) => {
          socket.destroy();
          resolve(ok);
        };
        socket.setTimeout(500, () => done(false));
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
      });
      if (open) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  async probe(port: number, path: string, timeoutMs: number): Promise<ProbeResult> {
    const url = `http://127.0.0.1:${port}${path}`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      return { ok: true, url, status: response.status, body: await response.text() };
    } catch (error) {
      return { ok: false, url, error: (error as Error).message };
    }
  }

  async teardown(): Promise<void> {
    this.tornDown = true;
    const running = [...this.processes];
    await Promise.all(running.map((child) => this.killTree(child, new Promise((r) => child.once('close', r)))));
    if (this.root) await rm(this.root, { recursive: true, force: true, maxRetries: 3 });
  }
}
