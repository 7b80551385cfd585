import { describe, expect, it } from 'vitest';
import { cleanPath, joinPath } from '../../../../src/engine/rules/catalog/layerwise/support.ts';

/** Go's path.Clean, written the plain way: split, drop `.` and empty parts, resolve `..`. */
function reference(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
}

describe('cleanPath', () => {
  it('resolves dots, doubled and trailing slashes', () => {
    expect(cleanPath('/app/./dist/../src//index.js')).toBe('/app/src/index.js');
    expect(cleanPath('/app/')).toBe('/app');
    expect(cleanPath('/')).toBe('/');
    expect(cleanPath('')).toBe('.');
    expect(cleanPath('..')).toBe('.');
    expect(cleanPath('a/..')).toBe('.');
    expect(cleanPath('./node_modules')).toBe('node_modules');
    expect(cleanPath('/opt/.cache/..pkg')).toBe('/opt/.cache/..pkg');
  });

  it('returns clean paths as they are, and agrees with the plain algorithm on every short path', () => {
    // Clean paths skip the split-and-join; this checks the shortcut misses no path it must change.
    const parts = ['/', '.', '..', 'a', '.a', ' ', '\n'];
    let checked = 0;
    const walk = (path: string, depth: number): void => {
      expect(cleanPath(path), JSON.stringify(path)).toBe(reference(path));
      checked++;
      if (depth < 5) for (const p of parts) walk(path + p, depth + 1);
    };
    walk('', 0);
    expect(checked).toBeGreaterThan(15_000);
  });

  it('joinPath resolves a relative path against a directory', () => {
    expect(joinPath('/app/', 'dist')).toBe('/app/dist');
    expect(joinPath('/app', '../etc/x')).toBe('/etc/x');
    expect(joinPath('/app', '/abs/./y')).toBe('/abs/y');
  });
});
