/**
 * What a workshop does, apart from HTTP: create, join, record events, presenter controls,
 * export, delete, expire. Every change that a stream must show is published on the live bus
 * after its transaction commits.
 */
import { randomUUID } from 'node:crypto';
import type { EventAck } from './events.ts';
import { HttpError } from './errors.ts';
import { LIMITS } from './limits.ts';
import type { LiveBus } from './live/types.ts';
import { hashSecret, newJoinCode, newSecret, normalizeJoinCode, secretMatches } from './secrets.ts';
import { CodeTakenError, type Cell, type LearnerRecord, type WorkshopRecord, type WorkshopStore } from './store/types.ts';
import { eventBatch, exerciseId, isObject, text } from './validate.ts';
import { exportRows, isEnded, presenterState, workshopView, type ExportRow, type PresenterState, type WorkshopView } from './views.ts';

export interface ServiceOptions {
  /** How long a workshop and all its data are kept after creation. */
  ttlMs: number;
  now?: () => number;
}

export interface CreatedWorkshop {
  code: string;
  /** Shown once: only its hash is stored. */
  presenterSecret: string;
  workshop: WorkshopView;
}

export interface Joined {
  token: string;
  learner: { id: string; name: string };
  workshop: WorkshopView;
}

export class WorkshopService {
  readonly store: WorkshopStore;
  readonly bus: LiveBus;
  private readonly ttlMs: number;
  readonly now: () => number;

  constructor(store: WorkshopStore, bus: LiveBus, options: ServiceOptions) {
    this.store = store;
    this.bus = bus;
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
  }

  async create(body: unknown): Promise<CreatedWorkshop> {
    if (!isObject(body)) throw new HttpError(400, 'the body must be a JSON object');
    const title = text(body.title, 'title', LIMITS.titleChars);
    if (!Array.isArray(body.exercises) || body.exercises.length === 0) throw new HttpError(400, 'exercises must be a non-empty array of exercise ids');
    if (body.exercises.length > LIMITS.exercisesPerWorkshop) {
      throw new HttpError(400, `exercises lists ${body.exercises.length}; the limit is ${LIMITS.exercisesPerWorkshop}`);
    }
    const exercises = body.exercises.map((e, i) => exerciseId(e, `exercises[${i}]`));
    if (new Set(exercises).size !== exercises.length) throw new HttpError(400, 'exercises must not repeat an exercise');
    const now = this.now();
    const expiresAt = now + this.ttlMs;
    let endsAt: number | null = null;
    if (body.endsAt !== undefined && body.endsAt !== null) {
      endsAt = typeof body.endsAt === 'string' ? Date.parse(body.endsAt) : typeof body.endsAt === 'number' ? body.endsAt : NaN;
      if (!Number.isFinite(endsAt)) throw new HttpError(400, 'endsAt must be an ISO 8601 time or epoch milliseconds');
      if (endsAt <= now) throw new HttpError(400, 'endsAt must be in the future');
      if (endsAt > expiresAt) throw new HttpError(400, `endsAt must be before the workshop expires (${new Date(expiresAt).toISOString()})`);
    }
    const presenterSecret = newSecret();
    for (let attempt = 0; ; attempt++) {
      try {
        const w = await this.store.createWorkshop({
          id: randomUUID(),
          code: newJoinCode(),
          title,
          secretHash: hashSecret(presenterSecret),
          exercises,
          endsAt,
          expiresAt,
          createdAt: now,
        });
        return { code: w.code, presenterSecret, workshop: workshopView(w, now) };
      } catch (error) {
        // 30^6 codes: a collision is rare, several in a row mean something else is wrong.
        if (!(error instanceof CodeTakenError) || attempt >= 8) throw error;
      }
    }
  }

  /** The workshop a code names, or 404. */
  async find(rawCode: string): Promise<WorkshopRecord> {
    const code = normalizeJoinCode(rawCode);
    const w = code ? await this.store.workshopByCode(code) : null;
    if (!w || w.expiresAt <= this.now()) throw new HttpError(404, `no workshop with code ${JSON.stringify(rawCode.slice(0, 20))}`);
    return w;
  }

  /** The workshop, if `secret` is its presenter secret: 401 without one, 403 with a wrong one. */
  async asPresenter(rawCode: string, secret: string | null): Promise<WorkshopRecord> {
    const w = await this.find(rawCode);
    if (!secret) throw new HttpError(401, 'this route needs the presenter secret (Authorization: Bearer <secret>)', { 'WWW-Authenticate': 'Bearer' });
    if (!secretMatches(secret, w.secretHash)) throw new HttpError(403, 'wrong presenter secret for this workshop');
    return w;
  }

  async asLearner(rawCode: string, token: string | null): Promise<{ workshop: WorkshopRecord; learner: LearnerRecord }> {
    const w = await this.find(rawCode);
    if (!token) throw new HttpError(401, 'this route needs the learner token from joining (Authorization: Bearer <token>)', { 'WWW-Authenticate': 'Bearer' });
    const learner = token.length <= 64 ? await this.store.learnerByTokenHash(hashSecret(token)) : null;
    if (!learner || learner.workshopId !== w.id) throw new HttpError(403, 'this learner token does not belong to this workshop');
    return { workshop: w, learner };
  }

  private writable(w: WorkshopRecord): void {
    if (isEnded(w, this.now())) throw new HttpError(409, 'the workshop has ended; it is read-only');
  }

