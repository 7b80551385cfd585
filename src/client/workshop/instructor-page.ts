/**
 * /workshop/: an instructor creates a workshop without an account (title, ordered exercises,
 * optional end time), then gets the join code, the join link and the secret presenter link,
 * and the controls: lock/unlock exercises, broadcast a message or countdown, end, delete.
 * The presenter secret stays in this page's URL fragment, so a reload keeps the controls.
 */
import type { CreatedWorkshop } from '../../workshop/service.ts';
import type { PresenterState, WorkshopView } from '../../workshop/views.ts';
import { api, workshopPath } from './api.ts';
import { exerciseTitle, type Catalog } from './catalog.ts';
import { byId, fill, h, pageData } from './dom.ts';
import { presenterFragment, readPresenterKey, withSecret, type PresenterKey } from './presenter-link.ts';

const catalog = pageData<Catalog>('workshop-catalog');
const form = byId<HTMLFormElement>('create-form');
const error = byId('instructor-error');
const chosen: string[] = [];

function showError(message: string | null): void {
  error.hidden = message === null;
  fill(error, message ? h('p', {}, message) : null);
}

const failure = (caught: unknown) => showError(caught instanceof Error ? caught.message : String(caught));

/** The ordered list of chosen exercises, with buttons to move each up or down. */
function renderOrder(): void {
  const list = byId('create-order');
  byId('create-order-empty').hidden = chosen.length > 0;
  const move = (i: number, by: number) => () => {
    const [id] = chosen.splice(i, 1);
    chosen.splice(i + by, 0, id!);
    renderOrder();
    (list.children[i + by]?.querySelector(by < 0 ? '[data-move=up]' : '[data-move=down]') as HTMLButtonElement | null)?.focus();
  };
  fill(
    list,
    ...chosen.map((id, i) => {
      const title = exerciseTitle(catalog, id);
      return h(
        'li',
        {},
        h('span', {}, title),
        h('span', { class: 'order-buttons' },
          h('button', { type: 'button', class: 'button button-small', 'data-move': 'up', 'aria-label': `Move “${title}” up`, disabled: i === 0, onclick: move(i, -1) }, '↑'),
          h('button', { type: 'button', class: 'button button-small', 'data-move': 'down', 'aria-label': `Move “${title}” down`, disabled: i === chosen.length - 1, onclick: move(i, 1) }, '↓'),
        ),
      );
    }),
  );
}

for (const box of form.querySelectorAll<HTMLInputElement>('input[name=exercise]')) {
  box.addEventListener('change', () => {
    const at = chosen.indexOf(box.value);
    if (box.checked && at < 0) chosen.push(box.value);
    if (!box.checked && at >= 0) chosen.splice(at, 1);
    renderOrder();
  });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(null);
  const title = byId<HTMLInputElement>('create-title').value.trim();
  const ends = byId<HTMLInputElement>('create-ends').value;
  if (!title) return showError('Give the workshop a title: learners see it when they join.');
  if (chosen.length === 0) return showError('Choose at least one exercise.');
  const body: Record<string, unknown> = { title, exercises: chosen };
  if (ends) body.endsAt = new Date(ends).toISOString();
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (button) button.disabled = true;
  try {
    const created = await api<CreatedWorkshop & { presenterUrl: string; joinUrl: string }>('/api/workshops', { body });
    const key = { code: created.code, secret: created.presenterSecret };
    history.replaceState(null, '', presenterFragment(key));
    await manage(key);
  } catch (caught) {
    failure(caught);
  } finally {
    if (button) button.disabled = false;
  }
});

function copyButton(label: string, text: () => string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'button button-small' }, label);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text());
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Select the link and copy it';
    }
    setTimeout(() => (button.textContent = label), 2000);
  });
  return button;
}

async function post(key: PresenterKey, route: string, body: unknown): Promise<WorkshopView> {
  const answer = await api<{ workshop: WorkshopView }>(workshopPath(key.code, route), { body, credential: key.secret });
  return answer.workshop;
}

/** The workshop these controls act on. */
let active: PresenterKey | null = null;

/**
 * The join link as a QR code for the projector, drawn by the `qrcode` library as SVG: black on
 * white in both themes, since phone cameras read dark-on-light codes most reliably. Loaded only
 * when a workshop is shown. The SVG comes from the library, built from our own URL (origin and a
 * server-made code), so no learner text reaches it.
 */
async function showQrCode(box: HTMLElement, url: string): Promise<void> {
  try {
    const { toString } = await import('qrcode');
    const svg = await toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
    box.innerHTML = svg;
    const image = box.querySelector('svg');
    image?.setAttribute('role', 'img');
    image?.setAttribute('aria-label', `QR code for ${url}`);
  } catch {
    box.textContent = ''; // the code and the link above are enough to join
  }
}

