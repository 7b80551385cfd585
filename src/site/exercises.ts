/** Static paths for the pages made per exercise (the exercise page, its embed). */
import { getCollection } from 'astro:content';
import type { Exercise } from '../engine/grade/types.ts';

export async function exercisePaths() {
  const exercises = await getCollection('exercises');
  return exercises.map((entry: { id: string; data: unknown }) => ({ params: { id: entry.id }, props: { exercise: entry.data as Exercise } }));
}

/** Static paths for the run pages: the exercises whose app can be run for real (exercise.yaml `run`). */
export async function runnableExercisePaths() {
  return (await exercisePaths()).filter((path: { props: { exercise: Exercise } }) => path.props.exercise.run !== undefined);
}
