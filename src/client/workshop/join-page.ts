/**
 * /join/: a learner types the code and a display name (no account, no e-mail), then sees the
 * workshop's exercises in order, locked ones marked, each opening the exercise page in workshop
 * mode. The broadcast, locks and the end arrive live over the learner stream.
 */
import type { Cell } from '../../workshop/store/types.ts';
import type { WorkshopView } from '../../workshop/views.ts';
import type { Joined } from '../../workshop/service.ts';
import { api, ApiError, workshopPath } from './api.ts';
import { renderBroadcast } from './broadcast.ts';
import { exerciseTitle, type Catalog } from './catalog.ts';
import { browserStorage } from '../storage.ts';
import { byId, fill, h, pageData } from './dom.ts';
import { connectLearner, type LiveState } from './learner-live.ts';
import { outboxText, startLearnerClient } from './learner-client.ts';
import { canonicalCode, clearSession, loadSession, saveSession, type LearnerSession } from './session.ts';

const catalog = pageData<Catalog>('workshop-catalog');
const storage = browserStorage();
const form = byId<HTMLFormElement>('join-form');
const codeInput = byId<HTMLInputElement>('join-code');
const nameInput = byId<HTMLInputElement>('join-name');
const error = byId('join-error');
const view = byId('learner-view');
const heading = byId('join-heading');

function exerciseHref(code: string, exercise: string): string {
  return `/exercises/${encodeURIComponent(exercise)}/?workshop=${encodeURIComponent(code)}`;
}

function statusText(cell: Cell | undefined, locked: boolean): string {
  if (locked) return 'Locked by the instructor';
  if (!cell) return 'Not started';
  switch (cell.status) {
    case 'done':
      return 'Done';
    case 'passed':
      return 'Passed';
    case 'trying':
      return cell.lastScore !== null ? `In progress: ${Math.round(cell.lastScore * 100)}% of objectives` : 'In progress';
    case 'started':
      return 'Started';
  }
}

function showError(message: string): void {
  error.hidden = false;
  fill(error, h('p', {}, message));
}

let stopCountdown = () => undefined as void;

function renderWorkshop(session: LearnerSession, workshop: WorkshopView, progress: Cell[]): void {
  heading.textContent = workshop.title;
  document.title = `${workshop.title} · Layerwise`;
  const list = byId('learner-exercises');
  fill(
    list,
    ...workshop.exercises.map((id, i) => {
      const locked = workshop.locked.includes(id);
      const cell = progress.find((c) => c.exercise === id);
      const title = `${i + 1}. ${exerciseTitle(catalog, id)}`;
      return h(
        'li',
        { class: `workshop-exercise${locked ? ' is-locked' : ''}`, 'data-exercise': id, 'data-status': locked ? 'locked' : (cell?.status ?? 'not-started') },
        locked || workshop.ended ? h('span', { class: 'workshop-exercise-title' }, title) : h('a', { class: 'workshop-exercise-title', href: exerciseHref(session.code, id) }, title),
        h('span', { class: 'workshop-exercise-status' }, workshop.ended && !locked ? 'Workshop ended' : statusText(cell, locked)),
      );
    }),
  );
  const ended = byId('learner-ended');
  ended.hidden = !workshop.ended;
  stopCountdown();
  stopCountdown = renderBroadcast(byId('learner-broadcast'), workshop.ended ? null : workshop.broadcast);
}

async function enter(session: LearnerSession): Promise<void> {
  form.hidden = true;
  error.hidden = true;
  view.hidden = false;
  fill(byId('learner-name'), session.name);
  const status = byId('learner-status');
  const connection = byId('learner-connection');
  const client = startLearnerClient(session, storage, (state) => (status.textContent = outboxText(state)));
  let progress: Cell[] = [];
  let current: WorkshopView | null = null;
  try {
    const me = await api<{ workshop: WorkshopView; progress: Cell[] }>(workshopPath(session.code, '/me'), { credential: session.token });
    progress = me.progress;
    current = me.workshop;
    renderWorkshop(session, me.workshop, progress);
  } catch (caught) {
    if (caught instanceof ApiError && (caught.status === 403 || caught.status === 404)) {
      // The workshop is gone or this browser's token no longer belongs to it: join again.
      clearSession(storage, session.code);
      leave(`This workshop is no longer available (${caught.message}). Join again with a new code.`);
      return;
    }
    showError(caught instanceof Error ? caught.message : String(caught));
  }
  const labels: Record<LiveState, string> = {
    connecting: 'Connecting to the workshop…',
    live: 'Connected: the instructor sees your progress live.',
    reconnecting: 'Connection lost: reconnecting. Your work is kept and sent when the connection is back.',
    refused: 'The workshop server refused the connection. Reload the page to try again.',
  };
  connectLearner(session, {
    onWorkshop: (workshop) => {
      current = workshop;
      renderWorkshop(session, workshop, progress);
      if (workshop.ended) client.outbox.stop();
    },
    onDeleted: () => {
      clearSession(storage, session.code);
      leave('The instructor deleted this workshop and all its data.');
    },
    onState: (state) => {
      connection.textContent = labels[state];
      if (state === 'live') client.kick();
    },
  });
  byId('learner-leave').addEventListener('click', () => {
    clearSession(storage, session.code);
    leave(current ? `You left “${current.title}”.` : 'You left the workshop.');
  });
}

function leave(message: string): void {
  // A fresh page: the stream and the outbox of the old session go with it.
  const url = new URL(location.href);
  url.search = '';
  try {
    sessionStorage.setItem('layerwise:join-message', message);
  } catch {
    // Storage blocked: the fresh page just shows the form.
  }
  location.replace(url.toString());
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  const code = canonicalCode(codeInput.value);
  const name = nameInput.value.trim();
  if (!code) return showError('Type the code shown on the projector.');
  if (!name) return showError('Type a display name: it is how the instructor sees you.');
  const button = form.querySelector('button');
  if (button) button.disabled = true;
  try {
    const joined = await api<Joined>(workshopPath(code, '/join'), { body: { name } });
    const session: LearnerSession = { code: joined.workshop.code, token: joined.token, learnerId: joined.learner.id, name: joined.learner.name, title: joined.workshop.title };
    if (!saveSession(storage, session)) showError('This browser does not let the page store data: stay on this page, or your place in the workshop is lost on reload.');
    history.replaceState(null, '', `?code=${encodeURIComponent(session.code)}`);
    await enter(session);
  } catch (caught) {
    showError(caught instanceof Error ? caught.message : String(caught));
  } finally {
    if (button) button.disabled = false;
  }
});

const params = new URLSearchParams(location.search);
const code = canonicalCode(params.get('code') ?? '');
const saved = code ? loadSession(storage, code) : null;
let message: string | null = null;
try {
  message = sessionStorage.getItem('layerwise:join-message');
  sessionStorage.removeItem('layerwise:join-message');
} catch {
  // Storage blocked: nothing was left for this page.
}
if (message) showError(message);
if (saved) void enter(saved);
else {
  if (code) codeInput.value = code;
  (code ? nameInput : codeInput).focus();
}
