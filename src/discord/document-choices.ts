import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { guildScope, type Scope } from '../core/index.js';
import { guildView, type BotContext } from './bot-context.js';
import { AUTOCOMPLETE_MAX_CHOICES, CHOICE_TEXT_MAX } from './render/discord-limits.js';
import { truncate } from './render/truncate.js';

/** A document option's value: `here:<id>` (this server's) or `shared:<id>`; at most 71 of Discord's 100 characters. */
export function documentKey(scope: Scope, id: string): string {
  return `${scope === 'global' ? 'shared' : 'here'}:${id}`;
}

/**
 * Autocomplete for a document option: only documents visible from this interaction's guild (its own,
 * plus the shared corpus if the guild includes it; `ownOnly` for removal), found by title or id as
 * typed (fuzzy, by prefix: the knowledge base's title search). Milliseconds, inside Discord's 3 s.
 */
export function documentChoices(
  ctx: BotContext,
  guildId: string | null,
  typed: string,
  options: { ownOnly?: boolean } = {},
): ApplicationCommandOptionChoiceData<string>[] {
  const view = guildView(ctx, guildId);
  if (options.ownOnly && view.guildId === undefined) return [];
  const scopes = options.ownOnly && view.guildId !== undefined ? [guildScope(view.guildId)] : view.scopes;
  return ctx.kb.findDocuments(typed, scopes, AUTOCOMPLETE_MAX_CHOICES).map((d) => ({
    name: truncate(`${d.title}${d.scope === 'global' ? ' · shared' : ''}`, CHOICE_TEXT_MAX),
    value: documentKey(d.scope, d.id),
  }));
}
