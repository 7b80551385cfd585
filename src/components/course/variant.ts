/**
 * Build-time figures for the author components: an exercise's starter or one of its reference
 * solutions, graded by the engine exactly as the exercise page grades a learner's attempt. Sizes
 * in lessons come from here and nowhere else, so they change when the exercise or the simulator
 * does. An unknown exercise or solution stops the build with a message naming it.
 */
import { getEntry } from 'astro:content';
import { gradeExercise } from '../../engine/grade/index.ts';
import type { Exercise, ExerciseFiles, GradeResult } from '../../engine/grade/types.ts';

export interface Variant {
  exercise: Exercise;
  /** "starter" or a solution's name. */
  name: string;
  /** "Starter" or the solution's title. */
  title: string;
  files: ExerciseFiles;
  result: GradeResult;
}

const cache = new Map<string, Variant>();

export async function loadExercise(id: string, usedBy: string): Promise<Exercise> {
  const entry = await getEntry('exercises', id);
  if (!entry) throw new Error(`${usedBy}: exercise "${id}" does not exist (no content/exercises/${id}/)`);
  return entry.data as Exercise;
}

export async function loadVariant(exerciseId: string, name: string, usedBy: string): Promise<Variant> {
  const key = `${exerciseId}\u0000${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const exercise = await loadExercise(exerciseId, usedBy);
  let files: ExerciseFiles;
  let title: string;
  if (name === 'starter') {
    files = exercise.starter;
    title = 'Starter';
  } else {
    const solution = exercise.solutions.find((s) => s.name === name);
    if (!solution) {
      const known = ['starter', ...exercise.solutions.map((s) => s.name)].join(', ');
      throw new Error(`${usedBy}: exercise "${exerciseId}" has no solution "${name}" (known: ${known})`);
    }
    files = solution.dockerignore === undefined ? { dockerfile: solution.dockerfile } : { dockerfile: solution.dockerfile, dockerignore: solution.dockerignore };
    title = solution.title ?? name;
  }
  const result = gradeExercise(exercise, files);
  if (result.errors.length > 0) {
    const e = result.errors[0]!;
    throw new Error(`${usedBy}: the ${name} of exercise "${exerciseId}" does not parse (${e.file ?? 'Dockerfile'}:${e.line}:${e.column}: ${e.message})`);
  }
  const variant: Variant = { exercise, name, title, files, result };
  cache.set(key, variant);
  return variant;
}
