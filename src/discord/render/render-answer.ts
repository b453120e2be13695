import type { APIEmbedField } from 'discord.js';
import type { Answer, RelatedDocument } from '../../core/index.js';
import { answerButtons } from './answer-buttons.js';
import { citationHeading, citationLine, citationUrl } from './citation-line.js';
import { escapeLinkLabel, escapeText } from './escape-text.js';
import { plural, readAsText } from '../../core/index.js';
import { formatTook } from './format-took.js';
import { EMBED_COLOR, type MessageView } from './message-view.js';
import { quoteBody } from './quote-body.js';

export type FoundAnswer = Extract<Answer, { kind: 'answer' }>;
/** `answerId` is the answer's record, which its buttons need; without one (the store could not write) there are none. */
export type AnswerViewOptions = { answerId: string | undefined; ephemeral: boolean; shareable: boolean };

/** The best passage's quote: well inside the 4,096-character description, leaving room for its citation. */
const BEST_QUOTE_CHARS = 1800;
/** The further passages are brief: their highlight with a little context, inside a 1,024-character field. */
const BRIEF_QUOTE_CHARS = 360;

/**
 * An answer as Discord shows it: the best passage quoted with its highlight in bold and its citation, the
 * next passages in brief with theirs, a footer with what matched and how long it took, and the buttons.
 */
export function renderAnswer(answer: FoundAnswer, options: AnswerViewOptions): MessageView {
  const [best, ...rest] = answer.results;
  if (!best) throw new Error('renderAnswer needs at least one result');
  const fields: APIEmbedField[] = rest.map((c) => ({
    name: citationHeading(c),
    value: `${quoteBody(c, BRIEF_QUOTE_CHARS)}\n${citationLine(c)}`,
  }));
  if (answer.related.length > 0) fields.push({ name: 'Also related', value: relatedList(answer.related) });
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: escapeText(answer.query),
        description: `${quoteBody(best, BEST_QUOTE_CHARS)}\n${citationLine(best)}`,
        fields,
        footer: {
          text: `${plural(answer.matched.passages, 'passage')} matched in ${plural(answer.matched.documents, 'document')}${answer.readAs ? ` · ${readAsText(answer.readAs)}` : ''} · ${formatTook(answer.tookMs)}`,
        },
      },
    ],
    components:
      options.answerId === undefined
        ? []
        : [answerButtons({ answerId: options.answerId, more: answer.matched.passages > answer.results.length, shareable: options.shareable })],
    ephemeral: options.ephemeral,
  };
}

/** "• [Title](url)" lines for documents that matched some of the question. */
export function relatedList(related: readonly RelatedDocument[]): string {
  return related
    .map((doc) => {
      const url = doc.url !== undefined ? citationUrl({ url: doc.url, highlight: '' }) : undefined;
      return url ? `• [${escapeLinkLabel(doc.title)}](${url})` : `• ${escapeText(doc.title)}`;
    })
    .join('\n');
}
