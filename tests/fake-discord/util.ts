// Small helpers shared by the fake Discord: snowflakes, tokens and a "recorder" that tests can wait on.

import { randomBytes } from 'node:crypto';

/** A JSON object as sent or received on the wire. Loosely typed on purpose: the payload shapes are checked by
 *  the real discord.js client in the tests, not by TypeScript. */
export type JsonObject = Record<string, unknown>;

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastMs = 0n;
let increment = 0n;

/**
 * A realistic snowflake (19 digits today). discord.js does `BigInt(id)` for timestamps and the REST bucket regex
 * matches `\d{17,19}` (facts §3.1), so ids must look real. Unique within the process: the 12-bit increment
 * rolls over into the next millisecond instead of repeating.
 */
export function snowflake(): string {
  let now = BigInt(Date.now());
  if (now <= lastMs) {
    increment += 1n;
    if (increment > 0xfffn) {
      lastMs += 1n;
      increment = 0n;
    }
    now = lastMs;
  } else {
    increment = 0n;
  }
  lastMs = now;
  // worker 1, process 0, so ids are recognisably from the fake when printed.
  return String(((now - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment);
}

/** A URL-safe interaction token; Discord's start with base64("interaction:<id>:"). */
export function interactionToken(id: string): string {
  return Buffer.from(`interaction:${id}:`).toString('base64url') + randomBytes(48).toString('base64url');
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export const ISO_JOINED = '2024-01-01T00:00:00.000000+00:00';

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * An append-only log that tests can wait on. `waitFor` first looks at what was already recorded, then waits for
 * new items. Timeouts reject with a description of what *was* recorded, which is what you need when a bot test
 * fails.
 */
export class Recorder<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();
  private closedReason: string | null = null;

  constructor(private readonly describe: (item: T) => string) {}

  push(item: T): void {
    this.items.push(item);
    for (const w of [...this.waiters]) {
      if (!w.predicate(item)) continue;
      this.waiters.delete(w);
      if (w.timer) clearTimeout(w.timer);
      w.resolve(item);
    }
  }

  /** `timeoutMs = Infinity` waits until the item arrives or the recorder is closed. */
  waitFor(predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const found = this.items.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    if (this.closedReason) return Promise.reject(new Error(`${what}: ${this.closedReason}`));
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { predicate, resolve, reject, timer: undefined };
      if (Number.isFinite(timeoutMs)) {
        waiter.timer = setTimeout(() => {
          this.waiters.delete(waiter);
          const seen = this.items.slice(-10).map(this.describe).join('\n  ') || '(nothing)';
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Last recorded:\n  ${seen}`));
        }, timeoutMs);
      }
      this.waiters.add(waiter);
    });
  }

  /** Rejects every pending waiter; later waits reject at once. */
  close(reason: string): void {
    this.closedReason = reason;
    for (const w of this.waiters) {
      if (w.timer) clearTimeout(w.timer);
      w.reject(new Error(reason));
    }
    this.waiters.clear();
  }
}
