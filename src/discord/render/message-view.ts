import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

/**
 * What a renderer returns: a plain, Discord-shaped message. `ephemeral` applies when it is sent as a new
 * reply; an edit keeps the visibility the message already has.
 */
export type MessageView = {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
  ephemeral?: boolean;
};

/** The brand colour of footnote's embeds. */
export const EMBED_COLOR = 0x5865f2;
/** For refusals and errors. */
export const WARNING_COLOR = 0xfee75c;

/** A short message: one sentence or two, ephemeral unless told otherwise. */
export function notice(text: string, options: { ephemeral?: boolean } = {}): MessageView {
  return { content: text, ephemeral: options.ephemeral ?? true };
}
