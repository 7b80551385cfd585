import { describe, expect, it } from 'vitest';
import { ProgressStore, STORAGE_KEY } from '../../src/client/progress/store.ts';
import { completedExercises, continueLesson, isExerciseCompleted, lastLesson, LAST_LESSON_KEY, rememberLesson } from '../../src/components/course/progress-client.ts';

function memory(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

describe('progress adapter', () => {
  it("reads completion from what the exercise page's store wrote", () => {
    const storage = memory();
    const store = new ProgressStore(storage);
    store.markCompleted('a', { dockerfile: 'FROM x' });
    store.saveFiles('b', { dockerfile: 'FROM x' });
    store.useHint('c', 'objective', { dockerfile: 'FROM x' });
    expect(['a', 'b', 'c', 'd'].map((id) => isExerciseCompleted(id, storage))).toEqual([true, false, false, false]);
    expect([...completedExercises(storage)]).toEqual(['a']);
    expect(isExerciseCompleted('a', null)).toBe(false);
  });

  it('migrates the first schema version as the store does', () => {
    const storage = memory({ [STORAGE_KEY]: JSON.stringify({ version: 1, texts: { a: 'FROM x', b: 'FROM y' }, completed: ['b'] }) });
    expect([...completedExercises(storage)]).toEqual(['b']);
  });

  it('counts unreadable or future data as nothing completed', () => {
    expect(completedExercises(memory({ [STORAGE_KEY]: '{broken' })).size).toBe(0);
    expect(completedExercises(memory({ [STORAGE_KEY]: JSON.stringify({ version: 99, exercises: { a: { dockerfile: '', completed: true } } }) })).size).toBe(0);
    expect(completedExercises(memory()).size).toBe(0);
  });

  it('survives storage that throws', () => {
    const throwing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(isExerciseCompleted('a', throwing)).toBe(false);
    expect(() => rememberLesson('x', throwing)).not.toThrow();
    expect(lastLesson(throwing)).toBeNull();
  });

  it('remembers the last lesson opened', () => {
    const storage = memory();
    expect(lastLesson(storage)).toBeNull();
    rememberLesson('dockerignore', storage, 5);
    expect(JSON.parse(storage.map.get(LAST_LESSON_KEY)!)).toEqual({ v: 1, lesson: 'dockerignore', at: 5 });
    expect(lastLesson(storage)).toBe('dockerignore');
    storage.setItem(LAST_LESSON_KEY, '{"v":1}');
    expect(lastLesson(storage)).toBeNull();
  });
});

describe('continueLesson', () => {
  const lessons = [
    { id: 'one', exercises: ['e1'] },
    { id: 'two', exercises: ['e2', 'e3'] },
    { id: 'three', exercises: ['e4'] },
  ];
  const doneSet = (...ids: string[]) => (id: string) => ids.includes(id);

  it('starts a new learner at the first lesson', () => {
    expect(continueLesson(lessons, doneSet(), null)).toBe('one');
  });

  it('stays on the last lesson opened while it has unfinished exercises', () => {
    expect(continueLesson(lessons, doneSet('e1', 'e2'), 'two')).toBe('two');
  });

  it('moves on to the next unfinished lesson, wrapping to the start', () => {
    expect(continueLesson(lessons, doneSet('e2', 'e3'), 'two')).toBe('three');
    expect(continueLesson(lessons, doneSet('e2', 'e3', 'e4'), 'three')).toBe('one');
  });

  it('returns null when every exercise is done, and ignores an unknown last lesson', () => {
    expect(continueLesson(lessons, doneSet('e1', 'e2', 'e3', 'e4'), 'two')).toBeNull();
    expect(continueLesson(lessons, doneSet('e1'), 'gone')).toBe('two');
  });
});
