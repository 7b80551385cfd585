/**
 * The WebContainer implementation of the runtime, for the browser. Thin on purpose: everything
 * above the Runtime interface is shared with the Node implementation and tested there.
 *
 * `@webcontainer/api` is imported only inside `boot()`, so no WebContainer code reaches a page
 * until the learner asks for a real run. Booting needs a cross-origin isolated page (COOP
 * `same-origin` + COEP `require-corp` or `credentialless`) and StackBlitz's servers; when either
 * is missing, `boot()` rejects with a RuntimeBootError that says which, within 20 seconds.
 */
import type { WebContainer, WebContainerProcess } from '@webcontainer/api';
import { mountTree } from './mount.ts';
import { RuntimeBootError, withTimeout, type FileTree, type ProbeResult, type Runtime, type RuntimeFs, type RuntimeProcess, type SpawnOptions } from './types.ts';

export const BOOT_TIMEOUT_MS = 20_000;

export interface WebContainerRuntimeOptions {
  /** Must match the page's Cross-Origin-Embedder-Policy. */
  coep?: 'require-corp' | 'credentialless';
  bootTimeoutMs?: number;
}

/** The WebContainer file system API is scoped to its workdir and takes relative paths. */
function rel(path: string): string {
  return path.replace(/^\/+/, '') || '.';
}

function parentAndName(path: string): [string, string] {
  const clean = rel(path);
  const slash = clean.lastIndexOf('/');
  return slash < 0 ? ['.', clean] : [clean.slice(0, slash), clean.slice(slash + 1)];
}

export class WebContainerRuntime implements Runtime {
  readonly kind = 'webcontainer' as const;
  private container: WebContainer | null = null;
  private readonly ports = new Set<number>();
  private readonly processes = new Set<WebContainerProcess>();
  private readonly options: WebContainerRuntimeOptions;
  readonly fs: RuntimeFs;

  constructor(options: WebContainerRuntimeOptions = {}) {
    this.options = options;
    const wc = () => {
      if (!this.container) throw new Error('the WebContainer has not booted');
      return this.container.fs;
    };
    const stat = async (path: string): Promise<'file' | 'dir' | null> => {
      if (rel(path) === '.') return 'dir';
      const [parent, name] = parentAndName(path);
      try {
        const entry = (await wc().readdir(parent, { withFileTypes: true })).find((e) => e.name === name);
        return entry ? (entry.isDirectory() ? 'dir' : 'file') : null;
      } catch {
        return null;
      }
    };
    const copy = async (from: string, to: string): Promise<void> => {
      if ((await stat(from)) === 'dir') {
        await wc().mkdir(rel(to), { recursive: true });
        for (const entry of await wc().readdir(rel(from), { withFileTypes: true })) await copy(`${from}/${entry.name}`, `${to}/${entry.name}`);
        return;
      }
      await wc().mkdir(parentAndName(to)[0], { recursive: true });
      await wc().writeFile(rel(to), await wc().readFile(rel(from)));
    };
    this.fs = {
      readFile: (path) => wc().readFile(rel(path)),
      writeFile: async (path, data, opts) => {
        await wc().mkdir(parentAndName(path)[0], { recursive: true });
        if (opts?.append && (await stat(path)) === 'file') {
          const before = await wc().readFile(rel(path));
          const added = typeof data === 'string' ? new TextEncoder().encode(data) : data;
          const joined = new Uint8Array(before.length + added.length);
          joined.set(before);
          joined.set(added, before.length);
          await wc().writeFile(rel(path), joined);
        } else await wc().writeFile(rel(path), data);
      },
      mkdir: async (path) => {
        await wc().mkdir(rel(path), { recursive: true });
      },
      rm: (path) => wc().rm(rel(path), { recursive: true, force: true }),
      list: async (path) => {
        try {
          return (await wc().readdir(rel(path))).sort();
        } catch {
          return null;
        }
      },
      stat,
      copy,
      rename: async (from, to) => {
        await wc().mkdir(parentAndName(to)[0], { recursive: true });
        await wc().rename(rel(from), rel(to));
      },
    };
  }

  get processRoot(): string {
    return this.container?.workdir ?? '';
  }

