/**
 * The course holds together: every lesson's frontmatter is valid, its part exists, its order is
 * unique and matches the course contract (issue 6), and lessons and exercises point at each other.
 * The same check stops the site's build (src/course/course.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseProblems } from '../../src/content-loaders/course-check.ts';
import { readExercises } from '../../src/content-loaders/exercises.ts';
import { readLessons, readParts } from '../../src/content-loaders/lessons.ts';

const root = join(import.meta.dirname, '..', '..');
const lessons = readLessons(join(root, 'content/lessons'), 'content/lessons');
const parts = readParts(join(root, 'content/parts.yaml'), 'content/parts.yaml');
const exercises = readExercises(join(root, 'content/exercises'), 'content/exercises');

/** The contract's lesson ids, in course order (position + 1 = `order`). */
const CONTRACT_LESSONS = [
  'why-size-matters', 'minimal-base-images', 'multi-stage-builds', 'layer-order-and-cache', 'dockerignore',
  'production-dependencies', 'cleaning-caches', 'cache-mounts', 'combining-run-steps', 'non-root-users',
  'pid1-and-signals', 'health-checks', 'runtime-settings', 'monorepos', 'rust-images', 'static-frontends',
  'security-and-secrets', 'multi-platform-builds', 'capstone-monorepo-prisma', 'capstone-crm-backend', 'capstone-rust-vite',
];

/** The contract's parts, in order, with the orders of their lessons. */
const CONTRACT_PARTS: [string, number, number][] = [
  ['foundations', 1, 3],
  ['cache-and-context', 4, 5],
  ['lean-layers', 6, 9],
  ['well-behaved-containers', 10, 13],
  ['real-stacks', 14, 16],
  ['security-and-shipping', 17, 18],
  ['capstones', 19, Infinity],
];

describe('course structure', () => {
  it('has the lessons this branch writes, at least', () => {
    const ids = lessons.map((l) => l.id);
    for (const id of ['multi-stage-builds', 'layer-order-and-cache', 'dockerignore', 'non-root-users']) expect(ids).toContain(id);
  });

  it('holds together: parts exist, orders are unique, lessons and exercises point at each other', () => {
    expect(courseProblems(lessons, exercises, parts.map((p) => p.id))).toEqual([]);
  });

  it('lists the parts of the contract, in order', () => {
    expect(parts.map((p) => p.id)).toEqual(CONTRACT_PARTS.map(([id]) => id));
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s has the id, order and part the contract gives it', (id, lesson) => {
    expect(CONTRACT_LESSONS, `${lesson.file}: not a lesson id of the contract`).toContain(id);
    expect(lesson.order, `${lesson.file}: order`).toBe(CONTRACT_LESSONS.indexOf(id) + 1);
    const part = CONTRACT_PARTS.find(([, from, to]) => lesson.order >= from && lesson.order <= to)!;
    expect(lesson.part, `${lesson.file}: part`).toBe(part[0]);
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s lists at least one exercise, each naming it back', (id, lesson) => {
    expect(lesson.exercises.length).toBeGreaterThanOrEqual(1);
    for (const exerciseId of lesson.exercises) {
      const exercise = exercises.find((e) => e.id === exerciseId);
      expect(exercise, `${lesson.file}: exercise ${exerciseId}`).toBeDefined();
      expect(exercise!.lesson).toBe(id);
    }
  });

  it('lists every exercise whose lesson is written in that lesson', () => {
    const written = new Map(lessons.map((l) => [l.id, l]));
    for (const exercise of exercises) {
      const lesson = written.get(exercise.lesson);
      if (lesson) expect(lesson.exercises, `${lesson.file} should list ${exercise.id}`).toContain(exercise.id);
    }
  });

  it('gives every exercise a lesson id from the contract', () => {
    for (const exercise of exercises) expect(CONTRACT_LESSONS, `content/exercises/${exercise.id}: lesson`).toContain(exercise.lesson);
  });
});
