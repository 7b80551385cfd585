/**
 * The exercise's project as a real run needs it: every file with its full text (the lockfile
 * whatever its size), nothing declared only as a size. Fetched by the run page when a run starts.
 */
import type { APIRoute } from 'astro';
import { join } from 'node:path';
import type { Exercise } from '../../../engine/grade/types.ts';
import { runnableExercisePaths } from '../../../site/exercises.ts';
import { readRunProject } from '../../../site/run-project.ts';

export const getStaticPaths = runnableExercisePaths;

export const GET: APIRoute = ({ props }) => {
  const { exercise } = props as { exercise: Exercise };
  const files = readRunProject(join(process.cwd(), 'content/exercises', exercise.id, 'project'));
  return new Response(JSON.stringify({ id: exercise.id, files }), { headers: { 'Content-Type': 'application/json' } });
};
