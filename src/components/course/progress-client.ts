/**
 * What the course pages read of the learner's progress, in the browser. Completion is whatever the
 * exercise page's progress store wrote (src/client/progress/store.ts: one versioned record under
 * `layerwise:progress`, migrated on read); this adapter only reads it, through the store's own
 * parser, so a format change there is a change in one place. The last lesson opened is the
 * course's own small record, under its own key, so the store never sees it.
 */
import { readProgress, STORAGE_KEY } from '../../client/progress/store.ts';
import { browserStorage } from '../../client/storage.ts';

type ReadableStorage = Pick<Storage, 'getItem'>;

/** The ids of the exercises the learner completed; unreadable or future data counts as none. */
export function completedExercises(storage: ReadableStorage | null = browserStorage()): Set<string> {
  if (!storage) return new Set();
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return new Set();
  }
  const { data, readable } = readProgress(raw);
  if (!readable) return new Set();
  return new Set(Object.entries(data.exercises).filter(([, e]) => e.completed).map(([id]) => id));
}

/** Whether the learner completed the exercise. */
export function isExerciseCompleted(exerciseId: string, storage: ReadableStorage | null = browserStorage()): boolean {
  return completedExercises(storage).has(exerciseId);
}

export const LAST_LESSON_KEY = 'layerwise:course:last-lesson';

interface LastLessonV1 {
  v: 1;
  lesson: string;
  /** ms since epoch. */
  at: number;
}

export function rememberLesson(lessonId: string, storage: Pick<Storage, 'setItem'> | null = browserStorage(), now = Date.now()): void {
  if (!storage) return;
  const record: LastLessonV1 = { v: 1, lesson: lessonId, at: now };
  try {
    storage.setItem(LAST_LESSON_KEY, JSON.stringify(record));
  } catch {
    // Storage full or blocked: "continue where you left off" falls back to the first unfinished lesson.
  }
}

export function lastLesson(storage: ReadableStorage | null = browserStorage()): string | null {
  if (!storage) return null;
  try {
    const data: unknown = JSON.parse(storage.getItem(LAST_LESSON_KEY) ?? 'null');
    if (typeof data === 'object' && data !== null && (data as LastLessonV1).v === 1 && typeof (data as LastLessonV1).lesson === 'string') {
      return (data as LastLessonV1).lesson;
    }
  } catch {
    // A damaged record is the same as none.
  }
  return null;
}

export interface OutlineLesson {
  id: string;
  exercises: string[];
}

/**
 * Where "continue" leads: the last lesson opened while it still has an unfinished exercise, else
 * the first lesson after it (in course order, wrapping to the start) that has one; null when every
 * exercise is done. A learner who never opened a lesson starts at the first unfinished one.
 */
export function continueLesson(lessons: readonly OutlineLesson[], done: (exerciseId: string) => boolean, last: string | null): string | null {
  const unfinished = (l: OutlineLesson) => l.exercises.some((e) => !done(e));
  const start = Math.max(0, lessons.findIndex((l) => l.id === last));
  for (let i = 0; i < lessons.length; i++) {
    const lesson = lessons[(start + i) % lessons.length]!;
    if (unfinished(lesson)) return lesson.id;
  }
  return null;
}