  async join(rawCode: string, body: unknown): Promise<Joined> {
    const w = await this.find(rawCode);
    this.writable(w);
    if (!isObject(body)) throw new HttpError(400, 'the body must be a JSON object');
    const name = text(body.name, 'name', LIMITS.nameChars);
    const token = newSecret();
    const learner = await this.store.addLearner({ id: randomUUID(), workshopId: w.id, name, tokenHash: hashSecret(token), joinedAt: this.now() });
    await this.publish(w.id, learner.seq);
    return { token, learner: { id: learner.id, name }, workshop: workshopView(w, this.now()) };
  }

  async learnerView(rawCode: string, token: string | null): Promise<{ learner: { id: string; name: string }; workshop: WorkshopView; progress: Cell[] }> {
    const { workshop, learner } = await this.asLearner(rawCode, token);
    const cells = (await this.store.cells(workshop.id)).filter((c) => c.learnerId === learner.id);
    return { learner: { id: learner.id, name: learner.name }, workshop: workshopView(workshop, this.now()), progress: cells };
  }

  /** Records a learner's batch (authenticated with asLearner before its body was read). */
  async record(workshop: WorkshopRecord, learner: LearnerRecord, body: unknown): Promise<EventAck[]> {
    this.writable(workshop);
    const events = eventBatch(body, new Set(workshop.exercises));
    const acks = await this.store.recordEvents(workshop.id, learner.id, events, this.now());
    const last = Math.max(0, ...acks.filter((a) => a.status === 'accepted').map((a) => a.seq));
    if (last > 0) await this.publish(workshop.id, last);
    return acks;
  }

  async state(w: WorkshopRecord): Promise<PresenterState> {
    const snap = await this.store.snapshot(w.id);
    if (!snap) throw new HttpError(404, 'the workshop was deleted');
    return presenterState(snap.workshop, snap.learners, snap.cells, snap.eventCount, this.now());
  }

  async setLock(w: WorkshopRecord, body: unknown, locked: boolean): Promise<WorkshopView> {
    this.writable(w);
    if (!isObject(body)) throw new HttpError(400, 'the body must be {"exercise": "<id>"}');
    const exercise = exerciseId(body.exercise, 'exercise');
    if (!w.exercises.includes(exercise)) throw new HttpError(422, `"${exercise}" is not an exercise of this workshop`);
    const set = new Set(w.locked);
    if (locked) set.add(exercise);
    else set.delete(exercise);
    return this.update(w, { locked: w.exercises.filter((e) => set.has(e)) });
  }

  async broadcast(w: WorkshopRecord, body: unknown): Promise<WorkshopView> {
    this.writable(w);
    if (!isObject(body)) throw new HttpError(400, 'the body must be {"message": "...", "countdownSeconds": n}');
    const message = text(body.message ?? '', 'message', LIMITS.broadcastChars, true);
    const seconds = body.countdownSeconds;
    if (seconds !== undefined && seconds !== null && (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds * 1000 > LIMITS.countdownMs)) {
      throw new HttpError(400, `countdownSeconds must be a whole number from 1 to ${LIMITS.countdownMs / 1000}`);
    }
    const now = this.now();
    const countdownEndsAt = typeof seconds === 'number' ? now + seconds * 1000 : null;
    // An empty message without a countdown clears the broadcast.
    return this.update(w, { broadcast: message === '' && countdownEndsAt === null ? null : { message, countdownEndsAt, at: now } });
  }

  async end(w: WorkshopRecord): Promise<WorkshopView> {
    if (w.ended) return workshopView(w, this.now());
    return this.update(w, { ended: true, broadcast: null });
  }

  private async update(w: WorkshopRecord, patch: Parameters<WorkshopStore['updateWorkshop']>[1]): Promise<WorkshopView> {
    const updated = await this.store.updateWorkshop(w.id, patch);
    if (!updated) throw new HttpError(404, 'the workshop was deleted');
    await this.publish(w.id, updated.seq);
    return workshopView(updated, this.now());
  }

  async remove(w: WorkshopRecord): Promise<void> {
    await this.store.deleteWorkshop(w.id);
    await this.bus.publish({ workshopId: w.id, seq: null, deleted: true }).catch(() => undefined);
  }

  async exportRows(w: WorkshopRecord): Promise<ExportRow[]> {
    const snap = await this.store.snapshot(w.id);
    if (!snap) throw new HttpError(404, 'the workshop was deleted');
    return exportRows(snap.workshop, snap.learners, snap.cells);
  }

  /** One learner's latest submission on an exercise, without their name, for the projector. */
  async spotlight(w: WorkshopRecord, learnerId: string | null, exercise: string | null) {
    if (!learnerId || !exercise) throw new HttpError(400, 'spotlight needs ?learner=<id>&exercise=<id>');
    const cell = learnerId.length <= 64 ? await this.store.cell(w.id, learnerId, exerciseId(exercise, 'exercise')) : null;
    if (!cell) throw new HttpError(404, 'no submission from this learner on this exercise');
    return { exercise: cell.exercise, status: cell.status, score: cell.lastScore, sizeBytes: cell.sizeBytes, dockerfile: cell.dockerfile ?? null };
  }

  /** Deletes expired workshops and closes their streams; returns how many. */
  async sweep(): Promise<number> {
    const ids = await this.store.expire(this.now());
    for (const workshopId of ids) await this.bus.publish({ workshopId, seq: null, deleted: true }).catch(() => undefined);
    return ids.length;
  }

  /**
   * After a commit. A failed publish is not the writer's failure: the change is stored, and
   * streams catch up on the next notice, since they read by feed number.
   */
  private async publish(workshopId: string, seq: number): Promise<void> {
    await this.bus.publish({ workshopId, seq }).catch(() => undefined);
  }
}
