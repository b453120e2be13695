import { ButtonStyle, ComponentType } from 'discord.js';
import type { DocumentMeta } from '../../core/index.js';
import { encodeCustomId } from '../custom-id.js';
import { button } from './answer-buttons.js';
import { escapeText } from './escape-text.js';
import { truncate } from './truncate.js';
import { WARNING_COLOR, type MessageView } from './message-view.js';

/** Replace buttons offered at most (newest documents first); a row holds five buttons, two are taken. */
const MAX_REPLACE_CHOICES = 3;
/** Discord's limit for a button label. */
const BUTTON_LABEL_MAX = 80;

/**
 * Asked when an upload has the name of documents already in the server (`/curate add`): replace one of
 * them, or keep both. A file name alone never replaces anything (teams have many README.md).
 */
export function renderUploadChoice(fileName: string, matches: readonly DocumentMeta[], token: string): MessageView {
  const shown = matches.slice(0, MAX_REPLACE_CHOICES);
  const lines = shown.map((m) => `• “${escapeText(m.title)}” (\`${m.id}\`), added by ${escapeText(m.addedBy)} on ${m.addedAt.slice(0, 10)}`);
  if (matches.length > shown.length) lines.push(`…and ${matches.length - shown.length} more with this name.`);
  return {
    embeds: [
      {
        color: WARNING_COLOR,
        title: truncate(`“${escapeText(fileName)}” has the name of a document already here`, 256),
        description: `${lines.join('\n')}\n\nReplace it with this upload, or add the upload as a new document and keep both?`,
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          ...shown.map((m) =>
            button(encodeCustomId({ kind: 'upload-replace', token, docId: m.id }), truncate(`Replace “${m.title}”`, BUTTON_LABEL_MAX), ButtonStyle.Danger),
          ),
          button(encodeCustomId({ kind: 'upload-new', token }), 'Add as new', ButtonStyle.Primary),
          button(encodeCustomId({ kind: 'upload-cancel', token }), 'Cancel', ButtonStyle.Secondary),
        ],
      },
    ],
    ephemeral: true,
  };
}
