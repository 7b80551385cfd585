/**
 * The rows of a layer diagram: the base image's layers as one row (the learner does not choose
 * them one by one), then every layer the Dockerfile adds, with its share of the image.
 */
import type { SimulatedImage } from '../../engine/simulate/types.ts';

export interface LayerRow {
  /** 0 for the base image, then 1, 2, ... for the Dockerfile's layers. */
  number: number;
  label: string;
  /** Dockerfile line, null for the base image. */
  line: number | null;
  sizeBytes: number;
  /** Share of the final image, 0..1. */
  share: number;
  base: boolean;
}

/** The image the final stage starts from, following `FROM <earlier stage>` back to an image. */
export function baseImageRef(image: SimulatedImage): string {
  let stage = image.stages[image.target];
  const seen = new Set<number>();
  while (stage && stage.baseStage !== null && !seen.has(stage.index)) {
    seen.add(stage.index);
    stage = image.stages[stage.baseStage];
  }
  return stage?.base?.ref ?? 'scratch';
}

export function layerRows(image: SimulatedImage): LayerRow[] {
  const total = image.totals.sizeBytes || 1;
  const baseBytes = image.layers.filter((l) => l.base).reduce((sum, l) => sum + l.sizeBytes, 0);
  const rows: LayerRow[] = [];
  if (image.layers.some((l) => l.base)) {
    rows.push({ number: 0, label: `Base image ${baseImageRef(image)}`, line: null, sizeBytes: baseBytes, share: baseBytes / total, base: true });
  }
  let n = 0;
  for (const layer of image.layers) {
    // Metadata-only instructions (ENV, CMD, USER) make no layer in BuildKit.
    if (layer.base || layer.empty) continue;
    n += 1;
    // `docker history` shows RUN as "/bin/sh -c ..."; the lesson shows the line as written.
    const label = layer.createdBy.replace(/^RUN \/bin\/sh -c /, 'RUN ');
    rows.push({ number: n, label, line: layer.line, sizeBytes: layer.sizeBytes, share: layer.sizeBytes / total, base: false });
  }
  return rows;
}
