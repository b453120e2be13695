import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { renderHelp } from '../render/render-help.js';
import { reply } from '../response.js';
import type { Command } from './command.js';

/** `/help`: what footnote does, its commands, and what it keeps about people. */
export const helpCommand: Command = {
  definition: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What footnote does, its commands, and what it stores.')
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  execute(_interaction, ctx) {
    return reply(renderHelp(ctx.config.discord.retentionDays));
  },
};
