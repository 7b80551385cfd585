/**
 * Each exercise as JSON (`/workshop/exercises/<id>.json`): the presenter's spotlight grades a
 * learner's Dockerfile with the same engine and exercise data as the exercise page, to draw its
 * layer chart. Built at build time; a static file like the rest of the site.
 */
import type { APIRoute } from 'astro';
import { exercisePaths } from '../../../site/exercises.ts';
import type { Exercise } from '../../../engine/grade/types.ts';

export const getStaticPaths = exercisePaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify((props as { exercise: Exercise }).exercise), { headers: { 'Content-Type': 'application/json' } });
