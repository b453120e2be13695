import type http from 'node:http';
import type Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { Client, Events, GatewayIntentBits, Status, type ClientOptions } from 'discord.js';
import type { Config } from '../config/load-config.js';
import { openKnowledgeBase } from '../config/open-knowledge-base.js';
import { AnswerLog } from './records/answer-log.js';
import { UnansweredLog } from './records/unanswered-log.js';
import { FootnoteError, type KnowledgeBase, lockIsLive, type Logger, processIsAlive, readRunLock, writeRunLock } from '../core/index.js';
import { openActivityDatabase } from './records/open-activity-database.js';
import type { BotContext } from './bot-context.js';
import { checkApiBase } from './check-api-base.js';
import { DISCORD_CDN_ORIGINS } from './download-attachment.js';
import { createInteractionRouter, type InteractionRouter } from './interaction-router.js';
import { RateLimiter } from './rate-limiter.js';
import { NO_MENTIONS } from './render/reply-options.js';
import { scheduleRetention } from './schedule-retention.js';
import { startHealthServer, type HealthChecks } from './start-health-server.js';
import { PendingUploads } from './pending-uploads.js';
import { TurnQueue } from './turn-queue.js';

export type StartBotOptions = {
  /** How to open the knowledge base (default: as configured). Tests use it to let the fetcher reach a loopback server. */
  openKnowledgeBase?: (config: Config, logger: Logger) => Promise<KnowledgeBase>;
  /** Extra discord.js client options (tests: short REST timeouts). Intents and the REST base are not overridable. */
  clientOptions?: Omit<Partial<ClientOptions>, 'intents'>;
  /** Epoch milliseconds (default Date.now). */
  now?: () => number;
  /** Called when Discord closes the gateway with a code discord.js does not reconnect after (`npm start` exits 1). */
  onGatewayLost?: (code: number) => void;
};

export type BotHandle = {
  client: Client<true>;
  context: BotContext;
  /** The second connection to the store's file, which the activity records use (see openActivityDatabase). */
  activityDatabase: Database.Database;
  /** Stops accepting interactions, lets those in flight finish, closes the store and disconnects. */
  stop(): Promise<void>;
};

export const NO_TOKEN_MESSAGE = [
  'DISCORD_TOKEN is not set, so the bot cannot connect to Discord.',
  'Get a token at https://discord.com/developers/applications → your application → Bot → Reset Token,',
  'put it in .env as DISCORD_TOKEN=… (never commit it), then run `npm start` again.',
  'Without a token, `npx footnote ask "your question"` answers from the same corpus in the terminal.',
].join('\n');

/**
 * Starts the bot: checks the configuration, opens the knowledge base, logs in through DISCORD_API_BASE
 * (the gateway URL comes from GET /gateway/bot there, as in production) and answers interactions.
 * Commands are registered separately (`footnote deploy-commands`), never on start.
 */
