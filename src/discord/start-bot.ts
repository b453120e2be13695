import type http from 'node:http';
import { Client, Events, GatewayIntentBits, Status, type ClientOptions } from 'discord.js';
import type { Config } from '../config/load-config.js';
import { openKnowledgeBase } from '../config/open-knowledge-base.js';
import { AnswerLog } from '../core/activity/answer-log.js';
import { GuildSettings } from '../core/activity/guild-settings.js';
import { UnansweredLog } from '../core/activity/unanswered-log.js';
import { FootnoteError } from '../core/errors.js';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import type { Logger } from '../core/logger.js';
import type { BotContext } from './bot-context.js';
import { checkApiBase } from './check-api-base.js';
import { DISCORD_CDN_ORIGINS } from './download-attachment.js';
import { createInteractionRouter } from './interaction-router.js';
import { RateLimiter } from './rate-limiter.js';
import { NO_MENTIONS } from './render/reply-options.js';
import { scheduleRetention } from './schedule-retention.js';
import { startHealthServer } from './start-health-server.js';

export type StartBotOptions = {
  /** How to open the knowledge base (default: as configured). Tests use it to let the fetcher reach a loopback server. */
  openKnowledgeBase?: (config: Config, logger: Logger) => Promise<KnowledgeBase>;
  /** Extra discord.js client options (tests: short REST timeouts). Intents and the REST base are not overridable. */
  clientOptions?: Omit<Partial<ClientOptions>, 'intents'>;
  /** Epoch milliseconds (default Date.now). */
  now?: () => number;
};

export type BotHandle = {
  client: Client<true>;
  context: BotContext;
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
  const now = options.now ?? Date.now;
  const db = kb.database;
  const context: BotContext = {
    config,
    logger,
    kb,
    answers: new AnswerLog(db),
    unanswered: new UnansweredLog(db),
    settings: new GuildSettings(db),
    askLimiter: new RateLimiter(config.discord.askRateLimit),
    now,
    // Discord's CDN, plus the API host itself: a local fake Discord serves its attachments there.
    attachmentOrigins: [...DISCORD_CDN_ORIGINS, new URL(config.discord.apiBase).origin],
  };
  const stopRetention = scheduleRetention(db, config.discord.retentionDays, now, logger);
  const router = createInteractionRouter(context);

  // Guilds is the only intent: no privileged intents, no message content. Interactions need none.
  const client = new Client({
    ...options.clientOptions,
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { ...options.clientOptions?.rest, api: config.discord.apiBase },
  });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event) => logger.warn({ code: event.code }, 'gateway disconnected'));

  let health: http.Server | undefined;
  const cleanUp = async () => {
    stopRetention();
    await client.destroy();
    await kb.close();
    await new Promise<void>((resolve) => (health ? health.close(() => resolve()) : resolve()));
  };
  try {
    const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(token);
    await ready;
    if (config.discord.healthPort !== undefined) health = await startHealthServer(config.discord.healthPort, () => client.ws.status === Status.Ready);
  } catch (error) {
    await cleanUp();
    throw loginError(error);
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, ...kb.stats }, 'footnote is online');

  let stopping: Promise<void> | undefined;
  return {
    client: client as Client<true>,
    context,
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

function loginError(error: unknown): unknown {
  if ((error as { code?: string }).code === 'TokenInvalid') {
    return new FootnoteError('config_invalid', 'Discord refused DISCORD_TOKEN (401). Reset the token in the developer portal and update .env.', {
      cause: error,
    });
  }
  return error;
}
