import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { guildScope } from '../../core/index.js';
import type { BotContext } from '../bot-context.js';
import { findDocument } from '../find-document.js';
import { escapeText } from '../render/escape-text.js';
import { notice } from '../render/message-view.js';
import { renderRemoveConfirm } from '../render/render-remove-confirm.js';
import { reply, type Response } from '../response.js';

/** `/curate remove`: asks for confirmation. Only this server's own documents can be removed from Discord. */
export function curateRemove(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext): Response {
  const value = interaction.options.getString('document', true);
  const doc = findDocument(ctx, interaction.guildId, value, { ownOnly: true });
  if (!doc) {
    const shared = findDocument(ctx, interaction.guildId, value);
    return reply(
      notice(
        shared
          ? `“${escapeText(shared.meta.title)}” belongs to the shared corpus, which only the bot's operator can change.`
          : `This server has no document “${escapeText(value)}”. \`/docs list\` shows what there is.`,
      ),
    );
  }
  return reply(renderRemoveConfirm(doc.meta, doc.passages.length));
}

/** The Remove / Cancel buttons: the confirmation message is updated in place, its buttons removed. */
export function answerRemoveButton(interaction: ButtonInteraction<'cached' | 'raw'>, ctx: BotContext, docId: string, confirmed: boolean): Response {
  if (!confirmed) return { kind: 'update', view: { content: `Kept \`${docId}\`; nothing was removed.`, embeds: [], components: [] } };
  const removed = ctx.kb.remove(guildScope(interaction.guildId), docId);
  ctx.logger.info({ guildId: interaction.guildId, id: docId, by: interaction.user.id }, 'document removed');
  return {
    kind: 'update',
    view: { content: `Removed “${escapeText(removed.title)}” (\`${removed.id}\`). Answers here no longer quote it.`, embeds: [], components: [] },
  };
}
