export { gradeExercise } from './grade.ts';
export { buildChain } from './chain.ts';
export { installsDependencies, installSteps, type InstallStep } from './install-steps.ts';
export { isRootUser } from './objectives/non-root.ts';
export { targetSizeBytes } from './objectives/max-size.ts';
export type * from './types.ts';
