/**
 * The workshop store written once in SQL that SQLite and PostgreSQL both run; sqlite.ts and
 * postgres.ts only open connections and run migrations.
 */
import type { EventAck, WorkshopEvent } from '../events.ts';
import { applyEvent } from './progress.ts';
import type { Row, SqlDatabase, SqlRunner } from './sql.ts';
import {
  CodeTakenError,
  WorkshopGoneError,
  type Cell,
  type FeedItem,
  type LearnerRecord,
  type NewWorkshop,
  type StoredEvent,
  type WorkshopPatch,
  type WorkshopRecord,
  type WorkshopSnapshot,
  type WorkshopStore,
} from './types.ts';

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = <T>(v: unknown): T => JSON.parse(String(v)) as T;

function toWorkshop(r: Row): WorkshopRecord {
  return {
    id: String(r.id),
    code: String(r.code),
    title: String(r.title),
    secretHash: String(r.secret_hash),
    exercises: json(r.exercises),
    locked: json(r.locked),
    broadcast: r.broadcast === null ? null : json(r.broadcast),
    endsAt: numOrNull(r.ends_at),
    expiresAt: num(r.expires_at),
    createdAt: num(r.created_at),
    ended: Boolean(r.ended),
    seq: num(r.seq),
  };
}

function toLearner(r: Row): LearnerRecord {
  return {
    id: String(r.id),
    workshopId: String(r.workshop_id),
    name: String(r.name),
    tokenHash: String(r.token_hash),
    joinedAt: num(r.joined_at),
    seq: num(r.seq),
  };
}

function toEvent(r: Row): StoredEvent {
  return {
    seq: num(r.seq),
    learnerId: String(r.learner_id),
    key: String(r.idempotency_key),
    kind: String(r.kind) as StoredEvent['kind'],
    exercise: String(r.exercise),
    payload: json(r.payload),
    receivedAt: num(r.received_at),
  };
}

function toCell(r: Row): Cell {
  const cell: Cell = {
    learnerId: String(r.learner_id),
    exercise: String(r.exercise),
    status: String(r.status) as Cell['status'],
    bestScore: numOrNull(r.best_score),
    lastScore: numOrNull(r.last_score),
    sizeBytes: numOrNull(r.size_bytes),
    finalSizeBytes: numOrNull(r.final_size_bytes),
    hintsUsed: num(r.hints_used),
    timeSpentMs: num(r.time_spent_ms),
    gradedCount: num(r.graded_count),
    failed: json(r.failed),
    rules: json(r.rules),
    stuck: Boolean(r.stuck),
    stuckSeq: numOrNull(r.stuck_seq),
    stuckAt: numOrNull(r.stuck_at),
    updatedAt: num(r.updated_at),
  };
  if ('dockerfile' in r) cell.dockerfile = r.dockerfile === null ? null : String(r.dockerfile);
  return cell;
}

const CELL_COLUMNS =
  'learner_id, exercise, status, best_score, last_score, size_bytes, final_size_bytes, hints_used, time_spent_ms, graded_count, failed, rules, stuck, stuck_seq, stuck_at, updated_at';

