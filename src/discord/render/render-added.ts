import type { AddResult } from '../../core/index.js';
import { escapeText } from './escape-text.js';
import { plural } from '../../core/index.js';
import { EMBED_COLOR, type MessageView } from './message-view.js';
import { fitHead } from './quote-passage.js';
import { truncate } from './truncate.js';

/** The first passage as a preview, inside a 1,024-character field. */
const PREVIEW_CHARS = 900;

const VERB: Record<AddResult['kind'], string> = { added: 'Added', replaced: 'Replaced', unchanged: 'Unchanged' };

/** The reply to `/curate add`: what it replaced (if anything), id, passage count, first passage, and a question to try. */
export function renderAdded(result: AddResult): MessageView {
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: truncate(`${VERB[result.kind]}: ${escapeText(result.title)}`, 256),
        description: describeChange(result),
        fields: [
          { name: 'Id', value: `\`${result.id}\``, inline: true },
          { name: 'Passages', value: String(result.passages), inline: true },
          ...(result.firstPassage === ''
            ? []
            : [{ name: 'First passage', value: `> ${fitHead(result.firstPassage, PREVIEW_CHARS)}` }]),
          { name: 'Try it', value: `\`/ask question:${suggestedQuestion(result.title)}\`` },
        ],
        footer: { text: `${plural(result.passages, 'passage')} indexed · remove with /curate remove` },
      },
    ],
    ephemeral: true,
  };
}

function describeChange(result: AddResult): string {
  const scope = `Documents added here belong to this server: only its members' questions can find them.`;
  switch (result.kind) {
    case 'added':
      return scope;
    case 'replaced': {
      const old = result.replaced;
      return `This replaced “${escapeText(old.title)}” (\`${old.id}\`), added by ${escapeText(old.addedBy)} on ${old.addedAt.slice(0, 10)}.\n${scope}`;
    }
    case 'unchanged':
      return `\`${result.id}\` already holds exactly this text, so nothing changed.`;
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

/** A question that will find the new document: its title, which retrieval boosts. Backticks would end the code span. */
function suggestedQuestion(title: string): string {
  return truncate(`What does "${title}" say?`.replace(/`/g, "'"), 280);
}
