/**
 * Live fan-out between the writers of a workshop's feed and the streams that show it. A notice
 * only says "workshop W has reached feed number N" (or was deleted); the receiving instance reads
 * the new items from the store after its own cursor. Notices can thus be small (PostgreSQL's
 * NOTIFY payload is limited to 8000 bytes), coalesced, or lost and resent without losing items.
 */
export interface LiveNotice {
  workshopId: string;
  /** The feed number reached; null asks listeners to check the store (after a reconnect). */
  seq: number | null;
  deleted?: boolean;
}

export type LiveListener = (notice: LiveNotice) => void;

export interface LiveBus {
  /** Tells every instance (this one included) about a change that is committed. */
  publish(notice: LiveNotice): Promise<void>;
  /** Listens for notices about one workshop; returns the function that stops listening. */
  subscribe(workshopId: string, listener: LiveListener): () => void;
  close(): Promise<void>;
}

/** Per-workshop listener sets, shared by the bus implementations. */
export class ListenerMap {
  private readonly map = new Map<string, Set<LiveListener>>();

  add(workshopId: string, listener: LiveListener): () => void {
    let set = this.map.get(workshopId);
    if (!set) this.map.set(workshopId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.map.get(workshopId) === set) this.map.delete(workshopId);
    };
  }

  emit(notice: LiveNotice): void {
    for (const listener of [...(this.map.get(notice.workshopId) ?? [])]) listener(notice);
  }

  /** Every workshop with listeners: after a reconnect, each must check for missed items. */
  workshops(): string[] {
    return [...this.map.keys()];
  }
}
