import { describe, expect, it } from 'vitest';
import { useLoadBot } from '../bot/load-bot.js';
import { askBurst, formatBurst } from '../bot/ask-burst.js';
import { expectEveryMessageSafe } from '../bot/bot-harness.js';

// 1,000 /ask from 200 users, dispatched as fast as the fake gateway writes them, against the bot as its own
// process. Every one must be answered, each first response inside Discord's 3 s. Two bursts in a row: the first
// right after start-up (and a 30-question warm-up), the second once that one is fully answered.
const load = useLoadBot();

describe('load', () => {
  it.each(['first burst', 'second burst'])('answers 1,000 /ask from 200 users dispatched at once (%s), every first response inside 3 s', async (when) => {
    const report = await askBurst(load.fake, 1000, { users: 200 });
    console.info(`[load] ${when}: ${formatBurst(report)}`);
    // Errors are logged by the bot with their reference; show the end of its log to say why.
    if (report.outcomes.error + report.outcomes.other > 0) console.error(`[load] the bot's log ends with:\n${load.bot.output().slice(-4000)}`);
    expect(report.outcomes.answer + report.outcomes['no-match']).toBe(1000);
    expect(report.outcomes.answer).toBeGreaterThan(600);
    expect(report.late).toEqual([]);
    expect(report.firstResponse.max).toBeLessThan(3000);
    expectEveryMessageSafe(load.fake);
  });
});
