export { DEFAULT_PATH, expandedField, formatPlatform, platformArgs, resolveStages, scopeOf } from './resolve.ts';
export type * from './types.ts';
