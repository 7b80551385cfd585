// Layerwise's own Dockerfile is held to the course's standard: lint-clean with its real build
// context, and a final stage the runtime check accepts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const run = (argv: string[]) => runCli(argv);

describe("the project's own Dockerfile", () => {
  it('has no lint finding with its build context', async () => {
    const { code, stdout } = await run(['lint', 'Dockerfile', '--context', '.', '--format', 'json', '--failure-threshold', 'style']);
    expect(JSON.parse(stdout).findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('simulates to an image that runs as a non-root user with what its CMD needs', async () => {
    const { code, stdout } = await run(['simulate', 'Dockerfile', '--context', '.', '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.runtime.ok).toBe(true);
    expect(result.runtime.user).toBe('1000:1000');
    expect(result.image.sizeBytes).toBeLessThan(260_000_000);
  });
});