export async function startBot(config: Config, logger: Logger, options: StartBotOptions = {}): Promise<BotHandle> {
  const token = config.discord.token;
  if (token === undefined || token.trim() === '') throw new FootnoteError('config_invalid', NO_TOKEN_MESSAGE);
  const { warning } = checkApiBase(config.discord.apiBase);
  if (warning) logger.warn({ apiBase: config.discord.apiBase }, warning);

  const kb = await (options.openKnowledgeBase ?? openKnowledgeBase)(config, logger);
  if (kb.readOnly) {
    // The CLI can answer from a read-only DATA_DIR; the bot writes there on every /ask (answers, votes).
    await kb.close();
    throw new FootnoteError('store_failed', `${kb.readOnly}. The bot records answers, votes and documents there, so it needs a writable DATA_DIR.`);
  }
  const now = options.now ?? Date.now;
  let db;
  try {
    db = openActivityDatabase(config.dataDir);
  } catch (error) {
    await kb.close();
    throw error;
  }
  const releaseLock = takeRunLock(config.dataDir, logger);
  let router: InteractionRouter | undefined;
  const context: BotContext = {
    config,
    logger,
    kb,
    answers: new AnswerLog(db),
    unanswered: new UnansweredLog(db),
    askLimiter: new RateLimiter(config.discord.askRateLimit),
    now,
    // Discord's CDN, plus the API host itself: a local fake Discord serves its attachments there.
    attachmentOrigins: [...DISCORD_CDN_ORIGINS, new URL(config.discord.apiBase).origin],
    inFlight: () => router?.inFlight() ?? 0,
    deferredWork: new TurnQueue(),
    pendingUploads: new PendingUploads(now),
  };
  const stopRetention = scheduleRetention(db, config.discord.retentionDays, now, logger);
  router = createInteractionRouter(context);

  // Guilds is the only intent: no privileged intents, no message content. Interactions need none.
  const client = new Client({
    ...options.clientOptions,
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    // @discordjs/rest's own default, stated: a 5xx or a reset connection is retried this many times at once. On an
    // interaction callback that is all the retrying Discord's 3 s allow; later edits retry further (sendView).
    rest: { retries: 3, ...options.clientOptions?.rest, api: config.discord.apiBase },
  });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  const activity = db;
  const checks = (): HealthChecks => ({
    // Per shard: the manager's own status turns Ready once and stays so through later disconnects.
    gateway: client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready),
    ...healthOf(kb, activity.open),
    accepting: router.accepting,
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event) => {
    // Emitted only for close codes discord.js will not reconnect after (4004 token refused, 4013/4014 intents…).
    logger.error({ code: event.code }, 'Discord closed the gateway for good; the bot can no longer receive interactions');
    options.onGatewayLost?.(event.code);
  });

  let health: http.Server | undefined;
  const cleanUp = async () => {
    stopRetention();
    await client.destroy();
    await kb.close();
    db.close();
    releaseLock();
    await new Promise<void>((resolve) => (health ? health.close(() => resolve()) : resolve()));
  };
  try {
    const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(token);
    await ready;
    if (config.discord.healthPort !== undefined) health = await startHealthServer(config.discord.healthPort, checks);
  } catch (error) {
    await cleanUp();
    throw loginError(error);
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, ...kb.stats }, 'footnote is online');

  let stopping: Promise<void> | undefined;
  return {
    client: client as Client<true>,
    context,
    activityDatabase: db,
    stop() {
      stopping ??= (async () => {
        router.close();
        await router.drain();
        await cleanUp();
        logger.info({}, 'footnote stopped');
      })();
      return stopping;
    },
  };
}

/**
 * Marks DATA_DIR as used by this process, so that `footnote restore` refuses to swap the store under a running
 * bot. A lock left by a bot that was killed is taken over; one held by another live process is reported.
 */
function takeRunLock(dataDir: string, logger: Logger): () => void {
  const previous = readRunLock(dataDir);
  const here = { hostname: hostname(), isAlive: processIsAlive };
  if (previous && previous.pid !== process.pid && lockIsLive(previous, here)) {
    logger.warn({ pid: previous.pid, hostname: previous.hostname, dataDir }, 'another footnote bot seems to use this DATA_DIR; two bots on one token answer twice');
  }
  try {
    return writeRunLock(dataDir, { pid: process.pid, hostname: here.hostname, startedAt: new Date().toISOString() });
  } catch (error) {
    // A read-only DATA_DIR: the bot can still answer from the index; only restore loses its guard.
    logger.warn({ err: error, dataDir }, 'could not write the run lock');
    return () => {};
  }
}

/** The knowledge base's own checks, with the bot's record store's connection. */
function healthOf(kb: KnowledgeBase, recordsOpen: boolean): { store: boolean; index: boolean } {
  const { store, index } = kb.health();
  return { store: recordsOpen && store, index };
}

function loginError(error: unknown): unknown {
  if ((error as { code?: string }).code === 'TokenInvalid') {
    return new FootnoteError('config_invalid', 'Discord refused DISCORD_TOKEN (401). Reset the token in the developer portal and update .env.', {
      cause: error,
    });
  }
  return error;
}
