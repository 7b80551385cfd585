/**
 * Checks on untrusted input, each failing with a message that says what was wrong and what the
 * limit is. The HTTP layer turns an HttpError into a 4xx JSON answer, so bad input never reaches
 * the store and never becomes a 500.
 */
import { EVENT_KINDS, type EventKind, type GradedEvent, type WorkshopEvent } from './events.ts';
import { HttpError } from './errors.ts';
import { LIMITS } from './limits.ts';


const fail = (message: string, status = 400): never => {
  throw new HttpError(status, message);
};

// C0/C1 controls and the bidirectional overrides that can make a name display as something else.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// In a Dockerfile, tab and line breaks are text.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const ID = /^[a-z0-9][a-z0-9._-]*$/;
const KEY = /^[A-Za-z0-9_-]{8,64}$/;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A single-line text typed by a person: trimmed, non-empty, no control characters, bounded. */
export function text(value: unknown, field: string, maxChars: number, optional = false): string {
  if (value === undefined && optional) return '';
  if (typeof value !== 'string') return fail(`${field} must be a string`);
  const trimmed = value.trim();
  if (trimmed === '' && !optional) return fail(`${field} must not be empty`);
  if (CONTROL.test(trimmed)) return fail(`${field} must not contain control characters`);
  const chars = [...trimmed].length;
  if (chars > maxChars) return fail(`${field} is ${chars} characters; the limit is ${maxChars}`);
  return trimmed;
}

export function exerciseId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > LIMITS.exerciseIdChars || !ID.test(value)) {
    return fail(`${field} must be an exercise id (lower-case letters, digits, '.', '_', '-'; at most ${LIMITS.exerciseIdChars} characters)`);
  }
  return value;
}

function count(value: unknown, field: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    return fail(`${field} must be a whole number from 0 to ${max}`);
  }
  return value;
}

function idList(value: unknown, field: string, optional: boolean): string[] | undefined {
  if (value === undefined && optional) return undefined;
  if (!Array.isArray(value)) return fail(`${field} must be an array of ids`);
  if (value.length > LIMITS.idsPerList) return fail(`${field} lists ${value.length} ids; the limit is ${LIMITS.idsPerList}`);
  return value.map((id, i) => {
    if (typeof id !== 'string' || id.length === 0 || id.length > 64 || CONTROL.test(id)) {
      return fail(`${field}[${i}] must be an id of 1 to 64 characters without control characters`);
    }
    return id;
  });
}

export function dockerfile(value: unknown, field: string): string {
  if (typeof value !== 'string') return fail(`${field} must be a string`);
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > LIMITS.dockerfileBytes) {
    return fail(`${field} is ${bytes} bytes; the limit is ${LIMITS.dockerfileBytes} (64 KB)`, 413);
  }
  if (CONTROL_IN_TEXT.test(value)) return fail(`${field} must not contain control characters other than tab and line breaks`);
  return value;
}

function graded(value: unknown, field: string, exercises: ReadonlySet<string>): GradedEvent {
  if (!isObject(value)) return fail(`${field} must be an object`);
  const exercise = exerciseId(value.exercise, `${field}.exercise`);
  if (!exercises.has(exercise)) fail(`${field}.exercise "${exercise}" is not an exercise of this workshop`, 422);
  const score = value.score;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1) {
    fail(`${field}.score must be a number from 0 to 1`);
  }
  const event: GradedEvent = {
    exercise,
    score: score as number,
    passed: idList(value.passed, `${field}.passed`, false)!,
    sizeBytes: count(value.sizeBytes, `${field}.sizeBytes`),
    hintsUsed: count(value.hintsUsed, `${field}.hintsUsed`, 1000),
    timeSpentMs: count(value.timeSpentMs, `${field}.timeSpentMs`),
  };
  const failed = idList(value.failed, `${field}.failed`, true);
  if (failed) event.failed = failed;
  const rules = idList(value.rules, `${field}.rules`, true);
  if (rules) event.rules = rules;
  if (value.dockerfile !== undefined) event.dockerfile = dockerfile(value.dockerfile, `${field}.dockerfile`);
  return event;
}

/** One event of a learner's batch, checked against the workshop's exercises. */
export function workshopEvent(value: unknown, field: string, exercises: ReadonlySet<string>): WorkshopEvent {
  if (!isObject(value)) return fail(`${field} must be an object`);
  const { key, kind, payload } = value;
  if (typeof key !== 'string' || !KEY.test(key)) fail(`${field}.key must be 8 to 64 characters of A-Z, a-z, 0-9, '_' or '-'`);
  if (typeof kind !== 'string' || !EVENT_KINDS.includes(kind as EventKind)) {
    fail(`${field}.kind must be one of ${EVENT_KINDS.join(', ')}`);
  }
  if (kind === 'graded') return { key: key as string, kind, payload: graded(payload, `${field}.payload`, exercises) };
  if (!isObject(payload)) return fail(`${field}.payload must be an object`);
  const exercise = exerciseId(payload.exercise, `${field}.payload.exercise`);
  if (!exercises.has(exercise)) fail(`${field}.payload.exercise "${exercise}" is not an exercise of this workshop`, 422);
  return { key: key as string, kind: kind as 'stuck' | 'unstuck' | 'done', payload: { exercise } };
}

export function eventBatch(value: unknown, exercises: ReadonlySet<string>): WorkshopEvent[] {
  if (!isObject(value) || !Array.isArray(value.events)) return fail('the body must be {"events": [...]}');
  const events = value.events;
  if (events.length === 0) return fail('events must not be empty');
  if (events.length > LIMITS.eventsPerBatch) {
    return fail(`the batch has ${events.length} events; the limit is ${LIMITS.eventsPerBatch}`, 413);
  }
  return events.map((event, i) => workshopEvent(event, `events[${i}]`, exercises));
}
