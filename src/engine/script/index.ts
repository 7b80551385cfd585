export { argvCommand, commandScope, programOf } from './command.ts';
export { parseShellScript } from './parse.ts';
export { runScript, type RunScript } from './run.ts';
export { argsWithoutFlags, commandsNamed, firstArgWithoutFlags, flagsOf, flagValue, goFlag, hasFlag, isInstall, programName } from './query.ts';
export { isLiteralWord, simplifyWord } from './simplify.ts';
export { unwrapCommand } from './unwrap.ts';
export type * from './types.ts';
