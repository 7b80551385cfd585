/**
 * The playground's sample build contexts: each exercise's project (files with sizes, measured
 * node_modules) and its edit scenarios, as JSON fetched when the learner picks one.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { Exercise } from '../../../engine/grade/types.ts';

export async function getStaticPaths() {
  const exercises = await getCollection('exercises');
  return exercises.map((entry: { id: string; data: unknown }) => ({ params: { id: entry.id }, props: { exercise: entry.data as Exercise } }));
}

export const GET: APIRoute = ({ props }) => {
  const { exercise } = props as { exercise: Exercise };
  const body = { id: exercise.id, title: exercise.title, project: exercise.project, scenarios: exercise.scenarios, dockerignore: exercise.starter.dockerignore ?? null, starter: exercise.starter.dockerfile };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
