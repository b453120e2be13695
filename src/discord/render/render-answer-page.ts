import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import type { Citation } from '../../core/index.js';
import { encodeCustomId } from '../custom-id.js';
import { button } from './answer-buttons.js';
import { citationHeading, citationLine } from './citation-line.js';
import { escapeText } from './escape-text.js';
import { EMBED_COLOR, type MessageView } from './message-view.js';
import { quoteBody } from './quote-body.js';

/** Each passage of a "More results" page: its highlight with context, inside a 1,024-character field. */
const PAGE_QUOTE_CHARS = 700;

/** A further page of an answer (ephemeral): the passages quoted, each with a "Source N" button. */
export function renderAnswerPage(
  question: string,
  citations: readonly Citation[],
  options: { answerId: string; page: number; hasMore: boolean },
): MessageView {
  const first = citations[0]?.rank ?? 0;
  const last = citations.at(-1)?.rank ?? 0;
  const buttons: APIButtonComponent[] = citations.map((c) =>
    button(encodeCustomId({ kind: 'answer-source', answerId: options.answerId, rank: c.rank }), `Source ${c.rank}`, ButtonStyle.Secondary),
  );
  if (options.hasMore) {
    buttons.push(button(encodeCustomId({ kind: 'answer-more', answerId: options.answerId, page: options.page + 1 }), 'More results', ButtonStyle.Secondary));
  }
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: escapeText(question),
        description: `Results ${first}–${last}`,
        fields: citations.map((c) => ({ name: citationHeading(c), value: `${quoteBody(c, PAGE_QUOTE_CHARS)}\n${citationLine(c)}` })),
      },
    ],
    components: [{ type: ComponentType.ActionRow, components: buttons }],
    ephemeral: true,
  };
}
