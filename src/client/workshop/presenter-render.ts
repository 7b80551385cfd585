/**
 * The presenter view's parts, built from a PresenterState: the grid of learners by exercises
 * (status in words and colour, size), the stuck queue in the order hands went up, per exercise
 * finished count and median final size, and what the class gets wrong now. Names and other
 * learner text only ever become text nodes (dom.ts).
 */
import type { Cell } from '../../workshop/store/types.ts';
import type { PresenterState } from '../../workshop/views.ts';
import { formatBytes } from '../exercise/render.ts';
import { exerciseTitle, objectiveTitle, type Catalog } from './catalog.ts';
import { h, type Child } from './dom.ts';

export interface CellText {
  /** data-status for the colour: not-started, started, trying, passed, done, stuck. */
  tone: string;
  /** What the cell says, colour aside. */
  label: string;
  size: string | null;
}

/** A cell in words: status first, so the grid reads without colour. */
export function cellText(cell: Cell | undefined): CellText {
  if (!cell) return { tone: 'not-started', label: 'not started', size: null };
  const size = cell.status === 'passed' || cell.status === 'done' ? (cell.finalSizeBytes ?? cell.sizeBytes) : cell.sizeBytes;
  const sizeText = size !== null ? formatBytes(size) : null;
  if (cell.stuck) return { tone: 'stuck', label: 'stuck', size: sizeText };
  switch (cell.status) {
    case 'done':
      return { tone: 'done', label: 'done', size: sizeText };
    case 'passed':
      return { tone: 'passed', label: 'passed', size: sizeText };
    case 'trying':
      return { tone: 'trying', label: cell.lastScore !== null ? `trying ${Math.round(cell.lastScore * 100)}%` : 'trying', size: sizeText };
    case 'started':
      return { tone: 'started', label: 'started', size: sizeText };
  }
}

// Symbols from common text fonts (no colour emoji needed on a projector's machine).
const ICON: Record<string, string> = { stuck: '⚑', passed: '✓', done: '★', trying: '…', started: '·', 'not-started': '' };

export const cellKey = (learnerId: string, exercise: string) => `${learnerId}\u0000${exercise}`;

