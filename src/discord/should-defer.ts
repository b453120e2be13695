import type { BaseInteraction } from 'discord.js';

/**
 * Half of Discord's 3 s for a first response: an interaction this old when its handler starts (the process was
 * busy, or paused) is acknowledged first and answered by editing. Measured from the interaction id's timestamp,
 * Discord's clock: with the host's clock more than this far ahead, every /ask is deferred (harmless but slower).
 */
const DEFER_AGE_MS = 1500;
/**
 * More interactions than this being handled at once means a burst: answering each in its own callback would
 * make the last ones wait for all the work ahead of them, so the ones behind are deferred.
 */
const DEFER_IN_FLIGHT = 16;

/**
 * Whether a handler whose work is quick but not free (an /ask: milliseconds of retrieval and a render) should
 * acknowledge with a deferral before doing it, so that its first response still lands inside Discord's 3 s.
 */
export function shouldDefer(interaction: BaseInteraction, inFlight: number, now = Date.now()): boolean {
  return inFlight > DEFER_IN_FLIGHT || now - interaction.createdTimestamp > DEFER_AGE_MS;
}
