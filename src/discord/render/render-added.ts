import type { AddResult } from '../../core/knowledge/add-input.js';
import { escapeText } from './escape-text.js';
import { plural } from './format-took.js';
import { EMBED_COLOR, type MessageView } from './message-view.js';
import { fitHead } from './quote-passage.js';
import { truncate } from './truncate.js';

/** The first passage as a preview, inside a 1,024-character field. */
const PREVIEW_CHARS = 900;

/** The reply to `/curate add`: id, passage count, first passage, and a question to try. */
export function renderAdded(result: AddResult): MessageView {
  const verb = result.kind === 'added' ? 'Added' : 'Replaced';
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: `${verb}: ${escapeText(result.title)}`,
        description: `Documents added here belong to this server: only its members' questions can find it.`,
        fields: [
          { name: 'Id', value: `\`${result.id}\``, inline: true },
          { name: 'Passages', value: String(result.passages), inline: true },
          { name: 'First passage', value: `> ${fitHead(result.firstPassage, PREVIEW_CHARS)}` },
          { name: 'Try it', value: `\`/ask question:${suggestedQuestion(result.title)}\`` },
        ],
        footer: { text: `${plural(result.passages, 'passage')} indexed · remove with /curate remove` },
      },
    ],
    ephemeral: true,
  };
}

/** A question that will find the new document: its title, which retrieval boosts. Backticks would end the code span. */
function suggestedQuestion(title: string): string {
  return truncate(`What does "${title}" say?`.replace(/`/g, "'"), 280);
}
