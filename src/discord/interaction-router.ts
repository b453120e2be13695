import { randomBytes } from 'node:crypto';
import type { Interaction } from 'discord.js';
import { isFootnoteError } from '../core/index.js';
import type { BotContext } from './bot-context.js';
import { findCommand } from './commands/registry.js';
import { handleComponent } from './components/handle-component.js';
import { notice, type MessageView } from './render/message-view.js';
import { reply, sendResponse, type Response } from './response.js';
import { sendView } from './send-view.js';

export type InteractionRouter = {
  /** Handles one interaction; never rejects (failures are answered and logged here). */
  handle(interaction: Interaction): Promise<void>;
  /** Stops accepting interactions: later ones get a short "restarting" reply. */
  close(): void;
  /** False once `close()` was called. */
  readonly accepting: boolean;
  /** How many interactions are being handled right now. */
  inFlight(): number;
  /** Resolves once every interaction already being handled (and its writes) has finished. */
  drain(): Promise<void>;
};

/**
 * The bot's one error boundary. Known errors (FootnoteError: bad file, quota, duplicate…) reach the user
 * as their own one-line message; anything else is logged with a reference id and answered with an
 * apology carrying that id. Both are ephemeral. Users never see stack traces.
 */
export function createInteractionRouter(ctx: BotContext): InteractionRouter {
  const inFlight = new Set<Promise<void>>();
  let open = true;

  /** What the handler for this interaction wants sent (handlers return values; sendResponse talks to Discord). */
  async function handle(interaction: Interaction): Promise<Response | undefined> {
    if (interaction.isChatInputCommand()) {
      const command = findCommand(interaction.commandName);
      return command ? command.execute(interaction, ctx) : reply(notice('This command is no longer available.'));
    }
    if (interaction.isAutocomplete()) {
      const command = findCommand(interaction.commandName);
      return command?.autocomplete ? command.autocomplete(interaction, ctx) : { kind: 'choices', choices: [] };
    }
    if (interaction.isButton() || interaction.isModalSubmit()) return handleComponent(interaction, ctx);
    return undefined;
  }

  async function dispatch(interaction: Interaction): Promise<void> {
    const response = await handle(interaction);
    if (response) await sendResponse(interaction, response, ctx);
  }

  async function guarded(interaction: Interaction): Promise<void> {
    try {
      if (!open) {
        await sendResponse(interaction, reply(notice('footnote is restarting; try again in a moment.')), ctx);
        return;
      }
      await dispatch(interaction);
    } catch (error) {
      await answerFailure(interaction, error, ctx);
    }
  }

  return {
    handle(interaction) {
      const task = guarded(interaction);
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      return task;
    },
    close() {
      open = false;
    },
    get accepting() {
      return open;
    },
    inFlight() {
      return inFlight.size;
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

async function answerFailure(interaction: Interaction, error: unknown, ctx: BotContext): Promise<void> {
  const where = describe(interaction);
  let view: MessageView;
  if (isFootnoteError(error)) {
    ctx.logger.info({ ...where, code: error.code, reason: error.message }, 'interaction refused');
    view = notice(error.message);
  } else {
    const ref = randomBytes(4).toString('hex');
    ctx.logger.error({ ...where, ref, err: error }, 'interaction failed');
    view = notice(`Sorry, something went wrong on my side. If it keeps happening, tell the bot's operator this reference: \`${ref}\`.`);
  }
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]).catch(() => {});
    return;
  }
  if (!interaction.isRepliable()) return;
  try {
    await sendView(interaction, view, ctx.logger);
  } catch (replyError) {
    ctx.logger.warn({ ...where, err: replyError }, 'could not tell the user about a failure');
  }
}

/** What the log needs to find an interaction again, without message contents. */
function describe(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    type: interaction.type,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId : undefined,
    guildId: interaction.guildId,
    userId: interaction.user.id,
  };
}
