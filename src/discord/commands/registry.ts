import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { askCommand } from './ask-command.js';
import type { Command } from './command.js';
import { curateCommand } from './curate-command.js';
import { docsCommand } from './docs-command.js';
import { helpCommand } from './help-command.js';

/** Every slash command, in one explicit list read by both the interaction router and deploy-commands. */
export const COMMANDS: readonly Command[] = [askCommand, docsCommand, curateCommand, helpCommand];

/** The command definitions as Discord's bulk overwrite expects them. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((c) => c.definition.toJSON());
}

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.definition.name === name);
}
