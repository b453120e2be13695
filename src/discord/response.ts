import { MessageFlags, type APIModalInteractionResponseCallbackData, type ApplicationCommandOptionChoiceData, type Interaction } from 'discord.js';
import type { BotContext } from './bot-context.js';
import type { MessageView } from './render/message-view.js';
import { editOptions, replyOptions } from './render/reply-options.js';
import { retryFirstResponse, retryTransient, sendView } from './send-view.js';

/**
 * What a handler wants sent, as a value: handlers parse, call the core and render; `sendResponse` is the
 * one place that talks to Discord (first response within 3 s, deferrals, edits, retries).
 * - `reply`: a new message as the first response.
 * - `update`: the component's own message, changed in place; `followUp` posts another after it.
 * - `modal`: a form to fill in.
 * - `defer`: "thinking…" now (ephemeral or not), then the view `work` makes, edited in. `queued` work waits
 *   its turn behind other deferred work, so a burst never starves first responses.
 * - `defer-update`: the component's message stays, then becomes the view `work` makes.
 * - `choices`: autocomplete suggestions.
 * (`work`, not `then`: an object with a `then` method would be taken for a promise when awaited.)
 */
export type Response =
  | { kind: 'reply'; view: MessageView }
  | { kind: 'update'; view: MessageView; followUp?: MessageView }
  | { kind: 'modal'; modal: APIModalInteractionResponseCallbackData }
  | { kind: 'defer'; ephemeral: boolean; queued?: boolean; work: () => MessageView | Promise<MessageView> }
  | { kind: 'defer-update'; work: () => Promise<MessageView> }
  | { kind: 'choices'; choices: ApplicationCommandOptionChoiceData<string>[] };

export const reply = (view: MessageView): Response => ({ kind: 'reply', view });

/** Sends what a handler returned. Failures (a refusal thrown by `work`) reach the router's error boundary. */
export async function sendResponse(interaction: Interaction, response: Response, ctx: BotContext): Promise<void> {
  const { logger } = ctx;
  if (response.kind === 'choices') {
    if (interaction.isAutocomplete()) await interaction.respond(response.choices);
    return;
  }
  if (!interaction.isRepliable()) return;
  switch (response.kind) {
    case 'reply':
      return retryFirstResponse(interaction, logger, () => interaction.reply(replyOptions(response.view)));
    case 'modal':
      if (interaction.isChatInputCommand() || interaction.isMessageComponent()) await interaction.showModal(response.modal);
      return;
    case 'update':
      if (!interaction.isMessageComponent()) return retryFirstResponse(interaction, logger, () => interaction.reply(replyOptions(response.view)));
      await retryFirstResponse(interaction, logger, () => interaction.update(editOptions(response.view)));
      if (response.followUp) await interaction.followUp(replyOptions(response.followUp));
      return;
    case 'defer': {
      await retryFirstResponse(interaction, logger, () => interaction.deferReply(response.ephemeral ? { flags: MessageFlags.Ephemeral } : {}), {
        ephemeral: response.ephemeral,
      });
      const view = response.queued ? await ctx.deferredWork.run(response.work) : await response.work();
      // What was done (a document stored) must be heard of even if Discord stumbles: sendView retries.
      return sendView(interaction, view, logger);
    }
    case 'defer-update': {
      if (!interaction.isMessageComponent()) return;
      await retryFirstResponse(interaction, logger, () => interaction.deferUpdate(), { ephemeral: true });
      const view = await response.work();
      await retryTransient(interaction, logger, () => interaction.editReply(editOptions({ content: '', components: [], ...view })));
      return;
    }
    default: {
      const unreachable: never = response;
      throw new Error(`unhandled response ${String(unreachable)}`);
    }
  }
}
