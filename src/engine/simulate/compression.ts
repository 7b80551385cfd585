import { tarBytes } from './fs.ts';
import type { FileTag, LayerChange } from './types.ts';

/**
 * gzip -6 bytes / tar bytes by kind of content, from measured layers in the reference data:
 * apt packages 0.42 (curl layer: 4,837,423 / 11,454,976, deb-sizes.json), apt lists 0.84
 * (`apt-get update` layer: 16,705,405 / 19,866,624, already compressed indexes), node_modules
 * 0.22 (npm-sizes.json, mean of three projects). Other kinds use 0.5, a middle value, and are
 * estimates.
 */
const RATIO: Partial<Record<FileTag, number>> = {
  'apt-package': 0.42,
  'apt-lists': 0.84,
  'node-modules': 0.22,
  'npm-cache': 0.95,
  'pnpm-store': 0.3,
  'yarn-cache': 0.95,
  'dpkg-state': 0.2,
  'user-db': 0.3,
  'source-map': 0.25,
  'build-output': 0.3,
  binary: 0.4,
  download: 0.9,
};

/** Source code and other text: gzip -6 keeps about 0.3 of it. */
export const TEXT_GZIP_RATIO = 0.3;
/** Zeros: gzip's longest matches repeat, about 1/1000 (10 MB of zeros → 10 KB). */
export const ZEROS_GZIP_RATIO = 0.001;
/** Random or already-compressed bytes: gzip cannot shrink them and adds its block headers. */
export const RANDOM_GZIP_RATIO = 1.0;

/**
 * A context file's ratio by its name when nothing measured it: text formats compress well,
 * archives and media do not, anything else (binaries, data) is a middle estimate. The CLI
 * measures the real ratio of every file from a sample of its bytes (ContextFile.gzipRatio).
 */
function contextRatio(path: string): number {
  if (/\.(png|jpe?g|gif|webp|avif|gz|tgz|zip|bz2|xz|zst|woff2?|mp4|mp3|pdf|jar)$/i.test(path)) return 0.98;
  if (/\.(m?[jt]sx?|json|html?|css|md|txt|ya?ml|xml|svg|lock|toml|py|rb|go|rs|java|c|h|sh)$/i.test(path)) return TEXT_GZIP_RATIO;
  return 0.5;
}

export function gzipEstimate(changes: readonly LayerChange[], tarTotal: number): number {
  if (tarTotal === 0) return 0;
  let gz = 0;
  let counted = 0;
  for (const c of changes) {
    if (c.kind !== 'add') continue;
    const bytes = tarBytes(c.file);
    counted += bytes;
    const ratio =
      c.file.gzipRatio ??
      (c.file.tags.includes('context') ? contextRatio(c.file.path) : c.file.tags.map((t) => RATIO[t]).find((r) => r !== undefined) ?? 0.5);
    gz += bytes * ratio;
  }
  // Headers, directories and whiteouts: mostly zeros, they compress to almost nothing.
  gz += Math.max(0, tarTotal - counted) * 0.05;
  return Math.round(Math.max(gz, 32));
}
