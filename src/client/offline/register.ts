/**
 * The offline copy of the course (the service worker built by src/site/build/service-worker.ts)
 * and the "update available" notice. A new deploy's worker waits; the learner chooses when to
 * switch, and the pages save their work before the reload (the `layerwise:save-now` event).
 */
import { Workbox } from 'workbox-window';
import { SAVE_NOW_EVENT } from './events.ts';

/** How often an open tab asks the server whether a new deploy exists. */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

function showUpdateNotice(onReload: () => void): void {
  if (document.querySelector('[data-update-notice]')) return;
  const notice = document.createElement('div');
  notice.className = 'update-notice';
  notice.setAttribute('role', 'status');
  notice.dataset.updateNotice = '';
  const text = document.createElement('p');
  text.textContent = 'A new version of Layerwise is available. Your work is saved and stays when you reload.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload to update';
  reload.addEventListener('click', () => {
    reload.disabled = true;
    onReload();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'secondary';
  later.textContent = 'Later';
  later.addEventListener('click', () => notice.remove());
  notice.append(text, reload, later);
  document.body.append(notice);
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    showUpdateNotice(() => {
      document.dispatchEvent(new CustomEvent(SAVE_NOW_EVENT));
      // Reload once the new worker has taken over, so the page and its files come from one build.
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  wb.register().catch(() => undefined);
  const check = () => {
    if (document.visibilityState === 'visible' && navigator.onLine) wb.update().catch(() => undefined);
  };
  setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', check);
}
