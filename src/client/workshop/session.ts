/**
 * The learner's place in a workshop, kept in localStorage so a reload, another exercise page or
 * a browser restart keeps the same learner (no account: the token is the identity). One entry
 * per join code; the outbox of unsent events lives beside it.
 */
import type { QueueStorage } from '../../workshop/client/event-queue.ts';

export interface LearnerSession {
  code: string;
  token: string;
  learnerId: string;
  name: string;
  title: string;
}

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'layerwise:workshop:';
const sessionKey = (code: string) => `${PREFIX}${code}`;
const outboxKey = (code: string) => `${PREFIX}${code}:outbox`;

/** What a person typed as a join code, in the server's canonical form (upper case, no spaces or dashes). */
export function canonicalCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function loadSession(storage: KeyValue | null, code: string): LearnerSession | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(sessionKey(canonicalCode(code)));
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<LearnerSession>;
    if (typeof s.code !== 'string' || typeof s.token !== 'string' || typeof s.learnerId !== 'string' || typeof s.name !== 'string') return null;
    return { code: s.code, token: s.token, learnerId: s.learnerId, name: s.name, title: typeof s.title === 'string' ? s.title : '' };
  } catch {
    return null;
  }
}

/** Saves the session; false when storage is blocked or full (the page then warns). */
export function saveSession(storage: KeyValue | null, session: LearnerSession): boolean {
  if (!storage) return false;
  try {
    storage.setItem(sessionKey(session.code), JSON.stringify(session));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the learner and any unsent events (the workshop was deleted, or they leave it). */
export function clearSession(storage: KeyValue | null, code: string): void {
  if (!storage) return;
  try {
    storage.removeItem(sessionKey(code));
    storage.removeItem(outboxKey(code));
  } catch {
    // Blocked storage holds nothing to clear.
  }
}

/** The outbox's persistence: a full or blocked storage keeps the queue in memory only. */
export function outboxStorage(storage: KeyValue | null, code: string): QueueStorage | undefined {
  if (!storage) return undefined;
  return {
    load: () => {
      try {
        return storage.getItem(outboxKey(code));
      } catch {
        return null;
      }
    },
    save: (value) => {
      try {
        storage.setItem(outboxKey(code), value);
      } catch {
        // Kept in memory; the events are still sent while the page is open.
      }
    },
  };
}
