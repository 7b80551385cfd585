/**
 * /workshop/present/#code=...&secret=...: the projector view. It follows the presenter stream
 * (server-sent events): a `snapshot`, then `feed` items applied with the shared applyFeedItems;
 * when the connection drops, EventSource reconnects with Last-Event-ID and the server sends
 * exactly the items after it. Rendering is batched to at most a few times a second, so a class
 * of 500 sending results does not keep the projector's browser busy.
 */
import { applyFeedItems, type StreamFeedItem } from '../../workshop/stream.ts';
import type { PresenterState } from '../../workshop/views.ts';
import { api, ApiError, workshopPath } from './api.ts';
import { renderBroadcast } from './broadcast.ts';
import type { Catalog } from './catalog.ts';
import { byId, fill, h, pageData } from './dom.ts';
import { readPresenterKey, withSecret, type PresenterKey } from './presenter-link.ts';
import { GridView, renderExercises, renderFailing, renderStuck } from './presenter-render.ts';

const RENDER_EVERY_MS = 300;
const catalog = pageData<Catalog>('workshop-catalog');
const connection = byId('present-connection');
let state: PresenterState | null = null;
/** Feed items received since the last render: applied together, once per render. */
let incoming: StreamFeedItem[] = [];
let scheduled = false;
let stopCountdown: () => void = () => undefined;
let lastBroadcast = '';

function fail(message: string): void {
  const box = byId('present-error');
  box.hidden = false;
  fill(box, h('p', {}, message));
}

function render(key: PresenterKey): void {
  scheduled = false;
  if (!state) return;
  performance.mark('layerwise:present-render-start');
  if (incoming.length > 0) {
    state = applyFeedItems(state, incoming);
    incoming = [];
  }
  const s = state;
  byId('present-title').textContent = s.workshop.title;
  document.title = `${s.workshop.title} · presenter · Layerwise`;
  byId('present-count').textContent = `${s.learners.length} learner${s.learners.length === 1 ? '' : 's'} · ${s.eventCount} result${s.eventCount === 1 ? '' : 's'}`;
  byId('present-ended').hidden = !s.workshop.ended;
  const gridBox = byId('present-grid');
  if (s.learners.length === 0) fill(gridBox, h('p', { class: 'muted' }, 'Waiting for learners to join…'));
  else {
    // When the table is rebuilt (a learner joined), a presenter moving through it by keyboard keeps their place.
    const focusedCell = document.activeElement?.closest<HTMLElement>('.presenter-grid td[data-exercise]');
    const focusedLearner = focusedCell?.closest<HTMLElement>('tr[data-learner]')?.dataset.learner;
    const table = grid(key).update(s);
    if (gridBox.firstElementChild !== table) {
      fill(gridBox, table);
      if (focusedCell && focusedLearner) {
        const row = [...table.querySelectorAll<HTMLElement>('tr[data-learner]')].find((r) => r.dataset.learner === focusedLearner);
        [...(row?.querySelectorAll<HTMLElement>('td[data-exercise]') ?? [])].find((td) => td.dataset.exercise === focusedCell.dataset.exercise)?.querySelector<HTMLElement>('button')?.focus();
      }
    }
  }
  fill(byId('present-stuck'), renderStuck(s, catalog, Date.now()));
  fill(byId('present-exercises'), renderExercises(s, catalog));
  fill(byId('present-failing'), renderFailing(s, catalog));
  // The countdown ticks by itself: only restart it when the broadcast changed.
  const broadcast = JSON.stringify(s.workshop.ended ? null : s.workshop.broadcast);
  if (broadcast !== lastBroadcast) {
    lastBroadcast = broadcast;
    stopCountdown();
    stopCountdown = renderBroadcast(byId('present-broadcast'), s.workshop.ended ? null : s.workshop.broadcast);
  }
  // How long a render pass takes, for the README's figure with a class of 500.
  performance.measure('layerwise:present-render', 'layerwise:present-render-start');
}

let gridView: GridView | null = null;
const grid = (key: PresenterKey) => (gridView ??= new GridView(catalog, (learner, exercise) => void spotlight(key, learner, exercise)));

function schedule(key: PresenterKey): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => render(key), RENDER_EVERY_MS);
}

async function spotlight(key: PresenterKey, learner: string, exercise: string): Promise<void> {
  const { showSpotlight } = await import('./spotlight.ts');
  await showSpotlight(byId('present-spotlight'), key, catalog, learner, exercise);
}

function connect(key: PresenterKey): void {
  const source = new EventSource(withSecret(workshopPath(key.code, '/stream'), key));
  connection.textContent = 'Connecting…';
  source.addEventListener('open', () => (connection.textContent = 'Live'));
  source.addEventListener('error', async () => {
    if (source.readyState !== EventSource.CLOSED) {
      connection.textContent = 'Reconnecting…';
      return;
    }
    connection.textContent = 'Disconnected';
    // EventSource does not say why it gave up: ask the API, which answers with the reason.
    try {
      await api(workshopPath(key.code, '/state'), { credential: key.secret });
      setTimeout(() => connect(key), 2000);
    } catch (caught) {
      fail(caught instanceof ApiError ? caught.message : 'The workshop server cannot be reached. Reload the page to try again.');
    }
  });
  source.addEventListener('snapshot', (event) => {
    state = JSON.parse((event as MessageEvent<string>).data) as PresenterState;
    incoming = [];
    schedule(key);
  });
  source.addEventListener('feed', (event) => {
    if (!state) return;
    incoming.push(JSON.parse((event as MessageEvent<string>).data) as StreamFeedItem);
    schedule(key);
  });
  source.addEventListener('deleted', () => {
    source.close();
    connection.textContent = 'Deleted';
    fail('This workshop was deleted with all its data.');
  });
}

const key = readPresenterKey(location.hash);
if (!key) {
  fail('This page needs the presenter link from the workshop page (it ends with #code=…&secret=…).');
} else {
  byId('present-code').textContent = key.code;
  const join = byId<HTMLAnchorElement>('present-join');
  join.href = `/join/?code=${key.code}`;
  join.textContent = `${location.host}/join`;
  byId<HTMLAnchorElement>('present-csv').href = withSecret(workshopPath(key.code, '/export.csv'), key);
  byId<HTMLAnchorElement>('present-json').href = withSecret(workshopPath(key.code, '/export.json'), key);
  connect(key);
  // "Hand up for 3 min" ages even when nothing arrives.
  setInterval(() => schedule(key), 15_000);
}
