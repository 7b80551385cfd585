export { knownBaseImages, lookupBaseImage, normalizeImageRef } from './catalog/base-images.ts';
export { efficiency } from './efficiency.ts';
export type { ContextFile, NodeProjectData, SimulationInput } from './input.ts';
export { simulateImage, type SimulateOptions } from './simulate.ts';
export type * from './types.ts';
