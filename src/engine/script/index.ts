export { parseShellScript } from './parse.ts';
export { argsWithoutFlags, commandsNamed, flagsOf, flagValue, hasAnyFlag, hasFlag, isInstall, programName } from './query.ts';
export type * from './types.ts';