/** Minutes or seconds since `at`, for "hand up for 3 min". */
export function since(at: number, now: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min`;
}

function cellContent(cell: Cell | undefined, learnerId: string, exercise: string, onSpotlight: (learnerId: string, exercise: string) => void): HTMLElement {
  const text = cellText(cell);
  const content: Child[] = [
    h('span', { class: 'cell-icon', 'aria-hidden': 'true' }, ICON[text.tone] ?? ''),
    h('span', { class: 'cell-label' }, text.label),
    text.size ? h('span', { class: 'cell-size' }, text.size) : null,
  ];
  // A graded submission can be put in the spotlight (anonymously).
  return cell && cell.gradedCount > 0
    ? h('button', { type: 'button', class: 'cell-button', title: 'Show this submission in the spotlight, without the name', onclick: () => onSpotlight(learnerId, exercise) }, ...content)
    : h('span', { class: 'cell-plain' }, ...content);
}

/**
 * The grid of learners by exercises. A feed item changes one cell, and applyFeedItem keeps every
 * other Cell object as it was, so an update rewrites only the cells whose object changed; the
 * table is rebuilt only when a learner joins or the exercises or locks change. With 500 learners
 * this keeps a render pass small (README, "The workshop pages").
 */
export class GridView {
  private table: HTMLTableElement | null = null;
  private shape = '';
  private readonly shown = new Map<string, { cell: Cell | undefined; td: HTMLTableCellElement; learnerId: string; exercise: string }>();
  private readonly catalog: Catalog;
  private readonly onSpotlight: (learnerId: string, exercise: string) => void;

  constructor(catalog: Catalog, onSpotlight: (learnerId: string, exercise: string) => void) {
    this.catalog = catalog;
    this.onSpotlight = onSpotlight;
  }

  /** The table for `state`: the same element as before when only cells changed. */
  update(state: PresenterState): HTMLTableElement {
    const shape = JSON.stringify([state.learners.map((l) => [l.id, l.name]), state.workshop.exercises, state.workshop.locked]);
    const cells = new Map(state.cells.map((c) => [cellKey(c.learnerId, c.exercise), c]));
    if (this.table && shape === this.shape) {
      for (const [key, entry] of this.shown) {
        const cell = cells.get(key);
        if (cell === entry.cell) continue;
        entry.cell = cell;
        const hadFocus = entry.td.contains(document.activeElement);
        entry.td.dataset.status = cellText(cell).tone;
        entry.td.replaceChildren(cellContent(cell, entry.learnerId, entry.exercise, this.onSpotlight));
        if (hadFocus) entry.td.querySelector<HTMLElement>('button')?.focus();
      }
      return this.table;
    }
    this.shape = shape;
    this.shown.clear();
    const { catalog } = this;
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Learner'),
      ...state.workshop.exercises.map((id, i) =>
        h('th', { scope: 'col', title: exerciseTitle(catalog, id) }, `${i + 1}. ${exerciseTitle(catalog, id)}`, state.workshop.locked.includes(id) ? h('span', { class: 'grid-locked' }, ' (locked)') : null),
      ),
    );
    const rows = state.learners.map((learner) =>
      h(
        'tr',
        { 'data-learner': learner.id },
        h('th', { scope: 'row', class: 'grid-name' }, learner.name),
        ...state.workshop.exercises.map((exercise) => {
          const key = cellKey(learner.id, exercise);
          const cell = cells.get(key);
          const td = h('td', { 'data-status': cellText(cell).tone, 'data-exercise': exercise }, cellContent(cell, learner.id, exercise, this.onSpotlight));
          this.shown.set(key, { cell, td, learnerId: learner.id, exercise });
          return td;
        }),
      ),
    );
    this.table = h('table', { class: 'presenter-grid' }, h('caption', { class: 'visually-hidden' }, 'Progress: learners by exercises'), h('thead', {}, head), h('tbody', {}, ...rows));
    return this.table;
  }
}

export function renderStuck(state: PresenterState, catalog: Catalog, now: number): HTMLElement {
  if (state.stuck.length === 0) return h('p', { class: 'muted' }, 'No hands up.');
  return h(
    'ol',
    { class: 'stuck-queue' },
    ...state.stuck.map((s) => h('li', { 'data-learner': s.learnerId }, h('strong', {}, s.name), ' on ', exerciseTitle(catalog, s.exercise), h('span', { class: 'muted' }, ` · ${since(s.since, now)}`))),
  );
}

export function renderExercises(state: PresenterState, catalog: Catalog): HTMLElement {
  const total = state.learners.length;
  return h(
    'table',
    { class: 'summary-table' },
    h('caption', { class: 'visually-hidden' }, 'Per exercise: learners finished and the median final size'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Exercise'), h('th', { scope: 'col', class: 'num' }, 'Finished'), h('th', { scope: 'col', class: 'num' }, 'Median size'))),
    h(
      'tbody',
      {},
      ...state.exercises.map((e, i) =>
        h(
          'tr',
          { 'data-exercise': e.exercise },
          h('th', { scope: 'row' }, `${i + 1}. ${exerciseTitle(catalog, e.exercise)}`),
          h('td', { class: 'num' }, `${e.finished} of ${total}`),
          h('td', { class: 'num' }, e.medianFinalSizeBytes !== null ? formatBytes(e.medianFinalSizeBytes) : '—'),
        ),
      ),
    ),
  );
}

export function renderFailing(state: PresenterState, catalog: Catalog): HTMLElement {
  const { objectives, rules } = state.failing;
  if (objectives.length === 0 && rules.length === 0) return h('p', { class: 'muted' }, 'Nothing failing right now.');
  const people = (n: number) => `${n} learner${n === 1 ? '' : 's'}`;
  return h(
    'div',
    {},
    objectives.length > 0 ? h('h3', {}, 'Objectives') : null,
    objectives.length > 0
      ? h('ol', { class: 'failing-list' }, ...objectives.slice(0, 5).map((f) => h('li', {}, h('strong', {}, objectiveTitle(catalog, f.exercise, f.id)), h('span', { class: 'muted' }, ` · ${exerciseTitle(catalog, f.exercise)} · ${people(f.learners)}`))))
      : null,
    rules.length > 0 ? h('h3', {}, 'Rules') : null,
    rules.length > 0
      ? h('ol', { class: 'failing-list' }, ...rules.slice(0, 5).map((f) => h('li', {}, h('a', { href: `/rules/${encodeURIComponent(f.id)}/` }, f.id), h('span', { class: 'muted' }, ` · ${exerciseTitle(catalog, f.exercise)} · ${people(f.learners)}`))))
      : null,
  );
}
