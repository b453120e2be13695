import { describe, expect, it } from 'vitest';
import { useCrashRig } from './crash-trials.js';

// A few kill -9 trials during a burst of /curate add (the full 50+ are in tests/stress/crash.stress.ts). Each
// trial checks, after the restart, that every acknowledged change holds and that the index matches the store.
const rig = useCrashRig();

describe('crash safety', () => {
  it('keeps every acknowledged add across a kill -9 during a burst, three times over', async () => {
    for (let n = 0; n < 3; n++) {
      const result = await rig().trial('burst');
      console.info(`[crash] ${JSON.stringify(result)}`);
      expect(result.sent).toBeGreaterThan(0);
    }
  }, 60_000);
});
