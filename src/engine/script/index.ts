export { parseShellScript } from './parse.ts';
export { runScript, type RunScript } from './run.ts';
export { argsWithoutFlags, commandsNamed, firstArgWithoutFlags, flagsOf, flagValue, hasFlag, isInstall, programName } from './query.ts';
export type * from './types.ts';
