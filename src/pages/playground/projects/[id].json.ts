/**
 * The playground's sample build contexts: each exercise's project (files with sizes, measured
 * node_modules) and its edit scenarios, as JSON fetched when the learner picks one.
 */
import type { APIRoute } from 'astro';
import { exercisePaths } from '../../../site/exercises.ts';
import type { Exercise } from '../../../engine/grade/types.ts';

export const getStaticPaths = exercisePaths;

export const GET: APIRoute = ({ props }) => {
  const { exercise } = props as { exercise: Exercise };
  const body = { id: exercise.id, title: exercise.title, project: exercise.project, scenarios: exercise.scenarios, dockerignore: exercise.starter.dockerignore ?? null, starter: exercise.starter.dockerfile };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
