export type Channel = 'email' | 'webhook';

export interface Notification {
  id: number;
  channel: Channel;
  to: string;
  subject: string;
  attempts: number;
  state: 'queued' | 'sent' | 'failed';
}

/** An in-memory queue with retries; a real deployment would back it with a database. */
export class Queue {
  #items: Notification[] = [];
  #nextId = 1;

  constructor(private readonly maxAttempts = 3) {}

  add(channel: Channel, to: string, subject: string): Notification {
    const n: Notification = { id: this.#nextId++, channel, to, subject, attempts: 0, state: 'queued' };
    this.#items.push(n);
    return n;
  }

  /** Tries every queued notification once with `send`; failures stay queued until maxAttempts. */
  async drain(send: (n: Notification) => Promise<void>): Promise<void> {
    for (const n of this.#items.filter((i) => i.state === 'queued')) {
      n.attempts++;
      try {
        await send(n);
        n.state = 'sent';
      } catch {
        if (n.attempts >= this.maxAttempts) n.state = 'failed';
      }
    }
  }

  list(): readonly Notification[] {
    return this.#items;
  }
}
