import { describe, expect, it } from 'vitest';
import { useCrashRig, type TrialResult } from '../bot/crash-trials.js';

// 60 kill -9 trials on one DATA_DIR: 50 during bursts of /curate add and removals, 10 during start-up (opening
// the store, loading or rebuilding the index, writing its snapshot). After each restart every acknowledged
// change holds and the index matches the store (see tests/bot/crash-trials.ts).
const BURST_TRIALS = Number(process.env.CRASH_TRIALS ?? 50);
const START_UP_TRIALS = 10;
const rig = useCrashRig();

describe('crash safety under stress', () => {
  it(`keeps every acknowledged change across ${BURST_TRIALS} kills during bursts and ${START_UP_TRIALS} during start-up`, async () => {
    const results: TrialResult[] = [];
    for (let n = 0; n < BURST_TRIALS + START_UP_TRIALS; n++) {
      // Every sixth trial kills the bot while it starts.
      results.push(await rig().trial(n % 6 === 5 && n / 6 < START_UP_TRIALS ? 'start-up' : 'burst'));
      console.info(`[crash] ${JSON.stringify(results.at(-1))}`);
    }
    const bursts = results.filter((r) => r.kind === 'burst');
    const sum = (f: (r: TrialResult) => number) => bursts.reduce((n, r) => n + f(r), 0);
    console.info(
      `[crash] ${results.length} trials passed (${bursts.length} bursts, ${results.length - bursts.length} start-ups): ` +
        `${sum((r) => r.sent)} changes sent, ${sum((r) => r.acknowledgedAdds)} adds and ${sum((r) => r.acknowledgedRemovals)} removals acknowledged, ` +
        `${sum((r) => r.unacknowledgedButStored)} stored without acknowledgement; ` +
        `${bursts.filter((r) => r.acknowledgedAdds < r.sent - r.acknowledgedRemovals).length} bursts cut short by the kill`,
    );
    expect(bursts.length).toBe(BURST_TRIALS);
    // The kills must land inside bursts, not only after them, or the trials prove little.
    expect(bursts.filter((r) => r.acknowledgedAdds < 16).length).toBeGreaterThan(bursts.length / 4);
  });
});
