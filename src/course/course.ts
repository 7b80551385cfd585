/**
 * The course as the pages see it: parts in order, each with its lessons in course order, and the
 * exercises each lesson lists. Built from the three content collections, after the cross-file
 * check (src/content-loaders/course-check.ts): a course that does not hold together stops the
 * build with a message naming every file to fix.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CourseError, courseProblems } from '../content-loaders/course-check.ts';
import type { Exercise } from '../engine/grade/types.ts';

export type LessonEntry = CollectionEntry<'lessons'>;

export interface CourseLesson {
  id: string;
  href: string;
  title: string;
  description: string;
  minutes: number;
  order: number;
  teaches: string[];
  partId: string;
  exercises: Exercise[];
  entry: LessonEntry;
}

export interface CoursePart {
  id: string;
  title: string;
  description: string;
  /** 1-based position among the parts. */
  number: number;
  lessons: CourseLesson[];
}

export interface Course {
  parts: CoursePart[];
  /** Every lesson in course order. */
  lessons: CourseLesson[];
  exercises: Map<string, Exercise>;
}

export const lessonHref = (id: string) => `/lessons/${id}/`;
export const exerciseHref = (id: string) => `/exercises/${id}/`;

/**
 * The outline the course pages' script reads (`data-course-outline`): each lesson's id, title,
 * link, number and exercise ids, enough to mark progress and say where to continue.
 */
export function outlineJson(course: Course): string {
  return JSON.stringify(course.lessons.map((l) => ({ id: l.id, title: l.title, href: l.href, order: l.order, exercises: l.exercises.map((e) => e.id) })));
}

let cached: Promise<Course> | null = null;

async function load(): Promise<Course> {
  const parts: CollectionEntry<'parts'>[] = await getCollection('parts');
  const lessons: LessonEntry[] = await getCollection('lessons');
  const exercises: CollectionEntry<'exercises'>[] = await getCollection('exercises');
  const sortedParts = [...parts].sort((a, b) => a.data.order - b.data.order);
  const problems = courseProblems(
    lessons.map((l) => ({ id: l.id, file: l.filePath ?? `content/lessons/${l.id}.mdx`, part: l.data.part, order: l.data.order, exercises: l.data.exercises })),
    exercises.map((e) => ({ id: e.id, lesson: e.data.lesson })),
    sortedParts.map((p) => p.id),
  );
  if (problems.length > 0) throw new CourseError(problems);

  const byId = new Map(exercises.map((e) => [e.id, e.data as Exercise]));
  const ordered: CourseLesson[] = [...lessons]
    .sort((a, b) => a.data.order - b.data.order)
    .map((entry) => ({
      id: entry.id,
      href: lessonHref(entry.id),
      title: entry.data.title,
      description: entry.data.description,
      minutes: entry.data.minutes,
      order: entry.data.order,
      teaches: entry.data.teaches,
      partId: entry.data.part,
      exercises: entry.data.exercises.map((id: string) => byId.get(id)!),
      entry,
    }));
  const courseParts: CoursePart[] = sortedParts.map((p, i) => ({ id: p.id, title: p.data.title, description: p.data.description, number: i + 1, lessons: ordered.filter((l) => l.partId === p.id) }));
  return { parts: courseParts, lessons: ordered, exercises: byId };
}

/** The course, loaded and checked once per build. */
export function getCourse(): Promise<Course> {
  // The dev server reloads content on edits: only a production build may keep the first load.
  if (!import.meta.env.PROD) return load();
  cached ??= load();
  return cached;
}
