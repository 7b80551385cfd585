/**
 * The only script an exercise page runs at first: it loads the editor and the engine (app.ts,
 * Monaco and the grader, about 1 MB) when the learner shows they will edit: the pointer comes
 * over the editor, they focus or tap it, press Edit or another of its buttons, or type in the
 * .dockerignore. A learner with saved work for this exercise gets the editor at once (their text
 * is in it, not the starter). Until then the page is the starter, highlighted and graded at build
 * time, so reading it on a phone costs a few KB of JavaScript.
 */
import { readProgress, STORAGE_KEY } from '../progress/store.ts';

/** Whether this browser holds the learner's own text for the exercise. */
function hasSavedWork(exerciseId: string | undefined): boolean {
  if (!exerciseId) return false;
  try {
    return Object.hasOwn(readProgress(localStorage.getItem(STORAGE_KEY)).data.exercises, exerciseId);
  } catch {
    return false; // storage blocked: nothing saved to show
  }
}

const root = document.querySelector<HTMLElement>('[data-exercise-root]');

// The "Embed this exercise" snippet names this site's origin.
for (const code of document.querySelectorAll<HTMLElement>('[data-snippet]')) code.textContent = (code.dataset.snippet ?? '').replaceAll('ORIGIN', location.origin);

if (root) {
  // Workshop mode (?workshop=CODE): the workshop bar starts at once and its hooks send every
  // grading result of this page to the instructor; the self-paced page loads none of it.
  const workshopCode = root.dataset.embed === 'true' ? null : new URLSearchParams(location.search).get('workshop');
  const hooks = workshopCode
    ? import('../workshop/exercise-bar.ts').then(({ startWorkshopBar }) => startWorkshopBar(root, workshopCode)).catch((error: unknown) => {
        console.error('layerwise: the workshop bar could not start', error);
        return {};
      })
    : Promise.resolve({});
  // Inside the embed, the bridge to the host page starts at once (a few KB); the editor waits.
  const widget = root.dataset.embed === 'true' ? import('../../embed/widget.ts').then(({ startWidget }) => startWidget(root, () => start())) : null;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    root.dataset.editor = 'loading';
    const run = widget ? widget.then((w) => w.startEditor()) : Promise.all([import('./app.ts'), hooks]).then(([{ startExercise }, h]) => startExercise(root, h));
    run.catch((error: unknown) => {
      root.dataset.editor = 'failed';
      const notice = document.querySelector('#notices');
      if (notice) notice.textContent = `The editor could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again; your saved work is not affected.`;
    });
  };
  const editor = root.querySelector<HTMLElement>('#editor-static');
  editor?.addEventListener('focus', start);
  editor?.addEventListener('click', start);
  // A mouse on its way to the editor: the download starts before the click lands.
  root.querySelector('.editor-frame')?.addEventListener('pointerenter', start);
  root.querySelector('#dockerignore')?.addEventListener('focus', start);
  // The page's buttons are wired by the app: a click before it has loaded starts it and is
  // replayed once the editor is up.
  for (const button of root.querySelectorAll<HTMLButtonElement>('.exercise-actions button')) {
    button.addEventListener('click', () => {
      if (root.dataset.editor !== 'static' && root.dataset.editor !== undefined) return;
      start();
      if (button.id === 'edit-button') return;
      const replay = new MutationObserver(() => {
        if (root.dataset.editor === 'monaco') {
          replay.disconnect();
          button.click();
        }
      });
      replay.observe(root, { attributes: true, attributeFilter: ['data-editor'] });
    });
  }
  if (workshopCode || hasSavedWork(root.dataset.exercise)) start();
}
