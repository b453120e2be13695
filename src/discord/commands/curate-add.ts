import {
  MessageFlags,
  type Attachment,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  type RepliableInteraction,
} from 'discord.js';
import { type AddRequest, type DocumentInput, guildScope, isSupportedFileName, formatBytes } from '../../core/index.js';
import type { BotContext } from '../bot-context.js';
import { downloadAttachment } from '../download-attachment.js';
import { escapeText } from '../render/escape-text.js';
import { notice } from '../render/message-view.js';
import { ADD_MODAL_FIELDS, renderAddModal } from '../render/render-add-modal.js';
import { renderAdded } from '../render/render-added.js';
import { renderUploadChoice } from '../render/render-upload-choice.js';
import { editOptions, replyOptions } from '../render/reply-options.js';
import { retryFirstResponse, retryTransient, sendView } from '../send-view.js';


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
  const scope = guildScope(interaction.guildId);
  if (file) {
    const refusal = attachmentRefusal(file, ctx.config.maxDocumentBytes);
    if (refusal) {
      await interaction.reply(replyOptions(notice(refusal)));
      return;
    }
    // A name is not an identity: an upload named like a document here asks before replacing anything.
    const matches = ctx.kb.documentsNamed(scope, file.name);
    if (matches.length > 0) {
      const attachment = { url: file.url, name: file.name, size: file.size, ...(file.contentType !== null && { contentType: file.contentType }) };
      const token = ctx.pendingUploads.put({ guildId: interaction.guildId, attachment, ...(title && { title }) });
      await interaction.reply(replyOptions(renderUploadChoice(file.name, matches, token)));
      return;
    }
  }
  await retryFirstResponse(interaction, ctx.logger, () => interaction.deferReply({ flags: MessageFlags.Ephemeral }), { ephemeral: true });
  const input: DocumentInput = file ? await downloadInput(file, ctx) : { kind: 'url', url: url! };
  await addAndReport(interaction, ctx, { scope, input, addedBy: interaction.user.username, ...(title && { title }) });
}

/**
 * The Replace / Add as new / Cancel buttons under an upload whose name matched: the choice message
 * is updated in place. Replace names the document by id, so exactly that one is replaced.
 */
export async function answerUploadChoice(
  interaction: ButtonInteraction<'cached' | 'raw'>,
  ctx: BotContext,
  choice: { token: string; replace?: string; cancel?: boolean },
): Promise<void> {
  const upload = ctx.pendingUploads.take(choice.token);
  if (!upload || upload.guildId !== interaction.guildId) {
    await interaction.update(editOptions({ content: 'This choice has expired or was already made; run `/curate add` again.', embeds: [], components: [] }));
    return;
  }
  if (choice.cancel) {
    await interaction.update(editOptions({ content: `Nothing was added; “${escapeText(upload.attachment.name)}” was left out.`, embeds: [], components: [] }));
    return;
  }
  await retryFirstResponse(interaction, ctx.logger, () => interaction.deferUpdate(), { ephemeral: true });
  const input = await downloadInput(upload.attachment, ctx);
  const request = { scope: guildScope(interaction.guildId), input, addedBy: interaction.user.username, ...(upload.title && { title: upload.title }) };
  await addAndReport(interaction, ctx, choice.replace === undefined ? request : { ...request, id: choice.replace });
}

async function addAndReport(interaction: RepliableInteraction, ctx: BotContext, request: AddRequest): Promise<void> {
  const result = await ctx.kb.add(request);
  ctx.logger.info({ guildId: interaction.guildId, id: result.id, kind: result.kind, by: interaction.user.id }, 'document added');
  // The document is stored; the moderator must hear so even if Discord stumbles (see sendView).
  if (interaction.isButton()) await retryTransient(interaction, ctx.logger, () => interaction.editReply(editOptions({ content: '', components: [], ...renderAdded(result) })));
  else await sendView(interaction, renderAdded(result), ctx.logger);
}

async function downloadInput(file: { url: string; name: string; contentType?: string | null }, ctx: BotContext): Promise<DocumentInput> {
  const bytes = await downloadAttachment(file.url, {
    maxBytes: ctx.config.maxDocumentBytes,
    timeoutMs: ctx.config.fetchTimeoutMs,
    allowedOrigins: ctx.attachmentOrigins,
  });
  return { kind: 'file', name: file.name, bytes, ...(typeof file.contentType === 'string' && { contentType: file.contentType }) };
}

/** The pasted-text modal's submission. */
export async function submitAddModal(interaction: ModalSubmitInteraction<'cached' | 'raw'>, ctx: BotContext): Promise<void> {
  const title = interaction.fields.getTextInputValue(ADD_MODAL_FIELDS.title).trim();
  const text = interaction.fields.getTextInputValue(ADD_MODAL_FIELDS.text);
  // Extraction runs in a worker under limits; that start-up is not worth racing the 3 s against.
  await retryFirstResponse(interaction, ctx.logger, () => interaction.deferReply({ flags: MessageFlags.Ephemeral }), { ephemeral: true });
  await addAndReport(interaction, ctx, { scope: guildScope(interaction.guildId), input: { kind: 'text', text }, title, addedBy: interaction.user.username });
}

/** Checks what the payload already says (size, name) before anything is downloaded. */
function attachmentRefusal(file: Attachment, maxBytes: number): string | undefined {
  if (!isSupportedFileName(file.name)) {
    return `I can read .txt, .md, .html, .pdf and .docx files; “${escapeText(file.name)}” is none of these.`;
  }
  if (file.size > maxBytes) return `“${escapeText(file.name)}” is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`;
  return undefined;
}
