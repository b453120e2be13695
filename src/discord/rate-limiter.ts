/** The outcome of asking for a slot: allowed, or how long until the oldest use leaves the window. */
export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * A sliding-window limit per key (a user id): at most `count` uses in any `perMs` milliseconds. In
 * memory on purpose: it protects this process, and a restart forgiving everyone is harmless.
 */
export class RateLimiter {
  private readonly uses = new Map<string, number[]>();

  constructor(private readonly limit: { count: number; perMs: number }) {}

  take(key: string, now: number): RateDecision {
    const recent = (this.uses.get(key) ?? []).filter((t) => now - t < this.limit.perMs);
    if (recent.length >= this.limit.count) {
      this.uses.set(key, recent);
      return { ok: false, retryAfterMs: this.limit.perMs - (now - recent[0]!) };
    }
    recent.push(now);
    this.uses.set(key, recent);
    if (this.uses.size > 10_000) this.forgetIdle(now);
    return { ok: true };
  }

  /** Drops keys with no use inside the window, so the map does not grow with every user ever seen. */
  private forgetIdle(now: number): void {
    for (const [key, times] of this.uses) if (times.every((t) => now - t >= this.limit.perMs)) this.uses.delete(key);
  }
}
