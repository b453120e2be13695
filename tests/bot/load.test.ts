import { describe, expect, it } from 'vitest';
import { useLoadBot } from './load-bot.js';
import { askBurst, formatBurst } from './ask-burst.js';
import { expectEveryMessageSafe } from './bot-harness.js';

// The quick load test: 200 /ask from 40 users, dispatched back to back, against the bot as its own process (as
// in production: Discord does not share the bot's CPU). The full 1,000 run in tests/stress/load.stress.ts.
// The per-user limit is raised so that every question is a real answer.
const load = useLoadBot();

describe('load', () => {
  it('answers 200 /ask from 40 users dispatched at once, every first response inside 3 s', async () => {
    const report = await askBurst(load.fake, 200, { users: 40 });
    console.info(`[load] ${formatBurst(report)}`);
    // Errors are logged by the bot with their reference; show the end of its log to say why.
    if (report.outcomes.error + report.outcomes.other > 0) console.error(`[load] the bot's log ends with:\n${load.bot.output().slice(-4000)}`);
    expect(report.outcomes.answer + report.outcomes['no-match']).toBe(200);
    expect(report.outcomes.answer).toBeGreaterThan(100);
    expect(report.late).toEqual([]);
    expectEveryMessageSafe(load.fake);
  });
});
