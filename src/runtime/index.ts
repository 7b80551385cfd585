/**
 * The runtime layer for callers in the browser: the interface, the executor and its outcome.
 * Neither implementation is imported here: the Node one (`./node.ts`) is for tests and local
 * runs, and the WebContainer one is loaded on demand, so that no WebContainer code ships with a
 * page until the learner opts in.
 */
export { executePlan, type ExecuteOptions } from './execute.ts';
export { classifyExit } from './classify.ts';
export type * from './outcome.ts';
export { RuntimeBootError, withTimeout, type BootFailure, type FileTree, type ProbeResult, type Runtime, type RuntimeFs, type RuntimeProcess, type SpawnOptions } from './types.ts';

/** The WebContainer runtime, loaded by dynamic import when a run is asked for. */
export async function loadWebContainerRuntime(options?: import('./webcontainer.ts').WebContainerRuntimeOptions): Promise<import('./types.ts').Runtime> {
  const { WebContainerRuntime } = await import('./webcontainer.ts');
  return new WebContainerRuntime(options);
}
