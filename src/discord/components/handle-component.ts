import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { docsListView } from '../commands/docs-command.js';
import { answerUploadChoice, submitAddModal } from '../commands/curate-add.js';
import { answerRemoveButton } from '../commands/curate-remove.js';
import { parseCustomId } from '../custom-id.js';
import { notice } from '../render/message-view.js';
import { reply, type Response } from '../response.js';
import { curatorRefusal } from '../require-curator.js';
import { handleAnswerButton } from './handle-answer-button.js';

/** Buttons and modal submissions, dispatched on their custom_id. Curation ones re-check the permission. */
export function handleComponent(interaction: ButtonInteraction | ModalSubmitInteraction, ctx: BotContext): Response {
  const id = parseCustomId(interaction.customId);
  if (!id) return reply(notice('This button belongs to an older version of footnote; run the command again.'));
  switch (id.kind) {
    case 'answer-more':
    case 'answer-source':
    case 'answer-vote':
    case 'answer-share':
      if (!interaction.isButton()) break;
      return handleAnswerButton(interaction, ctx, id);
    case 'docs-page':
      if (!interaction.isButton()) break;
      return { kind: 'update', view: docsListView(ctx, interaction.guildId, interaction.guild?.name ?? null, id.page) };
    case 'remove-confirm':
    case 'remove-cancel':
    case 'add-modal':
    case 'upload-replace':
    case 'upload-new':
    case 'upload-cancel': {
      const refusal = curatorRefusal(interaction);
      if (refusal !== undefined || !interaction.inGuild()) return reply(notice(refusal ?? 'Curating documents works only in a server.'));
      if (id.kind === 'add-modal') {
        if (interaction.isModalSubmit()) return submitAddModal(interaction, ctx);
        break;
      }
      if (!interaction.isButton()) break;
      if (id.kind === 'upload-replace') return answerUploadChoice(interaction, ctx, { token: id.token, replace: id.docId });
      if (id.kind === 'upload-new') return answerUploadChoice(interaction, ctx, { token: id.token });
      if (id.kind === 'upload-cancel') return answerUploadChoice(interaction, ctx, { token: id.token, cancel: true });
      return answerRemoveButton(interaction, ctx, id.docId, id.kind === 'remove-confirm');
    }
    default: {
      const unreachable: never = id;
      throw new Error(`unhandled custom id ${String(unreachable)}`);
    }
  }
  return reply(notice('This control does not work here; run the command again.'));
}
