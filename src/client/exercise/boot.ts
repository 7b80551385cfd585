/**
 * The only script an exercise page runs at first: it loads the editor and the engine (app.ts,
 * Monaco and the grader, a few hundred KB) when the learner reaches the editor — it scrolls into
 * view, or they focus or click it — so that reading the page costs almost no JavaScript.
 */
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
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    root.dataset.editor = 'loading';
    // Inside the embed, the bridge to the host page starts the exercise.
    const run = root.dataset.embed === 'true' ? import('../../embed/widget.ts').then(({ startWidget }) => startWidget(root)) : Promise.all([import('./app.ts'), hooks]).then(([{ startExercise }, h]) => startExercise(root, h));
    run
      .catch((error: unknown) => {
        root.dataset.editor = 'failed';
        const notice = document.querySelector('#notices');
        if (notice) notice.textContent = `The editor could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again; your saved work is not affected.`;
      });
  };
  const editor = root.querySelector<HTMLElement>('#editor-static');
  editor?.addEventListener('focus', start);
  editor?.addEventListener('click', start);
  root.querySelector('#edit-button')?.addEventListener('click', start);
  if ('IntersectionObserver' in window && editor) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        start();
      }
    });
    observer.observe(editor);
  } else start();
  // An embed exists to be edited: start at once.
  if (root.dataset.embed === 'true') start();
}
