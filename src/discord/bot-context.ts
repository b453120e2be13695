import type { Config } from '../config/load-config.js';
import type { AnswerLog } from './records/answer-log.js';
import type { UnansweredLog } from './records/unanswered-log.js';
import type { KnowledgeBase, Logger, Scope } from '../core/index.js';
import type { PendingUploads } from './pending-uploads.js';
import type { RateLimiter } from './rate-limiter.js';
import type { TurnQueue } from './turn-queue.js';

/** What every handler gets: the core, the bot's records, configuration, and a clock. */
export type BotContext = {
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
  answers: AnswerLog;
  unanswered: UnansweredLog;
  askLimiter: RateLimiter;
  /** Epoch milliseconds. */
  now: () => number;
  /** Origins attachments may be downloaded from (Discord's CDN, or the fake's in tests). */
  attachmentOrigins: readonly string[];
  /** How many interactions are being handled right now (a burst makes /ask defer). */
  inFlight: () => number;
  /** Where deferred work waits its turn, so first responses to new interactions are never starved. */
  deferredWork: TurnQueue;
  /** Uploads waiting for a moderator's Replace / Add as new choice. */
  pendingUploads: PendingUploads;
};

/** What a place may search: the guild's own documents, plus the shared corpus unless the guild turned it off. */
export type GuildView = { guildId: string | undefined; includeGlobal: boolean; scopes: Scope[] };

/**
 * The scopes visible from where an interaction happened. The guild always comes from the interaction,
 * never from user input; outside a guild (a DM) only the shared corpus is visible.
 */
export function guildView(ctx: BotContext, guildId: string | null): GuildView {
  const scopes = ctx.kb.resolveScopes(guildId ?? undefined);
  return { guildId: guildId ?? undefined, includeGlobal: scopes.includes('global'), scopes };
}

/** How long an answer's buttons keep working: a week, or less if records are kept for less. */
export function answerTtlMs(config: Config): number {
  return Math.min(7, config.discord.retentionDays) * 86_400_000;
}
