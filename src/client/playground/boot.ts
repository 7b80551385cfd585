/**
 * The playground's first script: the page arrives with its example already graded (at build
 * time), and the editor and engine (about 1 MB) load when the visitor shows they will use them:
 * the pointer comes over the editor, they type in it or focus it, pick a build context or press a
 * button (replayed once the app is up). A shared link (#s=...) or a saved draft loads at once,
 * since the page must show that Dockerfile, not the example.
 */
import { readDraft } from './draft.ts';

export function bootPlayground(root: HTMLElement): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    root.dataset.editor = 'loading';
    import('./app.ts')
      .then(({ startPlayground }) => startPlayground(root))
      .catch((error: unknown) => {
        root.dataset.editor = 'failed';
        const notices = root.querySelector('#notices');
        if (notices) notices.textContent = `The editor could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
      });
  };
  root.dataset.editor = 'static';
  root.querySelector('.editor-frame')?.addEventListener('pointerenter', start);
  const fallback = root.querySelector<HTMLTextAreaElement>('#playground-fallback');
  // Text typed before the editor is up stays: the editor starts from the textarea's value.
  fallback?.addEventListener('focus', start);
  fallback?.addEventListener('input', start);
  root.querySelector('#project')?.addEventListener('change', start);
  const share = root.querySelector<HTMLButtonElement>('#share-button');
  share?.addEventListener('click', () => {
    if (root.dataset.editor !== 'static') return;
    start();
    // Replayed after the app's first grading, once its own handlers are wired (a task later).
    const replay = new MutationObserver(() => {
      if (root.dataset.graded) {
        replay.disconnect();
        setTimeout(() => share.click(), 0);
      }
    });
    replay.observe(root, { attributes: true, attributeFilter: ['data-graded'] });
  });
  if (location.hash.startsWith('#s=') || readDraft() !== null) start();
}
