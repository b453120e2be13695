import { type DocumentMeta, guildScope, type Passage, type Scope } from '../core/index.js';
import { guildView, type BotContext } from './bot-context.js';

/**
 * The document a document option names, if it is visible from this interaction's guild: `here:<id>`,
 * `shared:<id>`, or a bare id typed without choosing (this server's first, then the shared corpus).
 * `ownOnly` limits the search to the guild's own documents (removal).
 */
export function findDocument(
  ctx: BotContext,
  guildId: string | null,
  value: string,
  options: { ownOnly?: boolean } = {},
): { meta: DocumentMeta; passages: Passage[] } | undefined {
  const view = guildView(ctx, guildId);
  const own: Scope[] = view.guildId !== undefined ? [guildScope(view.guildId)] : [];
  const allowed = options.ownOnly ? own : view.scopes;
  const match = /^(here|shared):(.+)$/.exec(value.trim());
  const id = (match ? match[2]! : value).trim();
  const wanted: Scope[] = match ? (match[1] === 'here' ? own : ['global']) : [...own, 'global'];
  const scopes = wanted.filter((s) => allowed.includes(s));
  return scopes.length > 0 ? ctx.kb.document(scopes, id) : undefined;
}
