/**
 * The presenter's spotlight: one learner's latest submission, without their name, for the class
 * to discuss. The Dockerfile is highlighted by Shiki (the site's themes) and graded again in the
 * browser by the exercise page's engine with the exercise's own data, for the layer chart.
 * Loaded only when the presenter opens a spotlight.
 */
import { gradeExercise, targetSizeBytes } from '../../engine/grade/index.ts';
import { CODE_THEMES } from '../../site/code-themes.ts';
import { createDockerHighlighter } from '../highlight/docker-highlighter.ts';
import type { Exercise } from '../../engine/grade/types.ts';
import { formatBytes, imageHtml } from '../exercise/render.ts';
import { api, workshopPath } from './api.ts';
import { exerciseTitle, type Catalog } from './catalog.ts';
import { fill, h } from './dom.ts';
import type { PresenterKey } from './presenter-link.ts';

interface Spotlight {
  exercise: string;
  status: string;
  score: number | null;
  sizeBytes: number | null;
  dockerfile: string | null;
}

let highlighter: ReturnType<typeof createDockerHighlighter> | null = null;
const exercises = new Map<string, Promise<Exercise>>();

function loadExercise(id: string): Promise<Exercise> {
  let found = exercises.get(id);
  if (!found) {
    found = api<Exercise>(`/workshop/exercises/${encodeURIComponent(id)}.json`);
    exercises.set(id, found);
  }
  return found;
}

async function highlight(dockerfile: string): Promise<string> {
  highlighter ??= createDockerHighlighter();
  // Shiki escapes the text it highlights; `astro-code` picks up the site's light/dark switch.
  return (await highlighter).codeToHtml(dockerfile, {
    lang: 'docker',
    themes: CODE_THEMES,
    transformers: [{ pre(node) { this.addClassToHast(node, 'astro-code'); } }],
  });
}

export async function showSpotlight(container: HTMLElement, key: PresenterKey, catalog: Catalog, learnerId: string, exerciseId: string): Promise<void> {
  container.hidden = false;
  const heading = h('h2', { id: 'spotlight-heading', tabindex: '-1' }, `Spotlight: ${exerciseTitle(catalog, exerciseId)}`);
  const close = h('button', { type: 'button', class: 'button', onclick: () => { container.hidden = true; fill(container); } }, 'Close the spotlight');
  fill(container, h('div', { class: 'spotlight-head' }, heading, close), h('p', { class: 'muted' }, 'Loading the submission…'));
  heading.focus();
  const query = `/spotlight?learner=${encodeURIComponent(learnerId)}&exercise=${encodeURIComponent(exerciseId)}`;
  try {
    const [spot, exercise] = await Promise.all([api<Spotlight>(workshopPath(key.code, query), { credential: key.secret }), loadExercise(exerciseId)]);
    const facts = `An anonymous submission · ${spot.status}${spot.score !== null ? ` · ${Math.round(spot.score * 100)}% of objectives` : ''}${spot.sizeBytes !== null ? ` · ${formatBytes(spot.sizeBytes)}` : ''}`;
    if (!spot.dockerfile) {
      fill(container, h('div', { class: 'spotlight-head' }, heading, close), h('p', {}, facts), h('p', { class: 'muted' }, 'This learner has not sent a Dockerfile yet.'));
      return;
    }
    const files = { dockerfile: spot.dockerfile, ...(exercise.starter.dockerignore !== undefined ? { dockerignore: exercise.starter.dockerignore } : {}) };
    const grade = gradeExercise(exercise, files);
    const starter = gradeExercise(exercise, exercise.starter);
    const targetBytes = targetSizeBytes(exercise);
    const code = h('div', { class: 'spotlight-code' });
    code.innerHTML = await highlight(spot.dockerfile);
    const chart = h('div', { class: 'spotlight-chart results' });
    // imageHtml escapes every text it shows (render.ts), the learner's instructions included.
    chart.innerHTML = imageHtml(grade, { starterBytes: starter.image.totals.sizeBytes, targetBytes });
    // A scrolling table must be reachable by keyboard.
    for (const scroll of chart.querySelectorAll('.table-scroll')) {
      scroll.setAttribute('tabindex', '0');
      scroll.setAttribute('role', 'region');
      scroll.setAttribute('aria-label', 'Layers of the spotlighted image');
    }
    fill(
      container,
      h('div', { class: 'spotlight-head' }, heading, close),
      h('p', {}, facts),
      h('div', { class: 'spotlight-body' }, code, h('div', {}, h('h3', {}, 'Layers'), chart)),
    );
  } catch (caught) {
    fill(container, h('div', { class: 'spotlight-head' }, heading, close), h('p', { role: 'alert' }, `The spotlight could not load: ${caught instanceof Error ? caught.message : String(caught)}`));
  }
}
