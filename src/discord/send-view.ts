import { setTimeout as sleep } from 'node:timers/promises';
import { DiscordAPIError, HTTPError, RESTJSONErrorCodes, type RepliableInteraction } from 'discord.js';
import type { Logger } from '../core/index.js';
import type { MessageView } from './render/message-view.js';
import { editOptions, replyOptions } from './render/reply-options.js';

/** Discord accepts edits and follow-ups on an interaction's token for 15 minutes after it was created. */
const TOKEN_LIFETIME_MS = 15 * 60_000;
/** Stop retrying this long before the token expires: a request started later might not land in time. */
const TOKEN_MARGIN_MS = 30_000;
/** Discord's window for the first response, less what a last attempt needs to arrive. */
const FIRST_RESPONSE_WINDOW_MS = 2500;
const FIRST_RESPONSE_RETRY_MS = 100;
/** Waits between attempts to edit a deferred reply: 1 s, doubling, at most a minute. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

/**
 * Sends a view however the interaction can still be answered: as the reply itself; after a deferral, as the
 * edit of the deferred reply (or, when an ephemeral notice follows a public deferral, by deleting the "thinking…"
 * message and following up ephemerally, since an edit cannot change visibility); after a reply, as a follow-up.
 * Edits of a deferred reply are retried through transient failures (see `retryTransient`).
 */
export async function sendView(interaction: RepliableInteraction, view: MessageView, logger: Logger): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    if (view.ephemeral === true && !interaction.ephemeral) {
      await retryTransient(interaction, logger, () => interaction.deleteReply());
      await interaction.followUp(replyOptions(view));
      return;
    }
    await retryTransient(interaction, logger, () => interaction.editReply(editOptions(view)));
    return;
  }
  if (interaction.replied) {
    await interaction.followUp(replyOptions(view));
    return;
  }
  await retryFirstResponse(interaction, logger, () => interaction.reply(replyOptions(view)));
}

/**
 * Sends the first response (a reply, or a deferral: `deferred` says with which visibility) and, should Discord
 * answer 5xx more often than @discordjs/rest retries by itself, tries again while Discord's 3 s last. If Discord
 * had in fact taken an earlier attempt, the retry is told "already acknowledged" (40060): that counts as sent.
 */
export async function retryFirstResponse(
  interaction: RepliableInteraction,
  logger: Logger,
  call: () => Promise<unknown>,
  deferred?: { ephemeral: boolean },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await call();
      return;
    } catch (error) {
      if (attempt > 1 && error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) {
        // discord.js records a response only when its request succeeded; record the one Discord kept.
        if (deferred) [interaction.deferred, interaction.ephemeral] = [true, deferred.ephemeral];
        else interaction.replied = true;
        return;
      }
      if (!isTransient(error) || Date.now() + FIRST_RESPONSE_RETRY_MS - interaction.createdTimestamp > FIRST_RESPONSE_WINDOW_MS) throw error;
      logger.warn({ interactionId: interaction.id, attempt, err: error }, 'Discord did not take a first response; retrying');
      await sleep(FIRST_RESPONSE_RETRY_MS);
    }
  }
}

/**
 * Runs an idempotent call on the interaction's webhook (an edit, a deletion) until it succeeds, retrying failures
 * that may pass (Discord's 5xx once @discordjs/rest has used its own immediate retries, timeouts, dropped or
 * refused connections) with growing waits, for as long as the interaction token is valid. A reply that could
 * still be delivered is not given up on because Discord had a bad minute. Other errors are thrown at once.
 */
export async function retryTransient<T>(interaction: RepliableInteraction, logger: Logger, call: () => Promise<T>): Promise<T> {
  const deadline = interaction.createdTimestamp + TOKEN_LIFETIME_MS - TOKEN_MARGIN_MS;
  let wait = FIRST_RETRY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isTransient(error) || Date.now() + wait > deadline) throw error;
      logger.warn({ interactionId: interaction.id, attempt, retryInMs: wait, err: error }, 'Discord did not take a reply; retrying');
      await sleep(wait);
      wait = Math.min(wait * 2, MAX_RETRY_MS);
    }
  }
}

/** Failures worth another attempt: server errors and the network, never a 4xx (Discord said no). */
export function isTransient(error: unknown): boolean {
  if (error instanceof HTTPError) return error.status >= 500;
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  if (name === 'AbortError' || name === 'TimeoutError') return true;
  return typeof code === 'string' && (/^E(CONNRESET|CONNREFUSED|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH|AI_AGAIN)$/.test(code) || code.startsWith('UND_ERR_'));
}
