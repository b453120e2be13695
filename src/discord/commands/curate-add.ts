import type { Attachment, ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import { commonExtensions, formatBytes, guildScope, isSupportedFileName, type AddRequest, type DocumentInput } from '../../core/index.js';
import type { BotContext } from '../bot-context.js';
import { downloadAttachment } from '../download-attachment.js';
import { escapeText } from '../render/escape-text.js';
import { notice, type MessageView } from '../render/message-view.js';
import { ADD_MODAL_FIELDS, renderAddModal } from '../render/render-add-modal.js';
import { renderAdded } from '../render/render-added.js';
import { renderUploadChoice } from '../render/render-upload-choice.js';
import type { PendingUpload } from '../pending-uploads.js';
import { reply, type Response } from '../response.js';


/**
 * `/curate add`: a file, a URL, or (with neither) a modal to paste text. Downloading, fetching and
 * extracting can take longer than Discord's 3 s, so those replies are deferred (ephemeral) and edited.
 */
export function curateAdd(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext): Response {
  const file = interaction.options.getAttachment('file');
  const url = interaction.options.getString('url')?.trim() || undefined;
  const title = interaction.options.getString('title')?.trim() || undefined;
  if (file && url) return reply(notice('Give either a file or a URL, not both.'));
  if (!file && !url) return { kind: 'modal', modal: renderAddModal(title) };
  const scope = guildScope(interaction.guildId);
  const request = { scope, addedBy: interaction.user.username, ...(title && { title }) };
  if (!file) return { kind: 'defer', ephemeral: true, work: () => addAndRender(ctx, { ...request, input: { kind: 'url', url: url! } }, interaction) };
  const refusal = attachmentRefusal(file, ctx.config.maxDocumentBytes);
  if (refusal) return reply(notice(refusal));
  const attachment = { url: file.url, name: file.name, size: file.size, ...(file.contentType !== null && { contentType: file.contentType }) };
  // A name is not an identity: an upload named like a document here asks before replacing anything.
  const matches = ctx.kb.documentsNamed(scope, file.name);
  if (matches.length > 0) {
    const token = ctx.pendingUploads.put({ guildId: interaction.guildId, attachment, ...(title && { title }) });
    return reply(renderUploadChoice(file.name, matches, token));
  }
  return { kind: 'defer', ephemeral: true, work: async () => addAndRender(ctx, { ...request, input: await downloadInput(attachment, ctx) }, interaction) };
}

/**
 * The Replace / Add as new / Cancel buttons under an upload whose name matched: the choice message
 * is updated in place. Replace names the document by id, so exactly that one is replaced.
 */
export function answerUploadChoice(
  interaction: ButtonInteraction<'cached' | 'raw'>,
  ctx: BotContext,
  choice: { token: string; replace?: string; cancel?: boolean },
): Response {
  const upload = ctx.pendingUploads.take(choice.token);
  if (!upload || upload.guildId !== interaction.guildId) {
    return { kind: 'update', view: { content: 'This choice has expired or was already made; run `/curate add` again.', embeds: [], components: [] } };
  }
  if (choice.cancel) {
    return { kind: 'update', view: { content: `Nothing was added; “${escapeText(upload.attachment.name)}” was left out.`, embeds: [], components: [] } };
  }
  return {
    kind: 'defer-update',
    work: async () => {
      const input = await downloadInput(upload.attachment, ctx);
      const request = { scope: guildScope(interaction.guildId), input, addedBy: interaction.user.username, ...(upload.title && { title: upload.title }) };
      return addAndRender(ctx, choice.replace === undefined ? request : { ...request, id: choice.replace }, interaction);
    },
  };
}

/** The pasted-text modal's submission. Extraction runs in a worker under limits: not worth racing the 3 s. */
export function submitAddModal(interaction: ModalSubmitInteraction<'cached' | 'raw'>, ctx: BotContext): Response {
  const title = interaction.fields.getTextInputValue(ADD_MODAL_FIELDS.title).trim();
  const text = interaction.fields.getTextInputValue(ADD_MODAL_FIELDS.text);
  const request: AddRequest = { scope: guildScope(interaction.guildId), input: { kind: 'text', text }, title, addedBy: interaction.user.username };
  return { kind: 'defer', ephemeral: true, work: () => addAndRender(ctx, request, interaction) };
}

async function addAndRender(ctx: BotContext, request: AddRequest, interaction: Interaction): Promise<MessageView> {
  const result = await ctx.kb.add(request);
  ctx.logger.info({ guildId: interaction.guildId, id: result.id, kind: result.kind, by: interaction.user.id }, 'document added');
  return renderAdded(result);
}

async function downloadInput(file: PendingUpload['attachment'], ctx: BotContext): Promise<DocumentInput> {
  const bytes = await downloadAttachment(file.url, {
    maxBytes: ctx.config.maxDocumentBytes,
    timeoutMs: ctx.config.fetchTimeoutMs,
    allowedOrigins: ctx.attachmentOrigins,
  });
  return { kind: 'file', name: file.name, bytes, ...(file.contentType !== undefined && { contentType: file.contentType }) };
}

/** Checks what the payload already says (size, name) before anything is downloaded. */
function attachmentRefusal(file: Attachment, maxBytes: number): string | undefined {
  if (!isSupportedFileName(file.name)) {
    return `I can read ${commonExtensions('and')} files; “${escapeText(file.name)}” is none of these.`;
  }
  if (file.size > maxBytes) return `“${escapeText(file.name)}” is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`;
  return undefined;
}
