/**
 * The course's cross-file rules, which no single file's schema can check: every lesson's part
 * exists, `order` is unique, every exercise a lesson lists exists and names that lesson back, and
 * every exercise whose lesson exists is listed by it. Pure data in, messages out (each naming the
 * file to fix), so the build (src/course/course.ts) and the tests run exactly the same check.
 */

export interface LessonRef {
  id: string;
  /** e.g. content/lessons/dockerignore.mdx */
  file: string;
  part: string;
  order: number;
  exercises: readonly string[];
}

export interface ExerciseRef {
  id: string;
  lesson: string;
}

export function courseProblems(lessons: readonly LessonRef[], exercises: readonly ExerciseRef[], partIds: readonly string[]): string[] {
  const problems: string[] = [];
  const parts = new Set(partIds);
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const lessonIds = new Set(lessons.map((l) => l.id));
  const orders = new Map<number, string>();
  for (const lesson of [...lessons].sort((a, b) => a.file.localeCompare(b.file))) {
    if (!parts.has(lesson.part)) {
      problems.push(`${lesson.file}: part "${lesson.part}" is not in content/parts.yaml (known: ${partIds.join(', ')})`);
    }
    const other = orders.get(lesson.order);
    if (other !== undefined) problems.push(`${lesson.file}: order ${lesson.order} is already used by ${other}`);
    else orders.set(lesson.order, lesson.file);
    const listed = new Set<string>();
    for (const id of lesson.exercises) {
      if (listed.has(id)) problems.push(`${lesson.file}: exercise "${id}" is listed twice`);
      listed.add(id);
      const exercise = byId.get(id);
      if (!exercise) problems.push(`${lesson.file}: exercise "${id}" does not exist (no content/exercises/${id}/)`);
      else if (exercise.lesson !== lesson.id) {
        problems.push(`${lesson.file}: exercise "${id}" belongs to lesson "${exercise.lesson}" (content/exercises/${id}/exercise.yaml says lesson: ${exercise.lesson})`);
      }
    }
  }
  for (const exercise of exercises) {
    if (!lessonIds.has(exercise.lesson)) continue;
    const lesson = lessons.find((l) => l.id === exercise.lesson)!;
    if (!lesson.exercises.includes(exercise.id)) {
      problems.push(`${lesson.file}: does not list exercise "${exercise.id}", whose exercise.yaml says lesson: ${lesson.id} (add it to \`exercises\`)`);
    }
  }
  return problems;
}

/** Thrown by the build when the course does not hold together; the message lists every problem. */
export class CourseError extends Error {
  constructor(problems: readonly string[]) {
    super(`The course does not hold together:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CourseError';
  }
}
