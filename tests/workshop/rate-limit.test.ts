import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/workshop/server/rate-limit.ts';

describe('RateLimiter (token bucket)', () => {
  it('allows a burst of `capacity`, then one per 1/perSecond, per key', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, perSecond: 0.5 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 2]);
    expect(limiter.take('b')).toBe(0);
    now += 2000;
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 2]);
  });

  it('forgets buckets that have refilled', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, perSecond: 1 }, () => now);
    limiter.take('a');
    now += 1000;
    limiter.take('b');
    now += 1500;
    limiter.prune();
    expect(limiter.size).toBe(1);
  });
});
