import { readAsText, type Answer } from '../../core/index.js';
import { escapeText } from './escape-text.js';
import { EMBED_COLOR, type MessageView } from './message-view.js';
import { relatedList } from './render-answer.js';

/**
 * The honest reply when nothing answers the question: say so, offer the nearest documents, and tell the
 * asker that moderators will see the question.
 */
export function renderNoMatch(answer: Extract<Answer, { kind: 'no-match' }>, options: { ephemeral: boolean; inGuild: boolean }): MessageView {
  const lines = [
    `The sources available ${options.inGuild ? 'in this server' : 'here'} don't cover this question, so I won't guess.`,
  ];
  if (answer.readAs) lines.push(`(I ${escapeText(readAsText(answer.readAs))}.)`);
  if (answer.related.length > 0) lines.push('', '**Possibly related**', relatedList(answer.related));
  if (options.inGuild) lines.push('', "I've noted the question so this server's moderators can see what is missing (`/curate unanswered`).");
  return {
    embeds: [{ color: EMBED_COLOR, title: escapeText(answer.query), description: lines.join('\n') }],
    ephemeral: options.ephemeral,
  };
}