async function manage(key: PresenterKey): Promise<void> {
  active = key;
  form.hidden = true;
  const panel = byId('manage');
  panel.hidden = false;
  const state = await api<PresenterState>(workshopPath(key.code, '/state'), { credential: key.secret });
  const joinUrl = `${location.origin}/join/?code=${key.code}`;
  const presenterUrl = `${location.origin}/workshop/present/${presenterFragment(key)}`;
  byId('manage-title').textContent = state.workshop.title;
  document.title = `${state.workshop.title} · Layerwise`;
  byId('manage-code').textContent = key.code;
  const joinLink = byId<HTMLAnchorElement>('manage-join');
  joinLink.href = joinUrl;
  joinLink.textContent = joinUrl;
  void showQrCode(byId('manage-qr'), joinUrl);
  byId<HTMLAnchorElement>('manage-present').href = presenterUrl;
  byId<HTMLInputElement>('manage-present-url').value = presenterUrl;
  fill(byId('manage-copy'), copyButton('Copy the join link', () => joinUrl), ' ', copyButton('Copy the presenter link', () => presenterUrl));
  byId<HTMLAnchorElement>('manage-csv').href = withSecret(workshopPath(key.code, '/export.csv'), key);
  byId<HTMLAnchorElement>('manage-json').href = withSecret(workshopPath(key.code, '/export.json'), key);
  render(key, state.workshop);

}

function render(key: PresenterKey, workshop: WorkshopView): void {
  byId('manage-ended').hidden = !workshop.ended;
  for (const id of ['broadcast-send', 'broadcast-clear', 'manage-end']) (byId(id) as HTMLButtonElement).disabled = workshop.ended;
  const current = byId('broadcast-current');
  current.textContent = workshop.broadcast
    ? `Learners see: ${workshop.broadcast.message ? `“${workshop.broadcast.message}”` : 'no message'}${workshop.broadcast.countdownEndsAt ? `; a countdown to ${new Date(workshop.broadcast.countdownEndsAt).toLocaleTimeString()}` : ''}.`
    : 'No broadcast is showing.';
  fill(
    byId('manage-exercises'),
    ...workshop.exercises.map((id, i) => {
      const locked = workshop.locked.includes(id);
      const title = exerciseTitle(catalog, id);
      const button = h('button', { type: 'button', class: 'button button-small', 'aria-label': locked ? `Unlock “${title}”` : `Lock “${title}”`, disabled: workshop.ended }, locked ? 'Unlock' : 'Lock');
      button.addEventListener('click', async () => {
        showError(null);
        try {
          render(key, await post(key, locked ? '/unlock' : '/lock', { exercise: id }));
          byId('manage-exercises').querySelectorAll('button')[i]?.focus();
        } catch (caught) {
          failure(caught);
        }
      });
      return h('li', { 'data-exercise': id }, h('span', {}, `${i + 1}. ${title}`), h('span', { class: 'lock-state', 'data-locked': String(locked) }, locked ? 'Locked' : 'Open'), button);
    }),
  );
}

// Every control acts on the active workshop; registered once.
byId<HTMLFormElement>('broadcast-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(null);
  const message = byId<HTMLInputElement>('broadcast-message').value.trim();
  const minutes = Number(byId<HTMLInputElement>('broadcast-minutes').value || 0);
  if (!message && !minutes) return showError('Type a message, a countdown in minutes, or both.');
  try {
    render(active!, await post(active!, '/broadcast', { message, ...(minutes > 0 ? { countdownSeconds: Math.round(minutes * 60) } : {}) }));
  } catch (caught) {
    failure(caught);
  }
});
byId('broadcast-clear').addEventListener('click', async () => {
  try {
    render(active!, await post(active!, '/broadcast', { message: '' }));
  } catch (caught) {
    failure(caught);
  }
});
byId('manage-end').addEventListener('click', async () => {
  if (!confirm('End the workshop? Learners can no longer send results; the presenter view and the exports stay.')) return;
  try {
    render(active!, await post(active!, '/end', {}));
  } catch (caught) {
    failure(caught);
  }
});
byId('manage-delete').addEventListener('click', async () => {
  if (!confirm('Delete the workshop with every learner, result and export? This cannot be undone.')) return;
  try {
    await api(workshopPath(active!.code), { method: 'DELETE', credential: active!.secret });
    history.replaceState(null, '', location.pathname);
    byId('manage').hidden = true;
    form.hidden = false;
    showError(`The workshop ${active!.code} and all its data are deleted.`);
    active = null;
  } catch (caught) {
    failure(caught);
  }
});

renderOrder();
const key = readPresenterKey(location.hash);
if (key) manage(key).catch((caught) => {
  form.hidden = false;
  byId('manage').hidden = true;
  failure(caught);
});
