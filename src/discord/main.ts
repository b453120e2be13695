import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createLogger } from '../config/create-logger.js';
import { loadConfig } from '../config/load-config.js';
import { isFootnoteError } from '../core/index.js';
import { connectionFailure } from './connection-failure.js';
import { startBot, type BotHandle } from './start-bot.js';

export { startBot, type BotHandle, type StartBotOptions } from './start-bot.js';

/**
 * `npm start`: loads the configuration, starts the bot, and on SIGINT/SIGTERM stops accepting
 * interactions, lets those in flight finish their writes, closes the store, disconnects and exits 0.
 * When Discord closes the gateway for good (e.g. 4004: the token was reset) it shuts down the same way and
 * exits 1. Returns the exit code when start-up fails.
 */
export async function runBot(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const logger = createLogger(config.logLevel);
  let handle: BotHandle | undefined;
  let exitCode = 0;
  const shutdown = (reason: string) => {
    logger.info({ reason }, 'shutting down');
    (handle?.stop() ?? Promise.resolve()).then(
      () => process.exit(exitCode),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // Until the bot is up, a signal just ends the wait for Discord (see connect).
  const waiting = { stopped: false, wake: () => {} };
  const stopWaiting = () => {
    waiting.stopped = true;
    waiting.wake();
  };
  process.on('SIGINT', stopWaiting);
  process.on('SIGTERM', stopWaiting);
  try {
    handle = await connect(async () =>
      startBot(config, logger, {
        // Without a gateway the bot is useless; exiting non-zero lets the service manager see it and restart.
        onGatewayLost: (code) => {
          exitCode = 1;
          shutdown(`gateway closed with ${code}`);
        },
      }),
    config.discord.apiBase, waiting);
  } catch (error) {
    if (isFootnoteError(error)) process.stderr.write(`${error.message}\n`);
    else logger.error({ err: error }, 'footnote could not start');
    return 1;
  } finally {
    process.off('SIGINT', stopWaiting);
    process.off('SIGTERM', stopWaiting);
  }
  if (!handle) return 0; // stopped while waiting for Discord
  if (waiting.stopped) {
    shutdown('stopped while connecting');
    return 0;
  }
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return 0;
}

/** Waits between attempts to reach Discord: 1 s, doubling, at most a minute. */
const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = 60_000;

/**
 * Starts the bot, and while Discord cannot be reached (no network yet, a wrong DISCORD_API_BASE) says so
 * in one line and tries again with growing waits, until it connects or a signal stops the waiting
 * (then undefined). Any other failure is thrown at once.
 */
async function connect<T>(start: () => Promise<T>, apiBase: string, waiting: { stopped: boolean; wake: () => void }): Promise<T | undefined> {
  for (let wait = FIRST_WAIT_MS; !waiting.stopped; wait = Math.min(wait * 2, MAX_WAIT_MS)) {
    try {
      return await start();
    } catch (error) {
      const reason = connectionFailure(error);
      if (reason === undefined || waiting.stopped) throw error;
      process.stderr.write(`Cannot reach Discord at ${apiBase} (${reason}); trying again in ${wait / 1000} s. Stop with Ctrl+C.\n`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        waiting.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
  return undefined;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  void runBot().then((code) => {
    if (code !== 0) process.exitCode = code;
  });
}
