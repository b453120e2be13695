import { ButtonStyle, ComponentType } from 'discord.js';
import type { ListedDocument } from '../../core/index.js';
import { encodeCustomId } from '../custom-id.js';
import { button } from './answer-buttons.js';
import { escapeText } from './escape-text.js';
import { plural } from '../../core/index.js';
import { EMBED_COLOR, type MessageView } from './message-view.js';
import { truncate } from './truncate.js';

/** Documents per page: ten short lines stay far inside the 4,096-character description. */
export const DOCS_PER_PAGE = 10;

/** `/docs list` (ephemeral): one page of the documents visible here, who added each and when, with paging buttons. */
export function renderDocsList(docs: readonly ListedDocument[], page: number, place: { guildName: string | null; includeShared: boolean }): MessageView {
  const pages = Math.max(1, Math.ceil(docs.length / DOCS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const shown = docs.slice((current - 1) * DOCS_PER_PAGE, current * DOCS_PER_PAGE);
  const lines = shown.map((d, i) => {
    const origin = d.readOnly ? 'shipped' : `added by ${escapeText(d.addedBy)} on ${d.addedAt.slice(0, 10)}`;
    const where = d.scope === 'global' ? 'shared' : 'this server';
    return `**${(current - 1) * DOCS_PER_PAGE + i + 1}.** ${escapeText(truncate(d.title, 120))} · \`${d.id}\`\n${where} · ${origin} · ${plural(d.passages, 'passage')}`;
  });
  const notes: string[] = [];
  if (docs.length === 0) notes.push('No documents yet. Moderators can add one with `/curate add`.');
  if (place.guildName !== null && !place.includeShared) notes.push('The shared corpus is turned off in this server (`/curate settings`).');
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: place.guildName === null ? 'Documents' : `Documents in ${escapeText(place.guildName)}`,
        description: [...lines, ...notes].join('\n'),
        footer: { text: `${plural(docs.length, 'document')} · page ${current} of ${pages} · /docs show for one document` },
      },
    ],
    components:
      pages > 1
        ? [
            {
              type: ComponentType.ActionRow,
              components: [
                { ...button(encodeCustomId({ kind: 'docs-page', page: current - 1 }), 'Previous', ButtonStyle.Secondary), disabled: current === 1 },
                { ...button(encodeCustomId({ kind: 'docs-page', page: current + 1 }), 'Next', ButtonStyle.Secondary), disabled: current === pages },
              ],
            },
          ]
        : [],
    ephemeral: true,
  };
}
