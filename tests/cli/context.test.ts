import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/cli/commands/context.ts';
import { runCli } from '../support/cli.ts';

const base = mkdtempSync(join(tmpdir(), 'layerwise-cli-context-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function fixture(name: string, files: Record<string, string>): string {
  const root = join(base, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const run = (argv: string[], cwd = process.cwd()) => runCli(argv, { cwd });

const app = fixture('app', {
  Dockerfile: 'FROM node:22\n',
  '.dockerignore': 'node_modules\n*.log\n',
  'src/index.js': 'x'.repeat(3000),
  'src/util.js': 'y'.repeat(100),
  'README.md': 'hello',
  'app.log': 'noise',
  'node_modules/a/index.js': 'a',
});

describe('layerwise context', () => {
  it('prints exactly the documented JSON', async () => {
    const { code, stdout, stderr } = await run(['context', app, '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['files', 'totalBytes', 'excluded', 'ignoreFile']);
    expect(json).toEqual({
      files: [
        { path: '.dockerignore', bytes: 19 },
        { path: 'Dockerfile', bytes: 13 },
        { path: 'README.md', bytes: 5 },
        { path: 'src/index.js', bytes: 3000 },
        { path: 'src/util.js', bytes: 100 },
      ],
      totalBytes: 19 + 13 + 5 + 3000 + 100,
      excluded: ['app.log', 'node_modules'],
      ignoreFile: '.dockerignore',
    });
  });

  it('prints a readable summary by default', async () => {
    const { code, stdout } = await run(['context', app]);
    expect(code).toBe(0);
    expect(stdout).toContain('Ignore file: .dockerignore (2 patterns)');
    expect(stdout).toContain('Sent: 5 files, 3.1 KiB (3,137 bytes)');
    expect(stdout).toMatch(/Largest entries:\n\s+3\.0 KiB {2}src\/ {2}\(2 files\)\n/);
    expect(stdout).toMatch(/Excluded by \.dockerignore \(2 entries\):\n {2}app\.log\n {2}node_modules\/\n/);
  });

  it('takes --dockerfile relative to the working directory and uses its own ignore file', async () => {
    const dir = fixture('multi', {
      '.dockerignore': 'a.txt\n',
      'docker/api.Dockerfile': 'FROM scratch\n',
      'docker/api.Dockerfile.dockerignore': 'b.txt\n',
      'a.txt': 'a',
      'b.txt': 'b',
    });
    const { code, stdout } = await run(['context', '.', '--dockerfile', 'docker/api.Dockerfile', '--format=json'], dir);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.ignoreFile).toBe('docker/api.Dockerfile.dockerignore');
    expect(json.excluded).toEqual(['b.txt']);
    expect(json.files.map((f: { path: string }) => f.path)).toEqual([
      '.dockerignore',
      'a.txt',
      'docker/api.Dockerfile',
      'docker/api.Dockerfile.dockerignore',
    ]);
  });

  it('reports null when there is no ignore file', async () => {
    const dir = fixture('plain', { Dockerfile: 'FROM scratch\n' });
    const { code, stdout } = await run(['context', dir, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ files: [{ path: 'Dockerfile', bytes: 13 }], totalBytes: 13, excluded: [], ignoreFile: null });
  });

  it('exits 1 with FILE:LINE:COL for a bad pattern', async () => {
    const dir = fixture('broken', { Dockerfile: '', '.dockerignore': 'ok\n  [a-\n!\n' });
    const { code, stderr } = await run(['context', 'broken'], base);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `${join('broken', '.dockerignore')}:2:3: syntax error in pattern`,
      `${join('broken', '.dockerignore')}:3:1: illegal exclusion pattern: "!"`,
    ]);
    expect(dir).toBeTruthy();
  });

  it('exits 1 with a clear message when DIR or the Dockerfile is missing', async () => {
    const missing = await run(['context', join(base, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^layerwise context: .*nowhere: no such file or directory\n$/);
    const noDockerfile = await run(['context', app, '--dockerfile', 'nope.Dockerfile'], app);
    expect(noDockerfile.code).toBe(1);
    expect(noDockerfile.stderr).toMatch(/nope\.Dockerfile: no such file or directory/);
    const notDir = await run(['context', join(app, 'README.md')]);
    expect(notDir.code).toBe(1);
    expect(notDir.stderr).toMatch(/not a directory/);
  });

  it('exits 2 on wrong usage, with help', async () => {
    for (const argv of [['context'], ['context', 'a', 'b'], ['context', app, '--format', 'yaml'], ['context', app, '--nope'], ['context', app, '--dockerfile']]) {
      const { code, stderr } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: layerwise context DIR');
    }
  });

  it('prints help', async () => {
    for (const argv of [['context', '--help'], ['context', '-h'], ['help', 'context']]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: layerwise context DIR [--dockerfile F] [--format text|json]');
    }
  });
});

describe('formatBytes', () => {
  it('uses bytes, then binary units with one decimal', () => {
    expect([0, 1023, 1024, 1536, 1048576 * 1.25, 1024 ** 3 * 3].map(formatBytes)).toEqual(['0 B', '1023 B', '1.0 KiB', '1.5 KiB', '1.3 MiB', '3.0 GiB']);
  });
});
