import { ButtonStyle, ComponentType } from 'discord.js';
import type { DocumentMeta } from '../../core/index.js';
import { encodeCustomId } from '../custom-id.js';
import { button } from './answer-buttons.js';
import { escapeText } from './escape-text.js';
import { WARNING_COLOR, type MessageView } from './message-view.js';

/** `/curate remove` (ephemeral): what would be removed, with Remove / Cancel buttons. */
export function renderRemoveConfirm(meta: DocumentMeta, passages: number): MessageView {
  return {
    embeds: [
      {
        color: WARNING_COLOR,
        title: `Remove “${escapeText(meta.title)}”?`,
        description: `\`${meta.id}\` · ${passages} passages · added by ${escapeText(meta.addedBy)} on ${meta.addedAt.slice(0, 10)}.\nAnswers in this server will no longer quote it. This cannot be undone (add it again to restore it).`,
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          button(encodeCustomId({ kind: 'remove-confirm', docId: meta.id }), 'Remove', ButtonStyle.Danger),
          button(encodeCustomId({ kind: 'remove-cancel', docId: meta.id }), 'Cancel', ButtonStyle.Secondary),
        ],
      },
    ],
    ephemeral: true,
  };
}
