import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { commonExtensions, guildScope } from '../../core/index.js';
import type { BotContext } from '../bot-context.js';
import { documentChoices } from '../document-choices.js';
import { saveOrRefuse } from '../keep-record.js';
import { notice } from '../render/message-view.js';
import { renderSettings } from '../render/render-settings.js';
import { renderUnanswered } from '../render/render-unanswered.js';
import { reply, type Response } from '../response.js';
import { curatorRefusal } from '../require-curator.js';
import type { Command } from './command.js';
import { curateAdd } from './curate-add.js';
import { curateRemove } from './curate-remove.js';

/** How many unanswered questions `/curate unanswered` lists. */
const UNANSWERED_SHOWN = 15;

// Discord grants permissions per top-level command, so curation is its own command, for ManageGuild by
// default and in servers only; admins can re-assign it under Server Settings → Integrations.
const definition = new SlashCommandBuilder()
  .setName('curate')
  .setDescription("Moderators: manage this server's documents.")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Add a document: a file, a URL, or (with neither) pasted text.')
      .addAttachmentOption((o) => o.setName('file').setDescription(`A ${commonExtensions('or')} file`))
      .addStringOption((o) => o.setName('url').setDescription('An http(s) link to a page or file').setMaxLength(2000))
      .addStringOption((o) => o.setName('title').setDescription('Title (default: from the document)').setMaxLength(200)),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription("Remove one of this server's documents.")
      .addStringOption((o) => o.setName('document').setDescription('Start typing a title').setRequired(true).setAutocomplete(true).setMaxLength(100)),
  )
  .addSubcommand((s) => s.setName('unanswered').setDescription('Recent questions the sources did not answer, most frequent first.'))
  .addSubcommand((s) =>
    s
      .setName('settings')
      .setDescription("This server's settings and quotas.")
      .addBooleanOption((o) => o.setName('include_shared').setDescription("Include the shared corpus in this server's answers")),
  );

function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Response {
  const refusal = curatorRefusal(interaction);
  if (refusal !== undefined || !interaction.inGuild()) return reply(notice(refusal ?? 'Curating documents works only in a server.'));
  const now = ctx.now();
  switch (interaction.options.getSubcommand(true)) {
    case 'add':
      return curateAdd(interaction, ctx);
    case 'remove':
      return curateRemove(interaction, ctx);
    case 'unanswered': {
      const days = ctx.config.discord.retentionDays;
      const questions = ctx.unanswered.recent(interaction.guildId, now - days * 86_400_000, UNANSWERED_SHOWN);
      return reply(renderUnanswered(questions, days, now));
    }
    case 'settings': {
      const includeShared = interaction.options.getBoolean('include_shared');
      if (includeShared !== null) {
        const guildId = interaction.guildId;
        saveOrRefuse('the setting', () => ctx.kb.settings.set(guildId, { includeShared }, interaction.user.id, now));
      }
      const usage = ctx.kb.usage(guildScope(interaction.guildId));
      return reply(renderSettings(ctx.kb.settings.get(interaction.guildId), usage, ctx.config, includeShared !== null));
    }
    default:
      return reply(notice('Unknown /curate subcommand.'));
  }
}

/** `/curate add | remove | unanswered | settings`: the moderators' command. */
export const curateCommand: Command = {
  definition,
  execute,
  autocomplete(interaction, ctx) {
    // Even suggestions are for curators only: they list this server's documents.
    const focused = interaction.options.getFocused(true);
    const allowed = curatorRefusal(interaction) === undefined && focused.name === 'document';
    return { kind: 'choices', choices: allowed ? documentChoices(ctx, interaction.guildId, focused.value, { ownOnly: true }) : [] };
  },
};
