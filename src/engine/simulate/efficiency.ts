import type { SimLayer } from './types.ts';

/**
 * dive's image efficiency (wagoodman/dive, `dive/filetree/efficiency.go` and `image/analysis`):
 * for every path, across all layers, sum the sizes of its appearances (a whiteout counts the size
 * of what it deletes) and keep the smallest one. Efficiency is the sum of the minimums over the
 * sum of the totals (1 when nothing is counted); wasted bytes sum the totals of every path that
 * appears in more than one layer.
 */
export function efficiency(layers: readonly SimLayer[]): { efficiency: number; wastedBytes: number } {
  const paths = new Map<string, { total: number; min: number; count: number }>();
  const seen = (path: string, bytes: number) => {
    const entry = paths.get(path);
    if (!entry) paths.set(path, { total: bytes, min: bytes, count: 1 });
    else {
      entry.total += bytes;
      entry.min = Math.min(entry.min, bytes);
      entry.count++;
    }
  };
  // The sizes each path had, so a whiteout of a directory counts what it hid.
  const current = new Map<string, number>();
  for (const layer of layers) {
    for (const change of layer.changes) {
      if (change.kind === 'add') {
        seen(change.file.path, change.file.bytes);
        current.set(change.file.path, change.file.bytes);
      } else {
        let hidden = 0;
        for (const [path, bytes] of current) {
          if (path === change.path || path.startsWith(`${change.path}/`)) {
            hidden += bytes;
            seen(path, bytes);
            current.delete(path);
          }
        }
        if (hidden === 0) seen(change.path, 0);
      }
    }
  }
  let minimum = 0;
  let discovered = 0;
  let wasted = 0;
  for (const p of paths.values()) {
    minimum += p.min;
    discovered += p.total;
    if (p.count > 1) wasted += p.total;
  }
  return { efficiency: discovered === 0 ? 1 : minimum / discovered, wastedBytes: wasted };
}
