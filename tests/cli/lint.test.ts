import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const run = (argv: string[]) => runCli(argv);

const dir = mkdtempSync(join(tmpdir(), 'layerwise-lint-'));
// An empty config so that no .layerwise.json above the temp dir applies.
writeFileSync(join(dir, '.layerwise.json'), '{}');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const rulesOf = (stdout: string) => (JSON.parse(stdout) as { findings: { rule: string; aliases: string[]; severity: string }[] }).findings;

describe('layerwise lint --build-arg', () => {
  const path = file('check.Dockerfile', '# check=skip=JSONArgsRecommended\nFROM alpine:3.20 as base\nCMD echo hi\n');

  it('BUILDKIT_DOCKERFILE_CHECK replaces the # check= directive', async () => {
    const plain = rulesOf((await run(['lint', path, '--format', 'json'])).stdout);
    expect(plain.some((f) => f.aliases.includes('JSONArgsRecommended'))).toBe(false);
    expect(plain.some((f) => f.aliases.includes('FromAsCasing'))).toBe(true);

    const { stdout } = await run(['lint', path, '--format', 'json', '--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=skip=FromAsCasing;error=true']);
    const found = rulesOf(stdout);
    expect(found.find((f) => f.aliases.includes('JSONArgsRecommended'))?.severity).toBe('error');
    expect(found.some((f) => f.aliases.includes('FromAsCasing'))).toBe(false);
  });

  it('is repeatable and feeds ARG values', async () => {
    const args = file('args.Dockerfile', 'ARG IMAGE=alpine\nARG TAG=3.20\nFROM ${IMAGE}:${TAG}\nCMD ["sh"]\n');
    const { code, stdout } = await run(['lint', args, '--format', 'json', '--build-arg', 'IMAGE=debian', '--build-arg', 'TAG=latest']);
    expect(code).toBe(1);
    // DL3007 sees the image the build args make: debian:latest.
    expect(rulesOf(stdout).some((f) => f.aliases.includes('DL3007'))).toBe(true);
    const without = rulesOf((await run(['lint', args, '--format', 'json'])).stdout);
    expect(without.some((f) => f.aliases.includes('DL3007'))).toBe(false);
  });

  it('rejects a build arg without = and a check value that does not parse (usage errors)', async () => {
    const noValue = await run(['lint', path, '--build-arg', 'TAG']);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain('--build-arg needs NAME=VALUE');
    const bad = await run(['lint', path, '--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=skip']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('failed to parse BUILDKIT_DOCKERFILE_CHECK: invalid check option "skip"');
  });
});
