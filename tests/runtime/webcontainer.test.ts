/**
 * The WebContainer runtime cannot boot here (no browser, no StackBlitz): what it must do is say
 * why, quickly, and let the executor report it as a boot failure instead of hanging.
 */
import { describe, expect, it } from 'vitest';
import { planRun } from '../../src/engine/plan/index.ts';
import { executePlan, loadWebContainerRuntime, RuntimeBootError, withTimeout } from '../../src/runtime/index.ts';

describe('WebContainer runtime outside a cross-origin isolated page', () => {
  it('refuses to boot and says the page is not cross-origin isolated', async () => {
    const runtime = await loadWebContainerRuntime();
    const error = await runtime.boot().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuntimeBootError);
    expect(error).toMatchObject({ reason: 'not-isolated', message: expect.stringContaining('cross-origin isolated') });
  });

  it('makes the executor report a boot failure and run nothing', async () => {
    const plan = planRun('FROM node:22\nRUN npm ci\nCMD ["node", "a.js"]\n', { context: [] });
    const outcome = await executePlan(plan, await loadWebContainerRuntime(), { files: new Map() });
    expect(outcome).toMatchObject({ failure: 'boot-failed', started: false });
    expect(outcome.steps.filter((s) => s.kind === 'run').every((s) => s.status === 'not-run')).toBe(true);
  });
});

describe('withTimeout', () => {
  it('rejects with the timeout error when the promise takes too long, and passes results through otherwise', async () => {
    const never = new Promise<never>(() => {});
    await expect(withTimeout(never, 50, () => new RuntimeBootError('timeout', 'too slow'))).rejects.toMatchObject({ reason: 'timeout' });
    await expect(withTimeout(Promise.resolve(7), 50, () => new Error('no'))).resolves.toBe(7);
  });
});
