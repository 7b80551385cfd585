import { describe, expect, it } from 'vitest';
import { BACKUP_KEY, ProgressStore, readProgress, STORAGE_KEY, type Notice, type StorageLike } from '../../src/client/progress/store.ts';

class MemoryStorage implements StorageLike {
  items = new Map<string, string>();
  quota = Infinity;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const FILES = { dockerfile: 'FROM node:22-slim\n' };

function store(storage: StorageLike | null) {
  const notices: Notice[] = [];
  let t = 1000;
  return { store: new ProgressStore(storage, (n) => notices.push(n), () => t++), notices };
}

describe('ProgressStore', () => {
  it('keeps text, completion and hints across instances (a reload)', () => {
    const storage = new MemoryStorage();
    const first = store(storage).store;
    first.saveFiles('cache-order', { dockerfile: 'FROM a\n', dockerignore: 'node_modules\n' });
    first.useHint('cache-order', 'small', FILES);
    first.markCompleted('non-root', FILES);
    const again = store(storage).store;
    expect(again.get('cache-order')).toMatchObject({ dockerfile: 'FROM a\n', dockerignore: 'node_modules\n', completed: false, hints: { small: 1 } });
    expect(again.get('non-root')?.completed).toBe(true);
  });

  it('migrates the version 1 format', () => {
    const { data, readable } = readProgress(JSON.stringify({ version: 1, texts: { 'cache-order': 'FROM x\n' }, completed: ['cache-order'] }));
    expect(readable).toBe(true);
    expect(data).toEqual({ version: 2, exercises: { 'cache-order': { dockerfile: 'FROM x\n', completed: true, hints: {}, updatedAt: 0 } } });
  });

  it('drops malformed entries but keeps the others', () => {
    const { data } = readProgress(JSON.stringify({ version: 2, exercises: { good: { dockerfile: 'FROM a', completed: true, hints: { x: 2, y: 'no' } }, bad: { dockerfile: 3 } } }));
    expect(Object.keys(data.exercises)).toEqual(['good']);
    expect(data.exercises.good!.hints).toEqual({ x: 2 });
  });

  it('turns corrupted storage into a notice and a backup, never a crash', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"version": 2, "exercises": {');
    const { store: s, notices } = store(storage);
    expect(notices.map((n) => n.kind)).toEqual(['unreadable']);
    expect(storage.getItem(BACKUP_KEY)).toBe('{"version": 2, "exercises": {');
    s.saveFiles('x', FILES);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).exercises.x.dockerfile).toBe(FILES.dockerfile);
  });

  it('says when the storage is full and keeps the work in memory', () => {
    const storage = new MemoryStorage();
    storage.quota = 50;
    const { store: s, notices } = store(storage);
    s.saveFiles('x', { dockerfile: 'FROM node:22-slim\nRUN echo a long line that does not fit\n' });
    expect(notices.map((n) => n.kind)).toEqual(['not-saved']);
    expect(notices[0]!.message).toContain('full');
    expect(s.get('x')?.dockerfile).toContain('does not fit');
  });

  it('works without storage (a blocked third-party iframe) and says so', () => {
    const throwing: StorageLike = {
      getItem() {
        throw new Error('SecurityError');
      },
      setItem() {
        throw new Error('SecurityError');
      },
      removeItem() {},
    };
    const { store: s, notices } = store(throwing);
    expect(s.persistent).toBe(false);
    expect(notices.map((n) => n.kind)).toEqual(['unavailable']);
    s.saveFiles('x', FILES);
    expect(s.get('x')?.dockerfile).toBe(FILES.dockerfile);
    expect(store(null).notices.map((n) => n.kind)).toEqual(['unavailable']);
  });

  it('reports which exercises another tab changed', () => {
    const storage = new MemoryStorage();
    const a = store(storage).store;
    const b = store(storage).store;
    a.saveFiles('x', FILES);
    b.saveFiles('y', FILES);
    const other = JSON.stringify({ version: 2, exercises: { x: { dockerfile: 'FROM other\n', completed: false, hints: {}, updatedAt: 5 } } });
    expect(a.applyExternal(STORAGE_KEY, other).sort()).toEqual(['x']);
    expect(a.get('x')?.dockerfile).toBe('FROM other\n');
    expect(a.applyExternal('something-else', other)).toEqual([]);
  });

  it('reset goes back to the starter and forgets untouched exercises', () => {
    const storage = new MemoryStorage();
    const { store: s } = store(storage);
    s.saveFiles('x', { dockerfile: 'FROM mine\n' });
    s.resetFiles('x', FILES);
    expect(s.get('x')).toBeUndefined();
    s.saveFiles('y', { dockerfile: 'FROM mine\n' });
    s.markCompleted('y', { dockerfile: 'FROM mine\n' });
    s.resetFiles('y', FILES);
    expect(s.get('y')).toMatchObject({ dockerfile: FILES.dockerfile, completed: true });
  });
});