  async boot(): Promise<void> {
    const g = globalThis as { crossOriginIsolated?: boolean; navigator?: { onLine?: boolean } };
    if (typeof SharedArrayBuffer === 'undefined') {
      throw new RuntimeBootError('unsupported', 'this browser has no SharedArrayBuffer, which WebContainers need');
    }
    if (g.crossOriginIsolated !== true) {
      throw new RuntimeBootError('not-isolated', 'this page is not cross-origin isolated (it needs the COOP and COEP headers), so a WebContainer cannot start here');
    }
    if (g.navigator?.onLine === false) throw new RuntimeBootError('offline', 'the browser is offline: WebContainers load from StackBlitz\'s servers');
    const timeout = this.options.bootTimeoutMs ?? BOOT_TIMEOUT_MS;
    const start = async () => {
      let api: typeof import('@webcontainer/api');
      try {
        api = await import('@webcontainer/api');
      } catch (error) {
        throw new RuntimeBootError('blocked', `the WebContainer code could not be loaded: ${(error as Error).message}`);
      }
      try {
        return await api.WebContainer.boot({ coep: this.options.coep ?? 'require-corp', workdirName: 'layerwise' });
      } catch (error) {
        throw new RuntimeBootError('blocked', `the WebContainer did not boot: ${(error as Error).message} (StackBlitz's servers may be blocked or unreachable)`);
      }
    };
    const booting = start();
    // A boot that completes after the deadline would hold the page's one WebContainer: tear it down.
    const late = (container: WebContainer) => container.teardown();
    this.container = await withTimeout(booting, timeout, () => {
      booting.then(late, () => {});
      return new RuntimeBootError('timeout', `the WebContainer did not boot within ${Math.round(timeout / 1000)} s (StackBlitz's servers may be unreachable)`);
    });
    this.container.on('port', (port, type) => {
      if (type === 'open') this.ports.add(port);
      else this.ports.delete(port);
    });
  }

  mount(tree: FileTree, at: string): Promise<void> {
    return mountTree(this.fs, tree, at);
  }

  async spawn(program: string, args: readonly string[], options: SpawnOptions): Promise<RuntimeProcess> {
    if (!this.container) throw new Error('the WebContainer has not booted');
    const env = { ...options.env };
    // The image's PATH names its own directories; the WebContainer has its own.
    delete env.PATH;
    const process = await this.container.spawn(program, [...args], { cwd: rel(options.cwd), env });
    this.processes.add(process);
    void process.output.pipeTo(new WritableStream({ write: (chunk) => options.onOutput?.(chunk) })).catch(() => {});
    const exit = process.exit.then((code) => {
      this.processes.delete(process);
      return code;
    });
    return {
      exit,
      kill: async () => {
        process.kill();
        await Promise.race([exit, new Promise((r) => setTimeout(r, 2000))]);
      },
    };
  }

  /** A WebContainer has its own network: the app listens on the port the image declares. */
  async allocatePort(declared: number): Promise<number> {
    return declared;
  }

  async waitForPort(port: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.ports.has(port)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  /**
   * The probe runs inside the container (a `fetch` from Node there): the preview URL a page could
   * fetch is on another origin, and the request must reach the app as a container-local client would.
   */
  async probe(port: number, path: string, timeoutMs: number): Promise<ProbeResult> {
    const url = `http://localhost:${port}${path}`;
    const script = `fetch(${JSON.stringify(url)}, { signal: AbortSignal.timeout(${timeoutMs}) }).then(async (r) => console.log(JSON.stringify({ status: r.status, body: await r.text() })), (e) => console.log(JSON.stringify({ error: String(e && e.message || e) })))`;
    let output = '';
    const child = await this.spawn('node', ['-e', script], { cwd: '/', env: {}, onOutput: (c) => (output += c) });
    await withTimeout(child.exit, timeoutMs + 2000, () => new Error('probe timed out')).catch(() => child.kill());
    try {
      const line = output.trim().split('\n').at(-1) ?? '';
      const parsed = JSON.parse(line) as { status?: number; body?: string; error?: string };
      if (parsed.status !== undefined) return { ok: true, url, status: parsed.status, body: parsed.body ?? '' };
      return { ok: false, url, error: parsed.error ?? 'no answer' };
    } catch {
      return { ok: false, url, error: output.trim() || 'no answer' };
    }
  }

  async teardown(): Promise<void> {
    for (const p of this.processes) p.kill();
    this.processes.clear();
    this.container?.teardown();
    this.container = null;
  }
}
