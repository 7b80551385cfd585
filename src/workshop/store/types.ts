/**
 * The workshop store: one interface, implemented on SQLite (node:sqlite, the default) and on
 * PostgreSQL (several server instances share one database). Times are epoch milliseconds.
 *
 * Every change a presenter must see takes the next number of its workshop's feed (`seq`): a
 * learner joining, a learner's event, a change to the workshop (locks, broadcast, end). The
 * number is taken while the workshop's row is locked, so the feed commits in order and a
 * presenter that has seen up to N can ask for everything after N and miss nothing; that is what
 * the SSE stream's ids and Last-Event-ID resume rest on.
 */
import type { EventAck, EventKind, GradedEvent, SignalEvent, WorkshopEvent } from '../events.ts';

export interface Broadcast {
  /** Short message shown to every learner; may be empty when only a countdown runs. */
  message: string;
  /** When a countdown started by the presenter reaches zero, or null. */
  countdownEndsAt: number | null;
  at: number;
}

export interface WorkshopRecord {
  id: string;
  /** Join code: CODE_ALPHABET, no ambiguous characters (src/workshop/secrets.ts). */
  code: string;
  title: string;
  /** SHA-256 of the presenter secret. */
  secretHash: string;
  /** Exercise ids, in the order learners see them. */
  exercises: string[];
  /** Exercises the presenter has locked (learners wait for them). */
  locked: string[];
  broadcast: Broadcast | null;
  /** Optional end time set at creation: afterwards the workshop is read-only. */
  endsAt: number | null;
  /** When the store deletes the workshop and all its data. */
  expiresAt: number;
  createdAt: number;
  /** Ended by the presenter: read-only. */
  ended: boolean;
  /** The last feed number taken. */
  seq: number;
}

export type NewWorkshop = Omit<WorkshopRecord, 'locked' | 'broadcast' | 'ended' | 'seq'>;

export interface WorkshopPatch {
  locked?: string[];
  broadcast?: Broadcast | null;
  ended?: boolean;
}

export interface LearnerRecord {
  id: string;
  workshopId: string;
  /** Display name as typed (checked: at most 40 characters, no control characters). */
  name: string;
  /** SHA-256 of the learner's bearer token. */
  tokenHash: string;
  joinedAt: number;
  /** Feed number of the join. */
  seq: number;
}

/** A stored learner event. Its payload never holds the Dockerfile (kept once, per cell). */
export interface StoredEvent {
  seq: number;
  learnerId: string;
  key: string;
  kind: EventKind;
  exercise: string;
  payload: Omit<GradedEvent, 'dockerfile'> | SignalEvent;
  receivedAt: number;
}

/**
 * A learner's progress on one exercise, kept up to date as events arrive.
 * - `started`: a signal came but nothing was graded yet;
 * - `trying`: graded, not every objective passed;
 * - `passed`: the latest or an earlier grading passed every objective;
 * - `done`: the learner said "I'm done".
 */
export type CellStatus = 'started' | 'trying' | 'passed' | 'done';

export interface Cell {
  learnerId: string;
  exercise: string;
  status: CellStatus;
  bestScore: number | null;
  lastScore: number | null;
  /** Size of the latest graded submission. */
  sizeBytes: number | null;
  /** Size of the latest submission that passed every objective. */
  finalSizeBytes: number | null;
  hintsUsed: number;
  timeSpentMs: number;
  gradedCount: number;
  /** Objectives and rules that failed on the latest graded submission. */
  failed: string[];
  rules: string[];
  stuck: boolean;
  /** Feed number of the "I'm stuck" that raised the hand: the stuck queue's order. */
  stuckSeq: number | null;
  stuckAt: number | null;
  updatedAt: number;
  /** Latest graded Dockerfile, for the spotlight; only read on request. */
  dockerfile?: string | null;
}

export interface WorkshopSnapshot {
  workshop: WorkshopRecord;
  learners: LearnerRecord[];
  cells: Cell[];
  eventCount: number;
}

export type FeedItem =
  | { seq: number; type: 'joined'; learner: { id: string; name: string; joinedAt: number } }
  | { seq: number; type: 'event'; event: StoredEvent }
  | { seq: number; type: 'workshop'; workshop: WorkshopRecord };

export interface WorkshopStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Creates the workshop; throws CodeTakenError when the join code is in use. */
  createWorkshop(workshop: NewWorkshop): Promise<WorkshopRecord>;
  workshopByCode(code: string): Promise<WorkshopRecord | null>;
  workshopById(id: string): Promise<WorkshopRecord | null>;
  /** Applies the patch and takes a feed number; null when the workshop does not exist. */
  updateWorkshop(id: string, patch: WorkshopPatch): Promise<WorkshopRecord | null>;
  addLearner(learner: Omit<LearnerRecord, 'seq'>): Promise<LearnerRecord>;
  learnerByTokenHash(tokenHash: string): Promise<LearnerRecord | null>;
  learners(workshopId: string): Promise<LearnerRecord[]>;
  /**
   * Stores each event exactly once per (learner, key) and updates the learner's progress, in
   * one transaction. A key seen before is answered with its original acceptance.
   */
  recordEvents(workshopId: string, learnerId: string, events: WorkshopEvent[], now: number): Promise<EventAck[]>;
  /** Progress cells of a workshop (without Dockerfiles). */
  cells(workshopId: string): Promise<Cell[]>;
  /** One cell with its latest Dockerfile (the spotlight). */
  cell(workshopId: string, learnerId: string, exercise: string): Promise<Cell | null>;
  eventCount(workshopId: string): Promise<number>;
  /** The workshop, its learners, cells and event count as of one moment (its `seq`). */
  snapshot(workshopId: string): Promise<WorkshopSnapshot | null>;
  /** Feed items with seq > afterSeq, in order, at most `limit`. */
  feedSince(workshopId: string, afterSeq: number, limit: number): Promise<FeedItem[]>;
  /** Deletes the workshop with its learners, events and progress. */
  deleteWorkshop(id: string): Promise<boolean>;
  /** Deletes every workshop whose expiry has passed; returns their ids. */
  expire(now: number): Promise<string[]>;
  close(): Promise<void>;
}

/** The workshop was deleted (or expired) between finding it and writing to it. */
export class WorkshopGoneError extends Error {
  constructor(workshopId: string) {
    super(`workshop ${workshopId} no longer exists`);
  }
}

export class CodeTakenError extends Error {
  constructor(code: string) {
    super(`join code ${code} is in use`);
  }
}
