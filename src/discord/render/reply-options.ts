import { MessageFlags, type InteractionEditReplyOptions, type InteractionReplyOptions, type InteractionUpdateOptions } from 'discord.js';
import { MESSAGE_CONTENT_MAX } from './discord-limits.js';
import { fitEmbed } from './fit-embed.js';
import type { MessageView } from './message-view.js';
import { truncate } from './truncate.js';

/**
 * Nothing the bot sends pings anyone: quoted documents and attributions may contain `@everyone`, role or
 * user mentions, and they must stay text. Set on every reply, edit and follow-up (and as the client default).
 */
export const NO_MENTIONS: { parse: [] } = { parse: [] };

type MessageBody = Pick<MessageView, 'content' | 'embeds' | 'components'> & { allowedMentions: typeof NO_MENTIONS };

/** A view as a new reply or follow-up: limits enforced, no mentions, ephemeral when asked. */
export function replyOptions(view: MessageView): InteractionReplyOptions {
  const body: InteractionReplyOptions = messageBody(view);
  return view.ephemeral ? { ...body, flags: MessageFlags.Ephemeral } : body;
}

/**
 * A view as an edit (editReply, update): the same, without flags (visibility cannot change on edit). Parts
 * the view leaves out stay as they are on the message; `components: []` removes the buttons.
 */
export function editOptions(view: MessageView): InteractionEditReplyOptions & InteractionUpdateOptions {
  return messageBody(view);
}

function messageBody(view: MessageView): MessageBody {
  return {
    ...(view.content !== undefined && { content: truncate(view.content, MESSAGE_CONTENT_MAX) }),
    ...(view.embeds !== undefined && { embeds: view.embeds.map(fitEmbed) }),
    ...(view.components !== undefined && { components: view.components }),
    allowedMentions: NO_MENTIONS,
  };
}
