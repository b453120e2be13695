import { parseArgs } from 'node:util';
import { REST, Routes } from 'discord.js';
import { FootnoteError } from '../../core/index.js';
import { checkApiBase } from '../../discord/check-api-base.js';
import { commandDefinitions } from '../../discord/commands/registry.js';
import { UsageError, type CliContext, type ExitCode } from '../cli-context.js';

/**
 * `footnote deploy-commands [--guild ID]`: registers the bot's slash commands with one bulk overwrite
 * (PUT), globally or, for development, in one server (DISCORD_GUILD_ID or --guild), where changes show
 * at once. The bot itself never registers commands on start.
 */
export async function deployCommandsCommand(ctx: CliContext): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args: ctx.args, allowPositionals: true, options: { guild: { type: 'string' } } });
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const guildId = values.guild ?? ctx.config.discord.guildId;
  if (guildId !== undefined && !/^\d{17,20}$/.test(guildId)) throw new UsageError('--guild must be a Discord server id (17–20 digits).');
  const { token, applicationId, apiBase } = ctx.config.discord;
  if (token === undefined) {
    throw new FootnoteError('config_invalid', 'DISCORD_TOKEN is not set: deploy-commands registers commands as the bot. See .env.example.');
  }
  if (applicationId === undefined) {
    throw new FootnoteError('config_invalid', 'DISCORD_APPLICATION_ID is not set (developer portal → General Information → Application ID).');
  }
  const { warning } = checkApiBase(apiBase);
  if (warning) ctx.logger.warn({ apiBase }, warning);

  const rest = new REST({ api: apiBase }).setToken(token);
  const route = guildId === undefined ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId);
  const body = commandDefinitions();
  let registered: unknown;
  try {
    registered = await rest.put(route, { body });
  } catch (error) {
    throw new FootnoteError('config_invalid', `Registering the commands failed: ${(error as Error).message}`, { cause: error });
  }
  const names = Array.isArray(registered) ? registered.map((c: { name?: unknown }) => `/${String(c.name)}`).join(', ') : body.length;
  ctx.out(
    guildId === undefined
      ? `Registered ${body.length} commands globally (${names}); Discord may take up to an hour to show changes everywhere.`
      : `Registered ${body.length} commands in server ${guildId} (${names}).`,
  );
  return 0;
}
