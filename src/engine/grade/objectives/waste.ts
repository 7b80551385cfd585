import type { SimLayer, SimulatedImage } from '../../simulate/types.ts';

/** The Dockerfile layer with the most bytes that a later layer deletes or rewrites (null when none has any). */
export function largestHiddenLayer(image: SimulatedImage): (SimLayer & { line: number }) | null {
  let worst: (SimLayer & { line: number }) | null = null;
  for (const layer of image.layers) {
    if (layer.base || layer.line === null || layer.hiddenBytes <= 0) continue;
    if (worst === null || layer.hiddenBytes > worst.hiddenBytes) worst = layer as SimLayer & { line: number };
  }
  return worst;
}
