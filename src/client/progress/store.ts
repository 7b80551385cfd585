/**
 * The learner's progress, kept in the browser: text per exercise, completion, hints used.
 * A versioned schema with migrations, so a new deploy reads what an old one wrote; every failure
 * of the storage (corrupted JSON, quota, blocked in a third-party iframe) becomes a notice and
 * the work stays in memory, never a crash and never lost. DOM-free apart from the Storage
 * interface, so it is tested in Node.
 */

export const STORAGE_KEY = 'layerwise:progress';
export const BACKUP_KEY = 'layerwise:progress:unreadable';
export const SCHEMA_VERSION = 2;

export interface ExerciseProgress {
  dockerfile: string;
  dockerignore?: string;
  completed: boolean;
  /** Hints opened, per objective id. */
  hints: Record<string, number>;
  /** Epoch ms of the last change, to tell which tab wrote last. */
  updatedAt: number;
}

export interface ProgressData {
  version: typeof SCHEMA_VERSION;
  exercises: Record<string, ExerciseProgress>;
}

/** The subset of the Web Storage API the store needs. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type Notice = { kind: 'unreadable' | 'not-saved' | 'unavailable'; message: string };

/** Version 1 (the first release): texts and completed ids only. */
interface ProgressV1 {
  version: 1;
  texts: Record<string, string>;
  completed: string[];
}

const MIGRATIONS: Record<number, (data: any) => unknown> = {
  1: (v1: ProgressV1): ProgressData => ({
    version: 2,
    exercises: Object.fromEntries(
      Object.entries(v1.texts ?? {}).map(([id, dockerfile]) => [id, { dockerfile, completed: (v1.completed ?? []).includes(id), hints: {}, updatedAt: 0 }]),
    ),
  }),
};

function empty(): ProgressData {
  return { version: SCHEMA_VERSION, exercises: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps only well-formed entries: one bad exercise must not cost the others. */
function sanitize(data: unknown): ProgressData | null {
  if (!isRecord(data) || data.version !== SCHEMA_VERSION || !isRecord(data.exercises)) return null;
  const exercises: Record<string, ExerciseProgress> = {};
  for (const [id, entry] of Object.entries(data.exercises)) {
    if (!isRecord(entry) || typeof entry.dockerfile !== 'string') continue;
    exercises[id] = {
      dockerfile: entry.dockerfile,
      ...(typeof entry.dockerignore === 'string' ? { dockerignore: entry.dockerignore } : {}),
      completed: entry.completed === true,
      hints: isRecord(entry.hints) ? Object.fromEntries(Object.entries(entry.hints).filter(([, n]) => typeof n === 'number')) as Record<string, number> : {},
      updatedAt: typeof entry.updatedAt === 'number' ? entry.updatedAt : 0,
    };
  }
  return { version: SCHEMA_VERSION, exercises };
}

/** Parses stored text, migrating older versions; null when it cannot be read. */
export function readProgress(text: string | null): { data: ProgressData; readable: boolean } {
  if (text === null) return { data: empty(), readable: true };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { data: empty(), readable: false };
  }
  for (let guard = 0; isRecord(value) && typeof value.version === 'number' && value.version < SCHEMA_VERSION && guard < 10; guard++) {
    const migrate = MIGRATIONS[value.version];
    if (!migrate) break;
    value = migrate(value);
  }
  const data = sanitize(value);
  return data ? { data, readable: true } : { data: empty(), readable: false };
}

export class ProgressStore {
  private data: ProgressData;
  private readonly storage: StorageLike | null;
  private readonly notify: (notice: Notice) => void;
  private readonly now: () => number;

  constructor(storage: StorageLike | null, notify: (notice: Notice) => void = () => {}, now: () => number = Date.now) {
    this.storage = storage;
    this.notify = notify;
    this.now = now;
    this.data = this.read();
  }

  /** Whether progress survives a reload here (false when storage is blocked or failing). */
  persistent = true;

  private read(): ProgressData {
    if (!this.storage) {
      this.persistent = false;
      this.notify({ kind: 'unavailable', message: 'This browser does not let the page store anything, so your progress is kept only until you leave the page.' });
      return empty();
    }
    let text: string | null;
    try {
      text = this.storage.getItem(STORAGE_KEY);
    } catch {
      this.persistent = false;
      this.notify({ kind: 'unavailable', message: 'Storage is blocked here (a private window or an embedded page), so your progress is kept only until you leave the page.' });
      return empty();
    }
    const { data, readable } = readProgress(text);
    if (!readable && text !== null) {
      try {
        this.storage.setItem(BACKUP_KEY, text);
      } catch {
        // the backup is best effort; the notice below still tells the learner
      }
      this.notify({ kind: 'unreadable', message: 'Your saved progress could not be read, so this page starts fresh. The unreadable copy is kept in the browser under "layerwise:progress:unreadable".' });
    }
    return data;
  }

  private write(): void {
    if (!this.storage || !this.persistent) return;
    try {
      this.storage.setItem(STORAGE_KEY, JSON.stringify(this.data));
    } catch (error) {
      const full = error instanceof Error && /quota/i.test(`${error.name} ${error.message}`);
      this.notify({
        kind: 'not-saved',
        message: full
          ? 'The browser’s storage for this site is full, so your latest changes are not saved. They stay on this page until you leave it; copy your Dockerfile if it matters.'
          : 'Your latest changes could not be saved. They stay on this page until you leave it.',
      });
    }
  }

  get(id: string): ExerciseProgress | undefined {
    return this.data.exercises[id];
  }

  all(): Readonly<Record<string, ExerciseProgress>> {
    return this.data.exercises;
  }

  saveFiles(id: string, files: { dockerfile: string; dockerignore?: string }): void {
    const previous = this.data.exercises[id];
    this.data.exercises[id] = {
      completed: previous?.completed ?? false,
      hints: previous?.hints ?? {},
      ...files,
      updatedAt: this.now(),
    };
    this.write();
  }

  markCompleted(id: string, files: { dockerfile: string; dockerignore?: string }): void {
    this.saveFiles(id, files);
    this.data.exercises[id]!.completed = true;
    this.write();
  }

  useHint(id: string, objective: string, files: { dockerfile: string; dockerignore?: string }): number {
    if (!this.data.exercises[id]) this.saveFiles(id, files);
    const entry = this.data.exercises[id]!;
    entry.hints[objective] = (entry.hints[objective] ?? 0) + 1;
    entry.updatedAt = this.now();
    this.write();
    return entry.hints[objective]!;
  }

  /** Back to the starter: the text is replaced, completion and hints stay (they happened). */
  resetFiles(id: string, starter: { dockerfile: string; dockerignore?: string }): void {
    const entry = this.data.exercises[id];
    if (!entry) return;
    if (!entry.completed && Object.keys(entry.hints).length === 0) {
      delete this.data.exercises[id];
      this.write();
      return;
    }
    this.saveFiles(id, starter);
  }

  /**
   * Another tab wrote the progress (a `storage` event). Takes its data and returns the ids
   * whose entries changed, so the page can offer to load the other tab's text instead of
   * overwriting it silently.
   */
  applyExternal(key: string | null, newValue: string | null): string[] {
    if (key !== STORAGE_KEY && key !== null) return [];
    const before = this.data.exercises;
    const { data, readable } = readProgress(newValue);
    if (!readable) return [];
    this.data = data;
    const ids = new Set([...Object.keys(before), ...Object.keys(data.exercises)]);
    return [...ids].filter((id) => JSON.stringify(before[id]) !== JSON.stringify(data.exercises[id]));
  }
}
