/**
 * What the simulator is given besides the Dockerfile: the build context (a virtual file tree
 * in the browser, a real directory from the CLI) and measured facts about projects in it.
 */

export interface ContextFile {
  /** `/`-separated path relative to the context root. */
  path: string;
  bytes: number;
  /** Text, for the small files whose content matters (package.json, lockfiles). */
  text?: string;
  /** gzip -6 bytes / bytes, measured on a sample of the file (the CLI); estimated from the name otherwise. */
  gzipRatio?: number;
  /** A local tar archive's contents, as `ADD` unpacks them (the CLI reads the archive's headers). */
  archive?: ArchiveListing;
  /**
   * Set when the entry stands for a whole directory tree holding this many files (a measured
   * `node_modules/<package>`, a declared `.git` pack): `bytes` is then the sum of their sizes.
   */
  files?: number;
}

/** What a tar archive unpacks to. */
export interface ArchiveListing {
  /** Tar bytes of its entries: a 512-byte header each, data padded to 512 (what the layer holds). */
  tarBytes: number;
  /** Regular files. */
  files: number;
  /** File data bytes. */
  dataBytes: number;
  /** The one top-level directory every entry sits in, when there is one (`app` for app/...). */
  root: string | null;
}

/**
 * Measured node_modules of a Node project in the context: from an installed node_modules and
 * the lockfile's `dev` flags (CLI), or from recorded data (exercises).
 */
export interface NodeProjectData {
  /** Directory of package.json, relative to the context root ("" for the root). */
  dir: string;
  /** Set for a workspace root's figures after `turbo prune NAME --docker` (an install of NAME's part of the workspace). */
  prunedFor?: string;
  /** Tar bytes and file count of node_modules with all dependencies. */
  allBytes: number;
  allFiles: number;
  /** With production dependencies only (`npm ci --omit=dev`). */
  prodBytes: number;
  prodFiles: number;
  /** With production dependencies and no optional ones (`--omit=dev --omit=optional`), when measured. */
  prodNoOptionalBytes?: number;
  prodNoOptionalFiles?: number;
  /** Growth of the npm cache (/root/.npm) caused by one install without a cache mount. */
  cacheBytes?: number;
  /** The same for a production-only install (`npm ci --omit=dev` downloads fewer packages). */
  prodCacheBytes?: number;
  /** Size of the build output (`npm run build`), when known. */
  buildOutputBytes?: number;
  /** Where the figures come from. */
  source: string;
}

export interface SimulationInput {
  /** Files that would be sent to the builder (already filtered by .dockerignore). */
  context?: readonly ContextFile[];
  nodeProjects?: readonly NodeProjectData[];
  buildArgs?: Readonly<Record<string, string>>;
  /** Stage name or index to build (`--target`); the last stage by default. */
  target?: string;
}
