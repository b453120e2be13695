import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createLogger } from '../config/create-logger.js';
import { loadConfig } from '../config/load-config.js';
import { isFootnoteError } from '../core/errors.js';
import { startBot } from './start-bot.js';

export { startBot, type BotHandle, type StartBotOptions } from './start-bot.js';

/**
 * `npm start`: loads the configuration, starts the bot, and on SIGINT/SIGTERM stops accepting
 * interactions, lets those in flight finish their writes, closes the store, disconnects and exits 0.
 * Returns the exit code when start-up fails.
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
  let handle;
  try {
    handle = await startBot(config, logger);
  } catch (error) {
    if (isFootnoteError(error)) process.stderr.write(`${error.message}\n`);
    else logger.error({ err: error }, 'footnote could not start');
    return 1;
  }
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    handle.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return 0;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  void runBot().then((code) => {
    if (code !== 0) process.exitCode = code;
  });
}
