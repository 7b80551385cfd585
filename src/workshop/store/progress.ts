/**
 * How one learner event changes the learner's progress cell. Pure, shared by both stores, so
 * SQLite and PostgreSQL agree on what "passed", "stuck" and "final size" mean.
 */
import type { GradedEvent, WorkshopEvent } from '../events.ts';
import type { Cell, CellStatus } from './types.ts';

export function emptyCell(learnerId: string, exercise: string, now: number): Cell {
  return {
    learnerId,
    exercise,
    status: 'started',
    bestScore: null,
    lastScore: null,
    sizeBytes: null,
    finalSizeBytes: null,
    hintsUsed: 0,
    timeSpentMs: 0,
    gradedCount: 0,
    failed: [],
    rules: [],
    stuck: false,
    stuckSeq: null,
    stuckAt: null,
    updatedAt: now,
    dockerfile: null,
  };
}

const RANK: Record<CellStatus, number> = { started: 0, trying: 1, passed: 2, done: 3 };
const atLeast = (a: CellStatus, b: CellStatus): CellStatus => (RANK[a] >= RANK[b] ? a : b);

function graded(cell: Cell, e: GradedEvent): Cell {
  const allPassed = e.score >= 1;
  return {
    ...cell,
    status: atLeast(cell.status, allPassed ? 'passed' : 'trying'),
    bestScore: Math.max(cell.bestScore ?? 0, e.score),
    lastScore: e.score,
    sizeBytes: e.sizeBytes,
    finalSizeBytes: allPassed ? e.sizeBytes : cell.finalSizeBytes,
    // Counters only grow: events of one learner may arrive out of order after a resend.
    hintsUsed: Math.max(cell.hintsUsed, e.hintsUsed),
    timeSpentMs: Math.max(cell.timeSpentMs, e.timeSpentMs),
    gradedCount: cell.gradedCount + 1,
    failed: e.failed ?? [],
    rules: e.rules ?? [],
    // A passing submission lowers the hand.
    ...(allPassed ? { stuck: false, stuckSeq: null, stuckAt: null } : {}),
    dockerfile: e.dockerfile ?? cell.dockerfile ?? null,
  };
}

/** The cell after `event`, accepted at feed number `seq` and server time `now`. */
export function applyEvent(previous: Cell | null, learnerId: string, event: WorkshopEvent, seq: number, now: number): Cell {
  const cell = { ...(previous ?? emptyCell(learnerId, event.payload.exercise, now)), updatedAt: now };
  switch (event.kind) {
    case 'graded':
      return graded(cell, event.payload);
    case 'stuck':
      // Raising a hand twice keeps its place in the queue.
      return cell.stuck ? cell : { ...cell, stuck: true, stuckSeq: seq, stuckAt: now };
    case 'unstuck':
      return { ...cell, stuck: false, stuckSeq: null, stuckAt: null };
    case 'done':
      return { ...cell, status: 'done', stuck: false, stuckSeq: null, stuckAt: null };
  }
}

export const isFinished = (cell: Cell): boolean => cell.status === 'passed' || cell.status === 'done';
