export { planRun } from './plan.ts';
export { matchContextCopy, hasWildcard } from './copy.ts';
export { planRunCommands, PROCESS_PROGRAMS } from './commands.ts';
export type * from './types.ts';
