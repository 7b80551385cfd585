/**
 * Fan-out between server instances through PostgreSQL's LISTEN/NOTIFY. Each instance keeps one
 * dedicated connection that LISTENs on one channel; NOTIFY is sent on the pool. NOTIFY is
 * delivered only after commit, and the store publishes after its transaction commits, so a
 * notice never arrives before the items it announces are readable.
 *
 * If the listening connection drops, notices sent meanwhile are gone; after reconnecting, the bus
 * asks every listener to check the store (seq: null), which reads whatever it missed.
 */
import pg from 'pg';
import { ListenerMap, type LiveBus, type LiveListener, type LiveNotice } from './types.ts';

export const CHANNEL = 'layerwise_workshop';

export class PostgresBus implements LiveBus {
  private readonly listeners = new ListenerMap();
  private readonly pool: pg.Pool;
  private readonly connectionString: string;
  private client: pg.Client | null = null;
  private closed = false;
  private retryMs = 100;

  private constructor(connectionString: string) {
    this.connectionString = connectionString;
    this.pool = new pg.Pool({ connectionString, max: 2 });
    this.pool.on('error', () => undefined);
  }

  static async connect(connectionString: string): Promise<PostgresBus> {
    const bus = new PostgresBus(connectionString);
    await bus.listen();
    return bus;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        const p = JSON.parse(msg.payload) as { w: string; s: number | null; d?: 1 };
        this.listeners.emit({ workshopId: p.w, seq: p.s, deleted: p.d === 1 });
      } catch {
        // Not ours: another program may NOTIFY on the channel; ignore what we cannot read.
      }
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
    this.retryMs = 100;
  }

  private reconnect(broken: pg.Client): void {
    if (this.closed || this.client !== broken) return;
    this.client = null;
    broken.removeAllListeners('end');
    broken.end().catch(() => undefined);
    const attempt = () => {
      if (this.closed) return;
      this.listen().then(
        () => {
          for (const workshopId of this.listeners.workshops()) this.listeners.emit({ workshopId, seq: null });
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, 5000);
          setTimeout(attempt, this.retryMs).unref();
        },
      );
    };
    setTimeout(attempt, this.retryMs).unref();
  }

  async publish(notice: LiveNotice): Promise<void> {
    const payload = JSON.stringify({ w: notice.workshopId, s: notice.seq, ...(notice.deleted ? { d: 1 } : {}) });
    await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
  }

  subscribe(workshopId: string, listener: LiveListener): () => void {
    return this.listeners.add(workshopId, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
    await this.pool.end();
  }
}
