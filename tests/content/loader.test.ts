import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExerciseLoadError, readExercise } from '../../src/content-loaders/exercises.ts';

const source = join(import.meta.dirname, '../../content/exercises/cache-order');
const temps: string[] = [];

/** A copy of a real exercise, changed by `edit`. */
function broken(edit: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'layerwise-ex-')), 'cache-order');
  temps.push(dir);
  cpSync(source, dir, { recursive: true });
  edit(dir);
  return dir;
}

function loadError(dir: string): ExerciseLoadError {
  try {
    readExercise(dir, 'content/exercises/cache-order');
  } catch (err) {
    expect(err).toBeInstanceOf(ExerciseLoadError);
    return err as ExerciseLoadError;
  }
  throw new Error('expected the exercise to be refused');
}

function rewrite(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

afterEach(() => {
  for (const t of temps.splice(0)) rmSync(join(t, '..'), { recursive: true, force: true });
});

describe('the exercise reader refuses a malformed exercise', () => {
  it('reads the real exercise as is', () => {
    expect(readExercise(source).id).toBe('cache-order');
    expect(readExercise(source).run).toEqual({ route: '/health', port: 3000 });
  });

  it('YAML syntax error: names the file, line and column', () => {
    const dir = broken((d) => rewrite(join(d, 'exercise.yaml'), (t) => t.replace('lesson: layer-order-and-cache', 'lesson: [layer-order-and-cache')));
    const err = loadError(dir);
    expect(err.file).toBe('content/exercises/cache-order/exercise.yaml');
    expect(err.line).toBeGreaterThan(0);
    expect(err.column).toBeGreaterThan(0);
    expect(err.message).toMatch(/^content\/exercises\/cache-order\/exercise\.yaml:\d+:\d+: /);
  });

  it('YAML tab indentation: line and column of the tab', () => {
    const dir = broken((d) => rewrite(join(d, 'exercise.yaml'), (t) => t.replace('title: Keep npm ci', 'title:\n\t- Keep npm ci')));
    const err = loadError(dir);
    expect([err.line, err.column]).toEqual([2, 1]);
  });

  it('unknown objective kind: names the file and the field', () => {
    const dir = broken((d) => rewrite(join(d, 'exercise.yaml'), (t) => t.replace('kind: runtime-ok', 'kind: runs-fine')));
    const err = loadError(dir);
    expect(err.message).toMatch(/^content\/exercises\/cache-order\/exercise\.yaml:46:5: objectives\.3\.check\.kind: /);
  });

  it('a missing field and a stray one', () => {
    expect(loadError(broken((d) => rewrite(join(d, 'exercise.yaml'), (t) => t.replace(/^summary: >-\n(  .*\n)+/m, '')))).message).toMatch(/summary/);
    expect(loadError(broken((d) => rewrite(join(d, 'exercise.yaml'), (t) => `${t}difficulty: hard\n`))).message).toMatch(/difficulty/);
  });

  it('a run route that is not a path, or a port out of range, at the line of run', () => {
    const route = loadError(broken((d) => rewrite(join(d, 'exercise.yaml'), (t) => t.replace('run: { route: /health, port: 3000 }', 'run: { route: health, port: 3000 }'))));
    expect(route.message).toMatch(/exercise\.yaml:\d+:\d+: run\.route: .*\/health/);
    expect(route.line).toBe(readFileSync(join(source, 'exercise.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('run:')) + 1);
    expect(loadError(broken((d) => rewrite(join(d, 'exercise.yaml'), (t) => t.replace('port: 3000 }', 'port: 70000 }')))).message).toMatch(/run\.port/);
  });

  it('a single hint, or five', () => {
    const one = broken((d) => rewrite(join(d, 'exercise.yaml'), (t) => t.replace(/    hints:\n      - The editor underlines.*\n      - Split the COPY.*\n/, '    hints:\n      - Only one\n')));
    expect(loadError(one).message).toMatch(/exercise\.yaml:33:5: objectives\.1\.hints: .*2 to 4 hints/);
  });

  it('an unknown rule', () => {
    const dir = broken((d) => rewrite(join(d, 'exercise.yaml'), (t) => t.replace('rule: copy-all-before-install', 'rule: copy-everything-first')));
    expect(loadError(dir).message).toMatch(/exercise\.yaml:32:5: objectives\.1 \(no-copy-all-before-install\): unknown rule "copy-everything-first"/);
  });

  it('an edit scenario or cache objective on a file the project does not have', () => {
    const dir = broken((d) => rewrite(join(d, 'exercise.yaml'), (t) => t.replace('path: README.md }\n    hints', 'path: docs/README.md }\n    hints')));
    expect(loadError(dir).message).toMatch(/docs\/README\.md is not in project\//);
  });

  it('a listed solution without its Dockerfile', () => {
    const dir = broken((d) => rmSync(join(d, 'solutions/cache-mount.Dockerfile')));
    const err = loadError(dir);
    expect(err.file).toBe('content/exercises/cache-order/solutions/cache-mount.Dockerfile');
    expect(err.message).toMatch(/cannot read/);
  });

  it('project.json without measured figures, or with a declared size and no note', () => {
    expect(loadError(broken((d) => writeFileSync(join(d, 'project.json'), '{ "declared": [] }'))).message).toMatch(/project\.json: no "measured" figures: run `node scripts\/measure-project\.mjs/);
    expect(loadError(broken((d) => rewrite(join(d, 'project.json'), (t) => t.replace('"declared": []', '"declared": [{ "path": ".git/x", "bytes": 5 }]')))).message).toMatch(/declared\.0: needs .*"note"/);
    expect(loadError(broken((d) => writeFileSync(join(d, 'project.json'), '{ "declared": [ }'))).message).toMatch(/project\.json: invalid JSON/);
  });
});
