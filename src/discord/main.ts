import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createLogger } from '../config/create-logger.js';
import { loadConfig } from '../config/load-config.js';
import { isFootnoteError } from '../core/index.js';
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
  try {
    handle = await startBot(config, logger, {
      // Without a gateway the bot is useless; exiting non-zero lets the service manager see it and restart.
      onGatewayLost: (code) => {
        exitCode = 1;
        shutdown(`gateway closed with ${code}`);
      },
    });
  } catch (error) {
    if (isFootnoteError(error)) process.stderr.write(`${error.message}\n`);
    else logger.error({ err: error }, 'footnote could not start');
    return 1;
  }
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
