import { readFileSync } from 'node:fs';
import { deployCommandsCommand } from '../src/cli/commands/deploy-commands-command.js';
import { loadConfig } from '../src/config/load-config.js';
import { silentLogger } from '../src/core/logger.js';
import { startBot } from '../src/discord/start-bot.js';
import { FakeDiscord } from '../tests/fake-discord/fake-discord.js';
import type { DiscordResult, Job, QueriesFile } from './job.js';
import { summarize, timed } from './measure.js';

const WARMUP_INTERACTIONS = 10;
const CALLBACK_TIMEOUT_MS = 60_000;

/**
 * The bot end to end: startBot (the production start-up, knowledge base from the snapshot the footnote
 * worker left) logged in to the local fake Discord, then /ask interactions sent one after another, each
 * from a different user (so the per-user rate limit never applies), timed from INTERACTION_CREATE to the
 * interaction callback.
 */
export async function runDiscordE2e(job: Job): Promise<DiscordResult> {
  // No 3 s deadline: a slow answer should show up in the numbers, not as a 404 from the fake.
  const fake = await FakeDiscord.start({ callbackDeadlineMs: Number.POSITIVE_INFINITY });
  try {
    const config = loadConfig(
      {
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_BASE: fake.apiBase,
        CORPUS_DIR: job.corpusDir,
        DATA_DIR: job.dataDir,
        LOG_LEVEL: 'silent',
      },
      { dotenv: false },
    );
    const code = await deployCommandsCommand({ args: [], config, logger: silentLogger, out: () => {}, err: (t) => void process.stderr.write(`${t}\n`) });
    if (code !== 0) throw new Error('deploy-commands failed against the fake Discord');
    const { ms: startupMs, value: bot } = await timed(async () => {
      const handle = await startBot(config, silentLogger, { clientOptions: { rest: { offset: 0, retries: 0, timeout: 30_000 }, waitGuildTimeout: 500 } });
      await fake.waitForReady();
      return handle;
    });
    try {
      const { interactions } = JSON.parse(readFileSync(job.queriesFile, 'utf8')) as QueriesFile;
      const questions = interactions.slice(0, job.interactions ?? interactions.length);
      const ask = (question: string, user: string) => fake.chatInput('ask', { question }, { user: { username: user } });
      for (let i = 0; i < WARMUP_INTERACTIONS; i++) await ask(questions[i % questions.length] ?? 'warm up', `warmup${i}`).waitForCallback(CALLBACK_TIMEOUT_MS);
      // Like the query classes, a time budget: a slow bot times fewer interactions rather than stalling the run.
      const deadline = performance.now() + job.budgetMs;
      const callback: number[] = [];
      const wall: number[] = [];
      const callbackTypes: Record<string, number> = {};
      for (const [i, question] of questions.entries()) {
        const started = performance.now();
        const recorded = await ask(question, `asker${i}`).waitForCallback(CALLBACK_TIMEOUT_MS);
        wall.push(performance.now() - started);
        callback.push(recorded.elapsedMs);
        callbackTypes[String(recorded.type)] = (callbackTypes[String(recorded.type)] ?? 0) + 1;
        if (performance.now() > deadline) break;
      }
      return { engine: 'discord', passages: bot.context.kb.stats.passages, startupMs, callback: summarize(callback), wall: summarize(wall), callbackTypes };
    } finally {
      await bot.stop();
    }
  } finally {
    await fake.close();
  }
}
