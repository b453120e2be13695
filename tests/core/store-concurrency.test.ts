import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { raceReaderAgainstWriters, runStoreProcess } from './store-race.js';

describe('the store shared by several processes', () => {
  let data: ReturnType<typeof tempDir>;
  beforeEach(() => {
    data = tempDir();
  });
  afterEach(() => data.remove());

  it('makes every document another process adds searchable in a reader catching up meanwhile, in a fresh process and after a restart', async () => {
    await raceReaderAgainstWriters(data.path, 2, 75);
  });

  it('lets four processes open the same fresh DATA_DIR at the same moment, ten folders over, every one of them successfully', async () => {
    const dirs = Array.from({ length: 10 }, (_, k) => join(data.path, `fresh-${k}`));
    // Late enough for every process to have started (tsx takes about a second on a busy machine).
    const goAt = Date.now() + 2500;
    const processes = await Promise.all(Array.from({ length: 4 }, () => runStoreProcess(['open', String(goAt), ...dirs]).done));
    for (const { code, stderr } of processes) expect(code, stderr).toBe(0);
    const outcomes = processes.flatMap(({ stdout }) => stdout.trim().split('\n').map((line) => JSON.parse(line) as string));
    expect(outcomes).toHaveLength(40);
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual([]);
  });
});
