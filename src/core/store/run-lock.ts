import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** DATA_DIR/footnote.lock: written by the running bot, read by commands that must not run beside it (restore). */
export const RUN_LOCK_FILE = 'footnote.lock';

export type RunLock = { pid: number; hostname: string; startedAt: string };

const lockSchema = z.object({ pid: z.number().int().positive(), hostname: z.string(), startedAt: z.string() });

/**
 * Records that `owner` runs the bot on the store in `dataDir`, and returns a function that removes the record
 * again if it is still this owner's. A kill -9 leaves the file behind: readers check whether its process lives.
 */
export function writeRunLock(dataDir: string, owner: RunLock): () => void {
  const path = join(dataDir, RUN_LOCK_FILE);
  writeFileSync(path, `${JSON.stringify(owner)}\n`);
  return () => {
    if (readRunLock(dataDir)?.pid === owner.pid) rmSync(path, { force: true });
  };
}

/** The lock in `dataDir`, if there is a readable one. */
export function readRunLock(dataDir: string): RunLock | undefined {
  try {
    const parsed = lockSchema.safeParse(JSON.parse(readFileSync(join(dataDir, RUN_LOCK_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the lock's process is (probably) still running: it is on this host and a process with its id exists.
 * A lock from another host cannot be checked, so it counts as running. A recycled pid also counts as running:
 * the safe mistake, and the refusal says how to clear a stale lock.
 */
export function lockIsLive(lock: RunLock, here: { hostname: string; isAlive: (pid: number) => boolean }): boolean {
  return lock.hostname !== here.hostname || here.isAlive(lock.pid);
}

/** `kill(pid, 0)`: no signal is sent; ESRCH means there is no such process, EPERM that there is one (not ours). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
