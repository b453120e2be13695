import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers.js';
import { lockIsLive, readRunLock, RUN_LOCK_FILE, writeRunLock } from './run-lock.js';

describe('the run lock', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('footnote-lock-');
  });
  afterEach(() => dir.remove());
  const owner = { pid: 4242, hostname: 'host-a', startedAt: '2026-01-01T00:00:00.000Z' };

  it('is written, read back, and removed only by its owner', () => {
    const release = writeRunLock(dir.path, owner);
    expect(readRunLock(dir.path)).toEqual(owner);
    const releaseOther = writeRunLock(dir.path, { ...owner, pid: 4343 });
    release();
    expect(readRunLock(dir.path)?.pid).toBe(4343);
    releaseOther();
    expect(readRunLock(dir.path)).toBeUndefined();
  });

  it('ignores a lock file it cannot read', () => {
    writeFileSync(join(dir.path, RUN_LOCK_FILE), '{"pid": "not a number"');
    expect(readRunLock(dir.path)).toBeUndefined();
  });

  it.each([
    ['a live process on this host counts as running', 'host-a', true, true],
    ['a process gone from this host (killed) does not', 'host-a', false, false],
    ['a process on another host, which cannot be checked, counts as running', 'host-b', false, true],
  ])('%s', (_what, hostname, alive, expected) => {
    expect(lockIsLive(owner, { hostname, isAlive: () => alive })).toBe(expected);
  });
});
