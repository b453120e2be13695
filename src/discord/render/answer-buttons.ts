import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIButtonComponentWithCustomId } from 'discord.js';
import { encodeCustomId } from '../custom-id.js';

export type AnswerButtonsOptions = { answerId: string; more: boolean; shareable: boolean; shared?: boolean };

/** More results · Show source · 👍 · 👎 · Share to channel (private answers): five buttons, one row's worth. */
export function answerButtons(options: AnswerButtonsOptions): APIActionRowComponent<APIButtonComponent> {
  const { answerId } = options;
  const buttons: APIButtonComponent[] = [];
  if (options.more) {
    buttons.push(button(encodeCustomId({ kind: 'answer-more', answerId, page: 2 }), 'More results', ButtonStyle.Secondary));
  }
  buttons.push(button(encodeCustomId({ kind: 'answer-source', answerId, rank: 1 }), 'Show source', ButtonStyle.Secondary));
  buttons.push({ ...button(encodeCustomId({ kind: 'answer-vote', answerId, vote: 1 }), undefined, ButtonStyle.Secondary), emoji: { name: '👍' } });
  buttons.push({ ...button(encodeCustomId({ kind: 'answer-vote', answerId, vote: -1 }), undefined, ButtonStyle.Secondary), emoji: { name: '👎' } });
  if (options.shareable) {
    const shareButton = button(encodeCustomId({ kind: 'answer-share', answerId }), options.shared ? 'Shared' : 'Share to channel', ButtonStyle.Primary);
    buttons.push({ ...shareButton, disabled: options.shared === true });
  }
  return { type: ComponentType.ActionRow, components: buttons };
}

export function button(
  customId: string,
  label: string | undefined,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, style, ...(label !== undefined && { label }) };
}
