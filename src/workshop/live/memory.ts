/** The in-process bus: enough for one server instance (the SQLite store). */
import { ListenerMap, type LiveBus, type LiveListener, type LiveNotice } from './types.ts';

export class MemoryBus implements LiveBus {
  private readonly listeners = new ListenerMap();

  async publish(notice: LiveNotice): Promise<void> {
    // Asynchronously, as NOTIFY would: a publisher never runs its listeners inside its own call.
    queueMicrotask(() => this.listeners.emit(notice));
  }

  subscribe(workshopId: string, listener: LiveListener): () => void {
    return this.listeners.add(workshopId, listener);
  }

  async close(): Promise<void> {}
}
