import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shared } from '../support/shared.ts';
import { runCli } from '../support/cli.ts';

const run = (argv: string[], stdin = '') => runCli(argv, { stdin });

const dir = mkdtempSync(join(tmpdir(), 'layerwise-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('layerwise parse', () => {
  it('prints instructions and no errors as JSON by default', async () => {
    const path = file('ok.Dockerfile', 'FROM node:22 AS build\nCOPY --from=build /app/dist /srv\n');
    const { code, stdout, stderr } = await run(['parse', path]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json.errors).toEqual([]);
    expect(json.instructions).toHaveLength(2);
    expect(json.instructions[1]).toMatchObject({ keyword: 'COPY', line: 2, column: 1, from: 'build' });
    expect(json.instructions[1].flags[0]).toMatchObject({ name: 'from', value: 'build', line: 2, column: 6 });
  });

  it('prints BuildKit’s AST dump', async () => {
    const path = file('dump.Dockerfile', 'FROM alpine\nENV A=1 B=2\nRUN ["echo", "hi"]\n');
    const { code, stdout } = await run(['parse', '--format', 'buildkit', path]);
    expect(code).toBe(0);
    expect(stdout).toBe('(from "alpine")\n(env "A" "1" "=" "B" "2" "=")\n(run "echo" "hi")\n');
  });

  it('reads standard input for -', async () => {
    const { code, stdout } = await run(['parse', '--format=buildkit', '-'], 'FROM scratch\n');
    expect(code).toBe(0);
    expect(stdout).toBe('(from "scratch")\n');
  });

  it('exits 1 and prints FILE:LINE:COL for every error', async () => {
    const path = file('bad.Dockerfile', 'FROM alpine\nCOPY --user=1 a b\nRUN <<EOF\necho\n');
    const { code, stdout, stderr } = await run(['parse', path]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([`${path}:2:6: unknown flag: user`, `${path}:3:1: unterminated heredoc`]);
    expect(JSON.parse(stdout).errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
  });

  it('counts only BuildKit parser errors in the buildkit format', async () => {
    const path = file('flag.Dockerfile', 'FROM alpine\nCOPY --user=1 a b\n');
    expect((await run(['parse', '--format', 'buildkit', path])).code).toBe(0);
  });

  it('exits 1 with a clear message for a missing file', async () => {
    const { code, stderr } = await run(['parse', join(dir, 'missing')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no such file or directory/);
  });

  it('exits 2 on wrong usage, with help', async () => {
    for (const argv of [['parse'], ['parse', 'a', 'b'], ['parse', '--format', 'yaml', 'x'], ['parse', '--nope', 'x'], ['frobnicate']]) {
      const { code, stderr } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toMatch(/Usage: layerwise/);
    }
  });

  it('has --help on every command and at the top', async () => {
    // `help constructor` is no command's help: the main help, not `undefined` from Object.prototype.
    for (const argv of [['--help'], ['parse', '--help'], ['context', '--help'], ['help', 'parse'], ['help', 'constructor'], ['help', 'nope']]) {
      const { code, stdout } = await run(argv);
      expect(code, argv.join(' ')).toBe(0);
      expect(stdout).toMatch(/^Usage: layerwise/);
    }
  });
});

const corpus = shared('corpus/real-dockerfiles');

describe.skipIf(!corpus.exists)('layerwise parse on 195 real Dockerfiles', () => {
  const files = corpus.exists ? readdirSync(corpus.path).filter((f) => f.endsWith('.Dockerfile')) : [];
  it.each(files)('%s: no parser error (exit 0 with --format buildkit)', async (name) => {
    const { code, stderr } = await run(['parse', '--format', 'buildkit', join(corpus.path, name)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('the JSON format agrees except for the deliberately invalid dive test file', async () => {
    const failing: string[] = [];
    for (const name of files) {
      const { code } = await run(['parse', join(corpus.path, name)]);
      if (code !== 0) failing.push(name);
    }
    expect(failing).toEqual(['wagoodman_dive_cmd_dive_cli_testdata_invalid_Dockerfile.Dockerfile']);
    expect(readFileSync(join(corpus.path, failing[0]!), 'utf8')).toContain('INVALID woops');
  });
});
