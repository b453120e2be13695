import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { rankDocumentChoices, type DocumentChoice } from './records/rank-document-choices.js';
import { guildScope, type Scope } from '../core/index.js';
import { guildView, type BotContext } from './bot-context.js';
import { AUTOCOMPLETE_MAX_CHOICES, CHOICE_TEXT_MAX } from './render/discord-limits.js';
import { truncate } from './render/truncate.js';

/** A document option's value: `here:<id>` (this server's) or `shared:<id>`; at most 71 of Discord's 100 characters. */
export function documentKey(scope: Scope, id: string): string {
  return `${scope === 'global' ? 'shared' : 'here'}:${id}`;
}

/** Content matches considered for autocomplete: enough to fill the list after the title matches. */
const CONTENT_MATCHES = 10;

/**
 * Autocomplete for a document option: only documents visible from this interaction's guild (its own,
 * plus the shared corpus if the guild includes it; `ownOnly` for removal), ranked title prefix, then
 * title words, then content. Synchronous index work: milliseconds, inside Discord's 3 s.
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
  const docs: DocumentChoice[] = ctx.kb.list(scopes).map((d) => ({ key: documentKey(d.scope, d.id), id: d.id, title: d.title }));
  const contentKeys: string[] = [];
  if (typed.trim() !== '') {
    const answer = ctx.kb.ask(typed, { scopes, top: CONTENT_MATCHES });
    if (answer.kind !== 'rejected') {
      const found = answer.kind === 'answer' ? answer.results : [];
      for (const d of [...found, ...answer.related]) {
        if (scopes.includes(d.scope)) contentKeys.push(documentKey(d.scope, d.docId));
      }
    }
  }
  return rankDocumentChoices(docs, typed, contentKeys, AUTOCOMPLETE_MAX_CHOICES).map((d) => ({
    name: truncate(`${d.title}${d.key.startsWith('shared:') ? ' · shared' : ''}`, CHOICE_TEXT_MAX),
    value: d.key,
  }));
}
