/**
 * One instance's fan-out of a workshop's feed to its open streams. On each notice the hub reads
 * the new items once (after its cursor) and hands them to every stream, whatever their number.
 * Reads are coalesced: notices arriving while a read runs cause one more read, not one each.
 */
import type { FeedItem, WorkshopStore } from '../store/types.ts';
import type { LiveBus, LiveNotice } from './types.ts';

export interface FeedClient {
  /** Called with items in feed order, each once, only after the client's start position. */
  deliver(item: FeedItem): void;
  /** The workshop was deleted (or expired). */
  deleted(): void;
}

interface Attached {
  client: FeedClient;
  /** Last item the client has; null while it is still being sent its snapshot or replay. */
  lastSeq: number | null;
  buffer: FeedItem[];
}

const PAGE = 1000;
/**
 * A safety net under the notices: a notice lost (a publish that failed after its commit, a
 * listening connection that dropped unnoticed) delays an item by at most this long.
 */
const CHECK_EVERY_MS = 5000;

class WorkshopHub {
  private readonly attached = new Set<Attached>();
  private cursor = 0;
  private reading: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;
  /** Attaches under way: the hub stays open for them even while no client is attached yet. */
  private pending = 0;
  private readonly check: NodeJS.Timeout;
  private readonly store: WorkshopStore;
  private readonly workshopId: string;
  private readonly onIdle: () => void;
  readonly ready: Promise<void>;

  constructor(store: WorkshopStore, bus: LiveBus, workshopId: string, onIdle: () => void) {
    this.store = store;
    this.workshopId = workshopId;
    this.onIdle = onIdle;
    // Subscribe first, then read the cursor: a notice in between only causes one extra read.
    this.unsubscribe = bus.subscribe(workshopId, (n) => this.notice(n));
    this.ready = store.workshopById(workshopId).then((w) => {
      this.cursor = w?.seq ?? 0;
    });
    this.check = setInterval(() => this.notice({ workshopId, seq: null }), CHECK_EVERY_MS);
    this.check.unref();
  }

  get size(): number {
    return this.attached.size;
  }

  /**
   * Adds a client. `start` sends it everything up to some feed number (a snapshot or a replay,
   * read after this call) and returns that number; items after it follow from the hub.
   */
  async attach(client: FeedClient, start: () => Promise<number>): Promise<() => void> {
    this.pending++;
    await this.ready.finally(() => this.pending--);
    const entry: Attached = { client, lastSeq: null, buffer: [] };
    this.attached.add(entry);
    const detach = () => {
      if (this.attached.delete(entry) && this.attached.size === 0 && this.pending === 0) this.close();
    };
    try {
      const upTo = await start();
      entry.lastSeq = upTo;
      for (const item of entry.buffer) this.send(entry, item);
      entry.buffer = [];
    } catch (error) {
      detach();
      throw error;
    }
    // A start read after items the hub has not read yet: make sure the hub catches up.
    this.notice({ workshopId: this.workshopId, seq: null });
    return detach;
  }

  private send(entry: Attached, item: FeedItem): void {
    if (entry.lastSeq === null) {
      entry.buffer.push(item);
    } else if (item.seq > entry.lastSeq) {
      entry.lastSeq = item.seq;
      entry.client.deliver(item);
    }
  }

  private notice(n: LiveNotice): void {
    if (n.deleted) {
      for (const entry of [...this.attached]) entry.client.deleted();
      this.attached.clear();
      this.close();
      return;
    }
    if (n.seq !== null && n.seq <= this.cursor) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.read().finally(() => {
      this.reading = null;
      if (this.again) {
        this.again = false;
        this.notice({ workshopId: this.workshopId, seq: null });
      }
    });
  }

  private async read(): Promise<void> {
    await this.ready;
    try {
      for (;;) {
        const items = await this.store.feedSince(this.workshopId, this.cursor, PAGE);
        for (const item of items) {
          this.cursor = item.seq;
          for (const entry of this.attached) this.send(entry, item);
        }
        if (items.length < PAGE) break;
      }
    } catch {
      // The store is unreachable for now; the next notice (or reconnect check) reads again.
      this.again = false;
      setTimeout(() => this.notice({ workshopId: this.workshopId, seq: null }), 1000).unref();
    }
  }

  close(): void {
    clearInterval(this.check);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.onIdle();
  }
}

/** The hubs of one server instance, one per workshop with open streams. */
export class LiveFeeds {
  private readonly hubs = new Map<string, WorkshopHub>();
  private readonly store: WorkshopStore;
  private readonly bus: LiveBus;

  constructor(store: WorkshopStore, bus: LiveBus) {
    this.store = store;
    this.bus = bus;
  }

  attach(workshopId: string, client: FeedClient, start: () => Promise<number>): Promise<() => void> {
    let hub = this.hubs.get(workshopId);
    if (!hub) {
      const created = new WorkshopHub(this.store, this.bus, workshopId, () => {
        if (this.hubs.get(workshopId) === created) this.hubs.delete(workshopId);
      });
      this.hubs.set(workshopId, (hub = created));
    }
    return hub.attach(client, start);
  }

  /** Open streams on this instance (for tests and the health check). */
  get streams(): number {
    let n = 0;
    for (const hub of this.hubs.values()) n += hub.size;
    return n;
  }
}
