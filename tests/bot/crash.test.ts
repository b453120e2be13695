import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { startCrashRig, type CrashRig } from './crash-trials.js';

// A few kill -9 trials during a burst of /curate add (the full 50+ are in tests/stress/crash.stress.ts). Each
// trial checks, after the restart, that every acknowledged change holds and that the index matches the store.
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
let fake: FakeDiscord;
let rig: CrashRig;
beforeAll(async () => {
  console.info(`[crash] seed ${seed} (repeat with CRASH_SEED=${seed})`);
  fake = await FakeDiscord.start();
  rig = await startCrashRig(fake, seed);
}, 30_000);
afterAll(async () => {
  await rig?.close();
  await fake?.close();
});

describe('crash safety', () => {
  it('keeps every acknowledged add across a kill -9 during a burst, three times over', async () => {
    for (let n = 0; n < 3; n++) {
      const result = await rig.trial('burst');
      console.info(`[crash] ${JSON.stringify(result)}`);
      expect(result.sent).toBeGreaterThan(0);
    }
  }, 60_000);
});
