import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { guildView, type BotContext } from '../bot-context.js';
import { documentChoices } from '../document-choices.js';
import { findDocument } from '../find-document.js';
import { escapeText } from '../render/escape-text.js';
import { plural } from '../../core/index.js';
import { notice, type MessageView } from '../render/message-view.js';
import { renderDocsList } from '../render/render-docs-list.js';
import { renderDocument } from '../render/render-document.js';
import { reply, type Response } from '../response.js';
import type { Command } from './command.js';

const definition = new SlashCommandBuilder()
  .setName('docs')
  .setDescription('The documents answers in this server come from.')
  .addSubcommand((s) =>
    s
      .setName('list')
      .setDescription('List the documents visible in this server.')
      .addIntegerOption((o) => o.setName('page').setDescription('Page number').setMinValue(1)),
  )
  .addSubcommand((s) =>
    s
      .setName('show')
      .setDescription("Show a document's details and one of its passages.")
      .addStringOption((o) => o.setName('document').setDescription('Start typing a title').setRequired(true).setAutocomplete(true).setMaxLength(100))
      .addIntegerOption((o) => o.setName('passage').setDescription('Which passage (default 1)').setMinValue(1)),
  )
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setContexts(InteractionContextType.Guild);

/** One page of `/docs list` for the guild an interaction came from (also used by the paging buttons). */
export function docsListView(ctx: BotContext, guildId: string | null, guildName: string | null, page: number): MessageView {
  const view = guildView(ctx, guildId);
  return renderDocsList(ctx.kb.list(view.scopes), page, { guildName, includeShared: view.includeGlobal });
}

function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Response {
  const sub = interaction.options.getSubcommand(true);
  if (sub === 'list') {
    const page = interaction.options.getInteger('page') ?? 1;
    return reply(docsListView(ctx, interaction.guildId, interaction.guild?.name ?? null, page));
  }
  const value = interaction.options.getString('document', true);
  const doc = findDocument(ctx, interaction.guildId, value);
  if (!doc) return reply(notice(`There is no document “${escapeText(value)}” in this server. \`/docs list\` shows what there is.`));
  const position = interaction.options.getInteger('passage') ?? 1;
  if (position > doc.passages.length) {
    return reply(notice(`“${escapeText(doc.meta.title)}” has ${plural(doc.passages.length, 'passage')}; choose one from 1 to ${doc.passages.length}.`));
  }
  return reply(renderDocument(doc.meta, doc.passages, position));
}

/** `/docs`: list the documents visible here (ephemeral, paged) or show one of them (ephemeral). */
export const docsCommand: Command = {
  definition,
  execute,
  autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    return { kind: 'choices', choices: focused.name === 'document' ? documentChoices(ctx, interaction.guildId, focused.value) : [] };
  },
};
