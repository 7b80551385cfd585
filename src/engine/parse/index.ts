export { parseDockerfile } from './parser.ts';
export { dumpBuildKit, dumpInstruction } from './dump.ts';
export type * from './types.ts';
export { positionInSegments } from './logical-line.ts';
