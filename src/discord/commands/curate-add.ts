import { MessageFlags, type Attachment, type ChatInputCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import { guildScope } from '../../core/documents/document.js';
import type { DocumentInput } from '../../core/knowledge/add-input.js';
import type { BotContext } from '../bot-context.js';
import { downloadAttachment, formatMb } from '../download-attachment.js';
import { escapeText } from '../render/escape-text.js';
import { notice } from '../render/message-view.js';
import { ADD_MODAL_FIELDS, renderAddModal } from '../render/render-add-modal.js';
import { renderAdded } from '../render/render-added.js';
import { replyOptions } from '../render/reply-options.js';
import { retryFirstResponse, sendView } from '../send-view.js';

/** The file types the core extracts text from. */
const ACCEPTED_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'pdf', 'docx'];

/**
 * `/curate add`: a file, a URL, or (with neither) a modal to paste text. Downloading, fetching and
 * extracting can take longer than Discord's 3 s, so those replies are deferred (ephemeral) and edited.
 */
export async function curateAdd(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext): Promise<void> {
  const file = interaction.options.getAttachment('file');
  const url = interaction.options.getString('url')?.trim() || undefined;
  const title = interaction.options.getString('title')?.trim() || undefined;
  if (file && url) {
    await interaction.reply(replyOptions(notice('Give either a file or a URL, not both.')));
    return;
  }
  if (!file && !url) {
    await interaction.showModal(renderAddModal(title));
    return;
  }
  if (file) {
    const refusal = attachmentRefusal(file, ctx.config.maxDocumentBytes);
    if (refusal) {
      await interaction.reply(replyOptions(notice(refusal)));
      return;
    }
  }
  await retryFirstResponse(interaction, ctx.logger, () => interaction.deferReply({ flags: MessageFlags.Ephemeral }), { ephemeral: true });
  const input: DocumentInput = file
    ? {
        kind: 'file',
        name: file.name,
        bytes: await downloadAttachment(file.url, {
          maxBytes: ctx.config.maxDocumentBytes,
          timeoutMs: ctx.config.fetchTimeoutMs,
          allowedOrigins: ctx.attachmentOrigins,
        }),
        ...(file.contentType !== null && { contentType: file.contentType }),
      }
    : { kind: 'url', url: url! };
  const result = await ctx.kb.add({ scope: guildScope(interaction.guildId), input, addedBy: interaction.user.username, ...(title && { title }) });
  ctx.logger.info({ guildId: interaction.guildId, id: result.id, kind: result.kind, by: interaction.user.id }, 'document added');
  // The document is stored; the moderator must hear so even if Discord stumbles (see sendView).
  await sendView(interaction, renderAdded(result), ctx.logger);
}

/** The pasted-text modal's submission. */
export async function submitAddModal(interaction: ModalSubmitInteraction<'cached' | 'raw'>, ctx: BotContext): Promise<void> {
  const title = interaction.fields.getTextInputValue(ADD_MODAL_FIELDS.title).trim();
  const text = interaction.fields.getTextInputValue(ADD_MODAL_FIELDS.text);
  // Extraction runs in a worker under limits; that start-up is not worth racing the 3 s against.
  await retryFirstResponse(interaction, ctx.logger, () => interaction.deferReply({ flags: MessageFlags.Ephemeral }), { ephemeral: true });
  const result = await ctx.kb.add({ scope: guildScope(interaction.guildId), input: { kind: 'text', text }, title, addedBy: interaction.user.username });
  ctx.logger.info({ guildId: interaction.guildId, id: result.id, kind: result.kind, by: interaction.user.id }, 'document added');
  // The document is stored; the moderator must hear so even if Discord stumbles (see sendView).
  await sendView(interaction, renderAdded(result), ctx.logger);
}

/** Checks what the payload already says (size, name) before anything is downloaded. */
function attachmentRefusal(file: Attachment, maxBytes: number): string | undefined {
  const extension = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  if (!ACCEPTED_EXTENSIONS.includes(extension)) {
    return `I can read .txt, .md, .html, .pdf and .docx files; “${escapeText(file.name)}” is none of these.`;
  }
  if (file.size > maxBytes) return `“${escapeText(file.name)}” is ${formatMb(file.size)}; the limit is ${formatMb(maxBytes)}.`;
  return undefined;
}
