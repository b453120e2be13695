import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows count uses per window per key, then says how long to wait', () => {
    const limiter = new RateLimiter({ count: 2, perMs: 10_000 });
    expect(limiter.take('a', 0)).toEqual({ ok: true });
    expect(limiter.take('a', 1000)).toEqual({ ok: true });
    expect(limiter.take('a', 2000)).toEqual({ ok: false, retryAfterMs: 8000 });
    expect(limiter.take('b', 2000)).toEqual({ ok: true });
    expect(limiter.take('a', 10_000)).toEqual({ ok: true });
  });
});
