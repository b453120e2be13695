import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import type { Response } from '../response.js';

/**
 * A slash command: its definition (a discord.js builder, read by deploy-commands), what it does, and,
 * for commands with autocompleted options, how it suggests values.
 */
export type Command = {
  definition: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** What to send (the router sends it): handlers parse, call the core and render, nothing more. */
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Response | Promise<Response>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Response;
};
