import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFs, readContext, type ContextFs } from '../../src/node/read-context.ts';

const base = mkdtempSync(join(tmpdir(), 'layerwise-context-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Makes a context directory from { path: content } (a `null` content is an empty directory). */
function fixture(name: string, files: Record<string, string | null>): string {
  const root = join(base, name);
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    if (content === null) {
      mkdirSync(abs, { recursive: true });
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** The real file system, counting the directories read. */
function countingFs(): ContextFs & { listed: string[] } {
  const listed: string[] = [];
  return { ...nodeFs, listed, readdir: (path) => (listed.push(path), nodeFs.readdir(path)) };
}

describe('readContext', () => {
  const ignore = '# build output\nnode_modules\n*.log\n!important.log\n.git\n';
  const app = fixture('app', {
    Dockerfile: 'FROM node:22\nCOPY . .\n',
    '.dockerignore': ignore,
    'package.json': '{}',
    'src/index.js': 'console.log(1)\n',
    'src/lib/util.js': 'x',
    'debug.log': 'noise',
    'important.log': 'keep',
    'node_modules/left-pad/index.js': 'module.exports = 1',
    'node_modules/left-pad/package.json': '{}',
    '.git/HEAD': 'ref: refs/heads/main\n',
    'empty': null,
  });
  symlinkSync('src/lib', join(app, 'lib-link'));

  it('lists the files sent with their sizes, in the walker’s order', async () => {
    const result = await readContext(app);
    expect(result.files).toEqual([
      { path: '.dockerignore', bytes: ignore.length },
      { path: 'Dockerfile', bytes: 22 },
      { path: 'important.log', bytes: 4 },
      // A symlink is sent as a link: its size is the length of its target, and it is not followed.
      { path: 'lib-link', bytes: 'src/lib'.length },
      { path: 'package.json', bytes: 2 },
      { path: 'src/index.js', bytes: 15 },
      { path: 'src/lib/util.js', bytes: 1 },
    ]);
    expect(result.totalBytes).toBe(ignore.length + 22 + 4 + 7 + 2 + 15 + 1);
    expect(result.excluded).toEqual(['.git', 'debug.log', 'node_modules']);
    expect(result.ignoreFile).toBe('.dockerignore');
    expect(result.dockerfile).toBe('Dockerfile');
    expect(result.errors).toEqual([]);
  });

  it('does not walk into excluded directories that no exception can reach', async () => {
    const fs = countingFs();
    await readContext(app, { fs });
    expect(fs.listed.some((p) => p.includes('node_modules'))).toBe(false);
    expect(fs.listed.some((p) => p.endsWith('.git'))).toBe(false);
  });

  it('walks into an excluded directory when an exception points inside it', async () => {
    const dir = fixture('exception', {
      Dockerfile: 'FROM scratch\n',
      '.dockerignore': 'node_modules\n!node_modules/keep/index.js\n',
      'node_modules/keep/index.js': 'k',
      'node_modules/drop/index.js': 'd',
    });
    const result = await readContext(dir);
    expect(result.files.map((f) => f.path)).toEqual(['.dockerignore', 'Dockerfile', 'node_modules/keep/index.js']);
    expect(result.excluded).toEqual(['node_modules/drop']);
  });

  it('prefers <Dockerfile>.dockerignore beside the Dockerfile, relative to cwd like docker build -f', async () => {
    const dir = fixture('precedence', {
      '.dockerignore': 'a\n',
      'build/app.Dockerfile': 'FROM scratch\n',
      'build/app.Dockerfile.dockerignore': 'b\n',
      a: 'a',
      b: 'b',
    });
    const result = await readContext('.', { cwd: dir, dockerfile: 'build/app.Dockerfile' });
    expect(result.ignoreFile).toBe('build/app.Dockerfile.dockerignore');
    expect(result.dockerfile).toBe('build/app.Dockerfile');
    expect(result.files.map((f) => f.path)).toEqual(['.dockerignore', 'a', 'build/app.Dockerfile', 'build/app.Dockerfile.dockerignore']);
    expect(result.excluded).toEqual(['b']);
    // The default Dockerfile has no Dockerfile.dockerignore here: the root file applies.
    expect((await readContext(dir)).ignoreFile).toBe('.dockerignore');
  });

  it('always sends the Dockerfile and the ignore file', async () => {
    const dir = fixture('everything', { Dockerfile: 'FROM scratch\n', '.dockerignore': '*\n', 'app.js': '1' });
    const result = await readContext(dir);
    expect(result.files.map((f) => f.path)).toEqual(['.dockerignore', 'Dockerfile']);
    expect(result.addedBack).toEqual(['.dockerignore', 'Dockerfile']);
    expect(result.excluded).toEqual(['app.js']);
  });

  it('falls back to a lower-case dockerfile, and works with no Dockerfile at all', async () => {
    const lower = fixture('lower', { dockerfile: 'FROM scratch\n', '.dockerignore': 'dockerfile\n' });
    expect(await readContext(lower)).toMatchObject({ dockerfile: 'dockerfile', addedBack: ['dockerfile'] });
    const none = fixture('none', { 'a.txt': 'a' });
    expect(await readContext(none)).toMatchObject({ dockerfile: null, ignoreFile: null, files: [{ path: 'a.txt', bytes: 1 }] });
  });

  it('reports ignore file errors with their position', async () => {
    const dir = fixture('bad', { Dockerfile: '', '.dockerignore': 'ok\n[\n' });
    const result = await readContext(dir);
    expect(result.errors).toEqual([{ path: '.dockerignore', line: 2, column: 1, message: 'syntax error in pattern' }]);
  });

  it('throws a file error with a code when the directory or the named Dockerfile is missing', async () => {
    await expect(readContext(join(base, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readContext(join(app, 'package.json'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(readContext(app, { dockerfile: join(app, 'nope.Dockerfile') })).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readContext(app, { dockerfile: join(app, 'src') })).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('reports an unreadable directory and carries on', async () => {
    const denied = (path: string) => Object.assign(new Error(`EACCES: ${path}`), { code: 'EACCES', path });
    const fs: ContextFs = {
      ...nodeFs,
      readdir: (path) => (path.endsWith(`${join('src', 'lib')}`) ? Promise.reject(denied(path)) : nodeFs.readdir(path)),
    };
    const result = await readContext(app, { fs });
    expect(result.errors).toEqual([{ path: 'src/lib', message: 'permission denied' }]);
    expect(result.files.map((f) => f.path)).toContain('src/index.js');
    expect(result.files.map((f) => f.path)).not.toContain('src/lib/util.js');
  });
});
