import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { encodeCustomId } from '../custom-id.js';
import { TEXT_INPUT_MAX } from './discord-limits.js';

export const ADD_MODAL_FIELDS = { title: 'title', text: 'text' } as const;
/** Titles are kept to 200 characters by the core; the input says so up front. */
const TITLE_MAX = 200;

/**
 * The modal `/curate add` opens when given neither a file nor a URL: a title and the text to paste.
 * Discord caps a text input at 4,000 characters, and the label says so (a longer document goes in as a file).
 */
export function renderAddModal(title?: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: encodeCustomId({ kind: 'add-modal' }),
    title: 'Add a document', // modal titles: at most 45 characters
    components: [
      {
        type: ComponentType.Label,
        label: 'Title',
        component: {
          type: ComponentType.TextInput,
          custom_id: ADD_MODAL_FIELDS.title,
          style: TextInputStyle.Short,
          min_length: 1,
          max_length: TITLE_MAX,
          required: true,
          ...(title !== undefined && title !== '' && { value: title.slice(0, TITLE_MAX) }),
        },
      },
      {
        type: ComponentType.Label,
        label: 'Text',
        // Label descriptions hold at most 100 characters.
        description: `Discord caps this box at ${TEXT_INPUT_MAX.toLocaleString('en-US')} characters; attach a file for longer texts.`,
        component: {
          type: ComponentType.TextInput,
          custom_id: ADD_MODAL_FIELDS.text,
          style: TextInputStyle.Paragraph,
          min_length: 1,
          max_length: TEXT_INPUT_MAX,
          required: true,
          placeholder: 'Paste the document here.',
        },
      },
    ],
  };
}
