import type { APIEmbedField } from 'discord.js';
import { type DocumentMeta, formatLocation, type Passage, sourceLabel } from '../../core/index.js';
import { escapeText } from './escape-text.js';
import { EMBED_COLOR, type MessageView } from './message-view.js';
import { fitHead } from './quote-passage.js';
import { truncate } from './truncate.js';

/** A passage shown whole when it can be (passages are 1,000 characters by default), inside the description. */
const PASSAGE_CHARS = 3000;

/** `/docs show` (ephemeral): a document's metadata and one of its passages. */
export function renderDocument(meta: DocumentMeta, passages: readonly Passage[], position: number): MessageView {
  const passage = passages[position - 1];
  const fields: APIEmbedField[] = [
    { name: 'Id', value: `\`${meta.id}\``, inline: true },
    { name: 'Scope', value: meta.scope === 'global' ? 'shared corpus' : 'this server', inline: true },
    { name: 'Passages', value: String(passages.length), inline: true },
    { name: 'Source', value: escapeText(truncate(sourceLabel(meta.source), 300)), inline: true },
    { name: 'Added', value: meta.source.kind === 'shipped' ? 'shipped with footnote' : `by ${escapeText(meta.addedBy)} on ${meta.addedAt.slice(0, 10)}`, inline: true },
  ];
  for (const [name, value] of [
    ['Publisher', meta.publisher],
    ['Date', meta.date],
    ['Reference', meta.reference],
  ] as const) {
    if (value !== undefined) fields.push({ name, value: escapeText(truncate(value, 300)), inline: true });
  }
  if (passage) fields.push({ name: `Passage ${position} of ${passages.length}`, value: formatLocation(passage) });
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: escapeText(meta.title),
        ...(meta.url !== undefined && /^https?:\/\//i.test(meta.url) && meta.url.length <= 2000 && { url: meta.url }),
        description: passage ? `> ${fitHead(passage.text, PASSAGE_CHARS)}` : 'This document has no passages.',
        fields,
      },
    ],
    ephemeral: true,
  };
}
