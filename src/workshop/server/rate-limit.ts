/**
 * Token buckets: each key (a learner, an address) may spend `capacity` requests at once and
 * earns `perSecond` back. Buckets idle long enough to be full again are forgotten.
 */
export interface BucketSpec {
  capacity: number;
  perSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly spec: BucketSpec;
  private readonly now: () => number;

  constructor(spec: BucketSpec, now: () => number = Date.now) {
    this.spec = spec;
    this.now = now;
  }

  /** Takes one token for `key`; returns 0 if allowed, else the seconds until a token is earned. */
  take(key: string): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.spec.capacity, at: now };
    b.tokens = Math.min(this.spec.capacity, b.tokens + ((now - b.at) / 1000) * this.spec.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / this.spec.perSecond);
  }

  /** Forgets buckets that have refilled; call now and then to bound memory. */
  prune(): void {
    const now = this.now();
    const fullAfterMs = (this.spec.capacity / this.spec.perSecond) * 1000;
    for (const [key, b] of this.buckets) if (now - b.at > fullAfterMs) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}

/**
 * The limits, per request. Defaults suit a class of 500 behind one school NAT: they stop a
 * flood, not a class. `scale` multiplies every rate (LAYERWISE_RATE_SCALE, for load tests).
 */
export function defaultLimits(scale = 1) {
  const s = (capacity: number, perSecond: number): BucketSpec => ({ capacity: capacity * scale, perSecond: perSecond * scale });
  return {
    /** Every API request, per client address. */
    address: s(1200, 400),
    /** Creating workshops, per address: a few per hour is a real instructor. */
    create: s(10, 1 / 60),
    /** Joining, per address: a class joining in a minute behind one NAT. */
    join: s(200, 20),
    /** Event batches and other learner requests, per learner: one every 2 s or so, bursts after a reconnect. */
    learner: s(30, 2),
  };
}
export type Limits = ReturnType<typeof defaultLimits>;
