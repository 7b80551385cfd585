/**
 * What the API shows of a workshop: the presenter's snapshot, the learner's view and the export
 * rows. Built from store records by pure functions, so both stores give the same answers and the
 * pages only render these shapes.
 */
import { isFinished } from './store/progress.ts';
import type { Cell, CellStatus, LearnerRecord, WorkshopRecord } from './store/types.ts';

/** The workshop without its secret. */
export interface WorkshopView {
  code: string;
  title: string;
  exercises: string[];
  locked: string[];
  broadcast: WorkshopRecord['broadcast'];
  endsAt: number | null;
  expiresAt: number;
  createdAt: number;
  /** Ended by the presenter or past endsAt: read-only. */
  ended: boolean;
}

export function workshopView(w: WorkshopRecord, now: number): WorkshopView {
  return {
    code: w.code,
    title: w.title,
    exercises: w.exercises,
    locked: w.locked,
    broadcast: w.broadcast,
    endsAt: w.endsAt,
    expiresAt: w.expiresAt,
    createdAt: w.createdAt,
    ended: isEnded(w, now),
  };
}

export const isEnded = (w: WorkshopRecord, now: number): boolean => w.ended || (w.endsAt !== null && now >= w.endsAt);

export interface LearnerSummary {
  id: string;
  name: string;
  joinedAt: number;
}

export interface StuckEntry {
  learnerId: string;
  name: string;
  exercise: string;
  since: number;
  seq: number;
}

export interface ExerciseSummary {
  exercise: string;
  /** Learners with any event on it. */
  attempted: number;
  /** Learners who passed every objective or said "I'm done". */
  finished: number;
  /** Median final size of the finished learners' passing submissions, or null. */
  medianFinalSizeBytes: number | null;
}

export interface FailureCount {
  exercise: string;
  /** Objective id, or rule id for rules. */
  id: string;
  /** Learners whose latest submission fails it. */
  learners: number;
}

export interface PresenterState {
  workshop: WorkshopView;
  learners: LearnerSummary[];
  /** One per learner and exercise with any activity; absent cells are "not started". */
  cells: Cell[];
  /** Raised hands in the order they went up. */
  stuck: StuckEntry[];
  exercises: ExerciseSummary[];
  failing: { objectives: FailureCount[]; rules: FailureCount[] };
  eventCount: number;
  /** Feed position this snapshot includes; the SSE stream continues after it. */
  seq: number;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

export function exerciseSummaries(exercises: string[], cells: Cell[]): ExerciseSummary[] {
  return exercises.map((exercise) => {
    const mine = cells.filter((c) => c.exercise === exercise);
    const finished = mine.filter(isFinished);
    const sizes = finished.map((c) => c.finalSizeBytes).filter((s): s is number => s !== null);
    return { exercise, attempted: mine.length, finished: finished.length, medianFinalSizeBytes: median(sizes) };
  });
}

/** What the class gets wrong right now: counted on each learner's latest, unfinished submission. */
export function commonFailures(cells: Cell[], top = 10): PresenterState['failing'] {
  const objectives = new Map<string, FailureCount>();
  const rules = new Map<string, FailureCount>();
  const add = (map: Map<string, FailureCount>, exercise: string, id: string) => {
    const k = `${exercise}\u0000${id}`;
    const entry = map.get(k) ?? { exercise, id, learners: 0 };
    entry.learners++;
    map.set(k, entry);
  };
  for (const cell of cells) {
    if (isFinished(cell)) continue;
    for (const id of new Set(cell.failed)) add(objectives, cell.exercise, id);
    for (const id of new Set(cell.rules)) add(rules, cell.exercise, id);
  }
  const rank = (map: Map<string, FailureCount>) =>
    [...map.values()]
      .sort((a, b) => b.learners - a.learners || a.exercise.localeCompare(b.exercise) || a.id.localeCompare(b.id))
      .slice(0, top);
  return { objectives: rank(objectives), rules: rank(rules) };
}

export function stuckQueue(learners: LearnerRecord[], cells: Cell[]): StuckEntry[] {
  const names = new Map(learners.map((l) => [l.id, l.name]));
  return cells
    .filter((c) => c.stuck && c.stuckSeq !== null)
    .sort((a, b) => a.stuckSeq! - b.stuckSeq!)
    .map((c) => ({ learnerId: c.learnerId, name: names.get(c.learnerId) ?? '', exercise: c.exercise, since: c.stuckAt ?? 0, seq: c.stuckSeq! }));
}

export function presenterState(w: WorkshopRecord, learners: LearnerRecord[], cells: Cell[], eventCount: number, now: number): PresenterState {
  return {
    workshop: workshopView(w, now),
    learners: learners.map((l) => ({ id: l.id, name: l.name, joinedAt: l.joinedAt })),
    cells: cells.map(({ dockerfile: _omit, ...c }) => c),
    stuck: stuckQueue(learners, cells),
    exercises: exerciseSummaries(w.exercises, cells),
    failing: commonFailures(cells),
    eventCount,
    seq: w.seq,
  };
}

/** One row of the export: every learner times every exercise of the workshop. */
export interface ExportRow {
  learner: string;
  learnerId: string;
  exercise: string;
  /** 1-based position of the exercise in the workshop. */
  position: number;
  status: CellStatus | 'not-started';
  bestScore: number | null;
  lastScore: number | null;
  sizeBytes: number | null;
  finalSizeBytes: number | null;
  hintsUsed: number;
  timeSpentMs: number;
  gradedCount: number;
  stuck: boolean;
  updatedAt: number | null;
}

/** The export's columns, in order; the README documents each. */
export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  'learner', 'learnerId', 'exercise', 'position', 'status', 'bestScore', 'lastScore', 'sizeBytes',
  'finalSizeBytes', 'hintsUsed', 'timeSpentMs', 'gradedCount', 'stuck', 'updatedAt',
];

export function exportRows(w: WorkshopRecord, learners: LearnerRecord[], cells: Cell[]): ExportRow[] {
  const byKey = new Map(cells.map((c) => [`${c.learnerId}\u0000${c.exercise}`, c]));
  const rows: ExportRow[] = [];
  for (const l of [...learners].sort((a, b) => a.seq - b.seq)) {
    w.exercises.forEach((exercise, i) => {
      const c = byKey.get(`${l.id}\u0000${exercise}`);
      rows.push({
        learner: l.name,
        learnerId: l.id,
        exercise,
        position: i + 1,
        status: c?.status ?? 'not-started',
        bestScore: c?.bestScore ?? null,
        lastScore: c?.lastScore ?? null,
        sizeBytes: c?.sizeBytes ?? null,
        finalSizeBytes: c?.finalSizeBytes ?? null,
        hintsUsed: c?.hintsUsed ?? 0,
        timeSpentMs: c?.timeSpentMs ?? 0,
        gradedCount: c?.gradedCount ?? 0,
        stuck: c?.stuck ?? false,
        updatedAt: c?.updatedAt ?? null,
      });
    });
  }
  return rows;
}

/**
 * RFC 4180 CSV. A cell starting with = + - @ is prefixed with ' so a spreadsheet shows a
 * learner's name as text instead of running it as a formula (OWASP's CSV injection advice).
 */
export function toCsv(rows: ExportRow[]): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((c) => cell(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