export class SqlStore implements WorkshopStore {
  readonly dialect: 'sqlite' | 'postgres';
  protected readonly db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.db = db;
    this.dialect = db.dialect;
  }

  async createWorkshop(w: NewWorkshop): Promise<WorkshopRecord> {
    try {
      await this.db.run(
        `INSERT INTO workshops (id, code, title, secret_hash, exercises, locked, broadcast, ends_at, expires_at, created_at, ended, seq, updated_seq)
         VALUES (?, ?, ?, ?, ?, '[]', NULL, ?, ?, ?, ?, 0, 0)`,
        [w.id, w.code, w.title, w.secretHash, JSON.stringify(w.exercises), w.endsAt, w.expiresAt, w.createdAt, this.db.bool(false)],
      );
    } catch (error) {
      if (this.db.isUniqueViolation(error)) throw new CodeTakenError(w.code);
      throw error;
    }
    return { ...w, locked: [], broadcast: null, ended: false, seq: 0 };
  }

  async workshopByCode(code: string): Promise<WorkshopRecord | null> {
    const [row] = await this.db.all('SELECT * FROM workshops WHERE code = ?', [code]);
    return row ? toWorkshop(row) : null;
  }

  async workshopById(id: string): Promise<WorkshopRecord | null> {
    const [row] = await this.db.all('SELECT * FROM workshops WHERE id = ?', [id]);
    return row ? toWorkshop(row) : null;
  }

  /** Locks the workshop's row until commit and returns its last feed number: the next are ours. */
  private async takeSeq(tx: SqlRunner, workshopId: string): Promise<{ seq: number; row: Row } | null> {
    const [row] = await tx.all(`SELECT * FROM workshops WHERE id = ? ${this.db.forUpdate}`, [workshopId]);
    return row ? { seq: num(row.seq), row } : null;
  }

  async updateWorkshop(id: string, patch: WorkshopPatch): Promise<WorkshopRecord | null> {
    return this.db.transaction(async (tx) => {
      const locked = await this.takeSeq(tx, id);
      if (!locked) return null;
      const current = toWorkshop(locked.row);
      const next: WorkshopRecord = {
        ...current,
        locked: patch.locked ?? current.locked,
        broadcast: patch.broadcast !== undefined ? patch.broadcast : current.broadcast,
        ended: patch.ended ?? current.ended,
        seq: current.seq + 1,
      };
      await tx.run('UPDATE workshops SET locked = ?, broadcast = ?, ended = ?, seq = ?, updated_seq = ? WHERE id = ?', [
        JSON.stringify(next.locked),
        next.broadcast === null ? null : JSON.stringify(next.broadcast),
        this.db.bool(next.ended),
        next.seq,
        next.seq,
        id,
      ]);
      return next;
    });
  }

  async addLearner(l: Omit<LearnerRecord, 'seq'>): Promise<LearnerRecord> {
    return this.db.transaction(async (tx) => {
      const locked = await this.takeSeq(tx, l.workshopId);
      if (!locked) throw new WorkshopGoneError(l.workshopId);
      const seq = locked.seq + 1;
      await tx.run('INSERT INTO learners (id, workshop_id, name, token_hash, joined_at, seq) VALUES (?, ?, ?, ?, ?, ?)', [
        l.id,
        l.workshopId,
        l.name,
        l.tokenHash,
        l.joinedAt,
        seq,
      ]);
      await tx.run('UPDATE workshops SET seq = ? WHERE id = ?', [seq, l.workshopId]);
      return { ...l, seq };
    });
  }

  async learnerByTokenHash(tokenHash: string): Promise<LearnerRecord | null> {
    const [row] = await this.db.all('SELECT * FROM learners WHERE token_hash = ?', [tokenHash]);
    return row ? toLearner(row) : null;
  }

  async learners(workshopId: string): Promise<LearnerRecord[]> {
    return (await this.db.all('SELECT * FROM learners WHERE workshop_id = ? ORDER BY seq', [workshopId])).map(toLearner);
  }

  async recordEvents(workshopId: string, learnerId: string, events: WorkshopEvent[], now: number): Promise<EventAck[]> {
    return this.db.transaction(async (tx) => {
      const locked = await this.takeSeq(tx, workshopId);
      if (!locked) throw new WorkshopGoneError(workshopId);
      let seq = locked.seq;
      const acks: EventAck[] = [];
      const cells = new Map<string, Cell | null>();
      for (const event of events) {
        const { dockerfile: _kept, ...payload } = event.payload as { dockerfile?: string };
        const inserted = await tx.all(
          `INSERT INTO events (workshop_id, seq, learner_id, idempotency_key, kind, exercise, payload, received_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (learner_id, idempotency_key) DO NOTHING
           RETURNING seq`,
          [workshopId, seq + 1, learnerId, event.key, event.kind, event.payload.exercise, JSON.stringify(payload), now],
        );
        if (inserted.length === 0) {
          const [original] = await tx.all('SELECT seq, received_at FROM events WHERE learner_id = ? AND idempotency_key = ?', [
            learnerId,
            event.key,
          ]);
          acks.push({ key: event.key, status: 'duplicate', seq: num(original!.seq), receivedAt: num(original!.received_at) });
          continue;
        }
        seq++;
        acks.push({ key: event.key, status: 'accepted', seq, receivedAt: now });
        const exercise = event.payload.exercise;
        if (!cells.has(exercise)) {
          const [row] = await tx.all(`SELECT ${CELL_COLUMNS}, dockerfile FROM progress WHERE learner_id = ? AND exercise = ?`, [learnerId, exercise]);
          cells.set(exercise, row ? toCell(row) : null);
        }
        cells.set(exercise, applyEvent(cells.get(exercise) ?? null, learnerId, event, seq, now));
      }
      for (const cell of cells.values()) if (cell) await this.saveCell(tx, workshopId, cell);
      if (seq !== locked.seq) await tx.run('UPDATE workshops SET seq = ? WHERE id = ?', [seq, workshopId]);
      return acks;
    });
  }

  private async saveCell(tx: SqlRunner, workshopId: string, c: Cell): Promise<void> {
    await tx.run(
      `INSERT INTO progress (workshop_id, ${CELL_COLUMNS}, dockerfile)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (learner_id, exercise) DO UPDATE SET
         status = excluded.status, best_score = excluded.best_score, last_score = excluded.last_score,
         size_bytes = excluded.size_bytes, final_size_bytes = excluded.final_size_bytes,
         hints_used = excluded.hints_used, time_spent_ms = excluded.time_spent_ms,
         graded_count = excluded.graded_count, failed = excluded.failed, rules = excluded.rules,
         stuck = excluded.stuck, stuck_seq = excluded.stuck_seq, stuck_at = excluded.stuck_at,
         updated_at = excluded.updated_at, dockerfile = excluded.dockerfile`,
      [
        workshopId,
        c.learnerId,
        c.exercise,
        c.status,
        c.bestScore,
        c.lastScore,
        c.sizeBytes,
        c.finalSizeBytes,
        c.hintsUsed,
        c.timeSpentMs,
        c.gradedCount,
        JSON.stringify(c.failed),
        JSON.stringify(c.rules),
        this.db.bool(c.stuck),
        c.stuckSeq,
        c.stuckAt,
        c.updatedAt,
        c.dockerfile ?? null,
      ],
    );
  }

  async cells(workshopId: string): Promise<Cell[]> {
    return (await this.db.all(`SELECT ${CELL_COLUMNS} FROM progress WHERE workshop_id = ? ORDER BY learner_id, exercise`, [workshopId])).map(toCell);
  }

  async cell(workshopId: string, learnerId: string, exercise: string): Promise<Cell | null> {
    const [row] = await this.db.all(`SELECT ${CELL_COLUMNS}, dockerfile FROM progress WHERE workshop_id = ? AND learner_id = ? AND exercise = ?`, [
      workshopId,
      learnerId,
      exercise,
    ]);
    return row ? toCell(row) : null;
  }

  async eventCount(workshopId: string): Promise<number> {
    const [row] = await this.db.all('SELECT COUNT(*) AS n FROM events WHERE workshop_id = ?', [workshopId]);
    return num(row!.n);
  }

  async snapshot(workshopId: string): Promise<WorkshopSnapshot | null> {
    return this.db.transaction(async (tx) => {
      const [workshop] = await tx.all('SELECT * FROM workshops WHERE id = ?', [workshopId]);
      if (!workshop) return null;
      const learners = await tx.all('SELECT * FROM learners WHERE workshop_id = ? ORDER BY seq', [workshopId]);
      const cells = await tx.all(`SELECT ${CELL_COLUMNS} FROM progress WHERE workshop_id = ? ORDER BY learner_id, exercise`, [workshopId]);
      const [count] = await tx.all('SELECT COUNT(*) AS n FROM events WHERE workshop_id = ?', [workshopId]);
      return { workshop: toWorkshop(workshop), learners: learners.map(toLearner), cells: cells.map(toCell), eventCount: num(count!.n) };
    }, 'snapshot');
  }

  async feedSince(workshopId: string, afterSeq: number, limit: number): Promise<FeedItem[]> {
    // One snapshot for the three reads: feed numbers commit in order, so a snapshot holds a
    // prefix of the feed. Separate reads could see learner 102 but not event 101, and a reader
    // that moved its cursor to 102 would never see 101.
    return this.db.transaction((tx) => this.feedIn(tx, workshopId, afterSeq, limit), 'snapshot');
  }

  private async feedIn(tx: SqlRunner, workshopId: string, afterSeq: number, limit: number): Promise<FeedItem[]> {
    const events = await tx.all('SELECT * FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq LIMIT ?', [workshopId, afterSeq, limit]);
    const learners = await tx.all('SELECT * FROM learners WHERE workshop_id = ? AND seq > ? ORDER BY seq LIMIT ?', [workshopId, afterSeq, limit]);
    const [workshop] = await tx.all('SELECT * FROM workshops WHERE id = ? AND updated_seq > ?', [workshopId, afterSeq]);
    const items: FeedItem[] = [
      ...events.map((r): FeedItem => ({ seq: num(r.seq), type: 'event', event: toEvent(r) })),
      ...learners.map((r): FeedItem => {
        const l = toLearner(r);
        return { seq: l.seq, type: 'joined', learner: { id: l.id, name: l.name, joinedAt: l.joinedAt } };
      }),
    ];
    // Only the workshop's latest state is kept: it stands at the number of its last change.
    if (workshop) items.push({ seq: num(workshop.updated_seq), type: 'workshop', workshop: toWorkshop(workshop) });
    items.sort((a, b) => a.seq - b.seq);
    // Cut at `limit` and where the three sources may have a gap (each was cut at `limit` itself).
    const cut = Math.min(
      events.length === limit ? num(events[events.length - 1]!.seq) : Infinity,
      learners.length === limit ? num(learners[learners.length - 1]!.seq) : Infinity,
    );
    return items.filter((i) => i.seq <= cut).slice(0, limit);
  }

  async deleteWorkshop(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Children first, explicitly: correct even where foreign keys are not enforced.
      await tx.run('DELETE FROM progress WHERE workshop_id = ?', [id]);
      await tx.run('DELETE FROM events WHERE workshop_id = ?', [id]);
      await tx.run('DELETE FROM learners WHERE workshop_id = ?', [id]);
      const { changes } = await tx.run('DELETE FROM workshops WHERE id = ?', [id]);
      return changes > 0;
    });
  }

  async expire(now: number): Promise<string[]> {
    const rows = await this.db.all('SELECT id FROM workshops WHERE expires_at <= ?', [now]);
    const ids = rows.map((r) => String(r.id));
    for (const id of ids) await this.deleteWorkshop(id);
    return ids;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
