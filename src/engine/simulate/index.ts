export { knownBaseImages, lookupBaseImage, normalizeImageRef } from './catalog/base-images.ts';
export { efficiency } from './efficiency.ts';
export type { ContextFile, NodeProjectData, SimulationInput } from './input.ts';
export { simulateImage, type SimulateOptions } from './simulate.ts';
export type * from './types.ts';
export { cacheReport, stepSeconds, type CacheReport, type CacheStep, type EditScenario } from './cache.ts';
export { runtimeCheck, type RuntimeCheck, type RuntimeProblem } from './runtime.ts';
