import { type DocumentMeta, formatLocation, type Passage, type PassageContext } from '../../core/index.js';
import { citationUrl } from './citation-line.js';
import { escapeText } from './escape-text.js';
import { EMBED_COLOR, type MessageView } from './message-view.js';
import { quoteBody } from './quote-body.js';
import { fitHead, fitTail } from './quote-passage.js';

/** Budgets inside the 4,096-character description: the cited passage whole, its neighbours in part. */
const CITED_CHARS = 2400;
const NEIGHBOUR_CHARS = 700;

/**
 * "Show source" (ephemeral): the cited passage with its highlight in bold, between the end of the passage
 * before it and the start of the one after, with its place in the document and a link.
 */
export function renderSource(
  rank: number,
  meta: DocumentMeta,
  context: PassageContext<Passage>,
  highlight: string,
): MessageView {
  const { passage } = context;
  const start = highlight === '' ? -1 : passage.text.indexOf(highlight);
  const quoted = quoteBody({ text: passage.text, highlight: start >= 0 ? highlight : '', highlightStart: Math.max(0, start) }, CITED_CHARS);
  const parts = [
    ...context.before.map((p) => fitTail(p.text, NEIGHBOUR_CHARS)),
    quoted,
    ...context.after.map((p) => fitHead(p.text, NEIGHBOUR_CHARS)),
  ];
  const url = meta.url !== undefined ? citationUrl({ url: meta.url, highlight: start >= 0 ? highlight : '' }) : undefined;
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: `[${rank}] ${escapeText(meta.title)}`,
        ...(url !== undefined && { url }),
        description: parts.join('\n\n'),
        fields: [
          {
            name: 'Where',
            value: `${passage.section === undefined ? '' : `${escapeText(passage.section)} · `}${formatLocation(passage)} · passage ${context.position} of ${context.total}`,
            inline: true,
          },
          { name: 'Document', value: `\`${meta.id}\`${meta.scope === 'global' ? ' (shared)' : ''}`, inline: true },
        ],
      },
    ],
    ephemeral: true,
  };
}
