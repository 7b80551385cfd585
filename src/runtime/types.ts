/**
 * One interface for the places a Dockerfile's Node steps can run for real: a WebContainer in the
 * browser, child processes in a temporary directory under Node. Everything above it (executing a
 * RunPlan, classifying failures) is shared and tested through the Node implementation.
 *
 * Paths are runtime paths: absolute, `/`-separated, rooted at the runtime's own directory (each
 * stage of a plan lives under `/stages/<index>`), never host paths.
 */

export interface RuntimeFs {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array, options?: { append?: boolean }): Promise<void>;
  /** Creates the directory and its parents; no error when it exists. */
  mkdir(path: string): Promise<void>;
  /** Removes a file or a directory tree; no error when absent. */
  rm(path: string): Promise<void>;
  /** Names in a directory, or null when it is not a directory. */
  list(path: string): Promise<string[] | null>;
  /** 'file', 'dir', or null when nothing is there. */
  stat(path: string): Promise<'file' | 'dir' | null>;
  /** Copies a file or a directory tree (symlinks kept as links); `to` is the new path itself. */
  copy(from: string, to: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

/** A tree of files to mount: nested objects are directories, strings and bytes are files. */
export interface FileTree {
  [name: string]: string | Uint8Array | FileTree;
}

export interface SpawnOptions {
  /** Runtime path of the working directory. */
  cwd: string;
  /** The process environment as the image defines it (the runtime adds what it needs to run). */
  env: Record<string, string>;
  /** Streamed stdout and stderr, interleaved as they arrive. */
  onOutput?: (chunk: string) => void;
}

export interface RuntimeProcess {
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exit: Promise<number | null>;
  /** Stops the process and everything it started; resolves once it is gone. */
  kill(): Promise<void>;
}

export type ProbeResult =
  | { ok: true; url: string; status: number; body: string }
  | { ok: false; url: string; error: string };

export interface Runtime {
  readonly kind: 'node' | 'webcontainer';
  /**
   * The directory processes see for runtime path `/`, so that their messages (stack traces,
   * "Cannot find module '/tmp/x/stages/1/app/...'") can be shown with container paths.
   */
  readonly processRoot: string;
  /** Starts the runtime; rejects with a `RuntimeBootError` that says why it cannot. */
  boot(): Promise<void>;
  readonly fs: RuntimeFs;
  /** Writes a whole tree under `at`. */
  mount(tree: FileTree, at: string): Promise<void>;
  /**
   * Starts `program` (node, npm, npx or pnpm: the runtime brings its own) with `args`.
   * Rejects when the runtime has no such program.
   */
  spawn(program: string, args: readonly string[], options: SpawnOptions): Promise<RuntimeProcess>;
  /**
   * The port the app should listen on for a port the image declares: the WebContainer has its own
   * network, so the same one; under Node processes share the host's, so a free one.
   */
  allocatePort(declared: number): Promise<number>;
  /** Resolves true once something accepts connections on `port`, false after `timeoutMs`. */
  waitForPort(port: number, timeoutMs: number): Promise<boolean>;
  /** One HTTP GET on `port` and `path`. */
  probe(port: number, path: string, timeoutMs: number): Promise<ProbeResult>;
  /** Kills every process still running and removes the runtime's files. Safe to call twice. */
  teardown(): Promise<void>;
}

/** Why a runtime could not boot, in words a learner can act on. */
export type BootFailure = 'not-isolated' | 'unsupported' | 'offline' | 'blocked' | 'timeout' | 'error';

export class RuntimeBootError extends Error {
  readonly reason: BootFailure;
  constructor(reason: BootFailure, message: string) {
    super(message);
    this.reason = reason;
    this.name = 'RuntimeBootError';
  }
}

/** Runs `promise` with a deadline; the timeout rejects with `onTimeout()`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
