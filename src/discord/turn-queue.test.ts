import { describe, expect, it } from 'vitest';
import { TurnQueue } from './turn-queue.js';

describe('TurnQueue', () => {
  it('runs jobs in order, one per event-loop turn, letting other callbacks in between', async () => {
    const queue = new TurnQueue();
    const seen: string[] = [];
    const jobs = [1, 2, 3].map((n) =>
      queue.run(() => {
        seen.push(`job ${n}`);
        // Something that arrives while job n runs (like a socket read) gets its turn before job n + 1.
        setImmediate(() => seen.push(`after ${n}`));
        return n;
      }),
    );
    expect(queue.size).toBe(3);
    expect(await Promise.all(jobs)).toEqual([1, 2, 3]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['job 1', 'after 1', 'job 2', 'after 2', 'job 3', 'after 3']);
  });

  it('rejects only the job that threw', async () => {
    const queue = new TurnQueue();
    const failing = queue.run(() => {
      throw new Error('boom');
    });
    const fine = queue.run(() => 'ok');
    await expect(failing).rejects.toThrow('boom');
    expect(await fine).toBe('ok');
  });
});
