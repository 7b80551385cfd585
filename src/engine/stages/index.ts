export { baseChain, DEFAULT_PATH, expandedField, formatPlatform, platformArgs, PREDEFINED_ARGS, resolveStages, scopeOf } from './resolve.ts';
export type * from './types.ts';
