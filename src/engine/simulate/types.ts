import type { Instruction, Range } from '../parse/types.ts';

/** What a file (or a modelled group of files) is, so rules and explanations can talk about it. */
export type FileTag =
  | 'base'
  | 'context'
  | 'apt-lists'
  | 'apt-package'
  | 'apk-package'
  | 'apk-cache'
  | 'dpkg-state'
  | 'node-modules'
  | 'dev-dependencies'
  | 'npm-cache'
  | 'pnpm-store'
  | 'yarn-cache'
  | 'pip-cache'
  | 'python-package'
  | 'cargo-registry'
  | 'build-output'
  | 'binary'
  | 'unstripped'
  /** A program linked dynamically against glibc: it needs glibc's loader and libc at run time. */
  | 'glibc-dynamic'
  /** A statically linked program: it runs without any C library in the image (scratch). */
  | 'static'
  | 'source-map'
  | 'global-tool'
  | 'download'
  | 'generated'
  | 'user-db'
  | 'unknown';

/**
 * One path in the simulated file system. A path may stand for a whole modelled tree
 * (`/app/node_modules`, `/var/lib/apt/lists`): `files` says how many regular files it holds, which
 * matters for tar overhead (512 bytes of header per file).
 */
export interface SimFile {
  path: string;
  bytes: number;
  files: number;
  tags: FileTag[];
  /** Stands for a directory tree whose contents are not listed one by one. */
  tree?: boolean;
  /** Owner `uid:gid` when not root. */
  owner?: string;
  /** The context path it was copied from (`COPY`), to find measured data about it. */
  from?: string;
  /** A workspace root package.json as `turbo prune NAME` wrote it: installs there install NAME's part only. */
  prunedFor?: string;
  /** Exact tar bytes when measured (a real node_modules), instead of the estimate from bytes and files. */
  tarBytes?: number;
  /** gzip bytes / tar bytes when known (random data 1.0, zeros near 0). */
  gzipRatio?: number;
  mode?: number;
  /** Bytes after `strip`, when the model knows them (a compiled program's debug symbols). */
  strippedBytes?: number;
  /** node_modules of a production install: dev-only packages the project's code imports (left out). */
  missingImports?: { name: string; file: string }[];
  /** node_modules of a project whose code imports `@prisma/client` (prisma-client-js): the importing file. */
  prismaClientFor?: string;
}

/** A change one layer makes: a file added or replaced, or a path deleted (a whiteout). */
export type LayerChange =
  | { kind: 'add'; file: SimFile }
  | { kind: 'delete'; path: string; /** bytes the deleted paths held in earlier layers */ hiddenBytes: number };

export interface SimLayer {
  /** Index in its stage's layer list (base layers first). */
  index: number;
  stage: number;
  /** The instruction, or null for a layer of the base image. */
  instruction: Instruction | null;
  line: number | null;
  /** `docker history`'s CREATED BY column. */
  createdBy: string;
  /** True for a base image layer. */
  base: boolean;
  /** True when the instruction only changes metadata (ENV, CMD, ...): BuildKit records no layer. */
  empty: boolean;
  changes: LayerChange[];
  /** Uncompressed tar bytes, as `docker image inspect` counts them. */
  sizeBytes: number;
  /** Estimated gzip bytes (the pull size). */
  compressedBytes: number;
  /** Bytes this layer adds that later layers delete or replace: shipped but unreachable. */
  hiddenBytes: number;
  /** The five largest additions. */
  top: { path: string; bytes: number }[];
  notes: SimNote[];
}

/** `build-error`: the real build stops here (a COPY source not in the context, `npm ci` without a lockfile). */
export type NoteKind = 'unknown-command' | 'unknown-image' | 'estimate' | 'info' | 'unknown-package' | 'build-error';

export interface SimNote {
  kind: NoteKind;
  message: string;
  range?: Range;
}

/** A base image as the catalog knows it. */
export interface BaseImageInfo {
  /** e.g. `node:22-slim`. */
  ref: string;
  family: 'debian' | 'ubuntu' | 'alpine' | 'distroless' | 'busybox' | 'scratch' | 'unknown';
  sizeBytes: number;
  compressedBytes: number;
  /** Uncompressed bytes per layer, oldest first. */
  layers: number[];
  packageManager: 'apt' | 'apk' | 'none';
  shell: boolean;
  libc: 'glibc' | 'musl' | 'none';
  /** User the image runs as, `root` unless the image says otherwise. */
  user: string;
  /** Programs on PATH (node, npm, curl, ...). */
  tools: string[];
  env: Record<string, string>;
  /** The image's own CMD (exec form), inherited by a Dockerfile that sets neither CMD nor ENTRYPOINT (nginx starts nginx). */
  cmd?: string[];
  /** Where the figures come from. */
  source: string;
  /** Set when the figures are an estimate (unknown tag, missing uncompressed size, ...). */
  estimate?: string;
}

export interface SimStage {
  index: number;
  name: string | null;
  base: BaseImageInfo | null;
  /** Index of the stage this one builds on. */
  baseStage: number | null;
  layers: SimLayer[];
  /** The file system at the end of the stage (paths the simulator models). */
  files: Map<string, SimFile>;
  env: Map<string, string>;
  user: string;
  workdir: string;
  /** Users and groups created in the stage (and its base). */
  users: Set<string>;
  cmd: { form: 'shell' | 'exec'; command: string[]; line: number } | null;
  entrypoint: { form: 'shell' | 'exec'; command: string[]; line: number } | null;
  healthcheck: { command: string[]; form: 'shell' | 'exec'; line: number } | null;
  shell: string[];
  /** Programs available (base image tools plus what RUN installed). */
  tools: Set<string>;
}

export interface ImageTotals {
  sizeBytes: number;
  compressedBytes: number;
  /** dive's wasted bytes: the sum of the sizes of every path that appears in more than one layer. */
  wastedBytes: number;
  /** dive's efficiency score: minimum path sizes / discovered path sizes. */
  efficiency: number;
}

export interface SimulatedImage {
  stages: SimStage[];
  /** The stage that becomes the image (the target, or the last). */
  target: number;
  /** The image's layers in order: the base image's first. */
  layers: SimLayer[];
  totals: ImageTotals;
  notes: SimNote[];
}
