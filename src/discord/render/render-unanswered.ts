import type { UnansweredQuestion } from '../records/unanswered-log.js';
import { escapeText } from './escape-text.js';
import { EMBED_COLOR, type MessageView } from './message-view.js';
import { truncate } from './truncate.js';

/** `/curate unanswered` (ephemeral): what members asked that the sources did not cover, most frequent first. */
export function renderUnanswered(questions: readonly UnansweredQuestion[], days: number, now: number): MessageView {
  const lines = questions.map((q, i) => {
    const times = q.count === 1 ? 'once' : `${q.count} times`;
    return `**${i + 1}.** ${escapeText(truncate(q.question, 200))}\nasked ${times}, last ${ago(now - q.lastAskedAt)}`;
  });
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: 'Unanswered questions',
        description:
          lines.length > 0
            ? `${lines.join('\n')}\n\nAdd a document that answers them with \`/curate add\`.`
            : `No unanswered questions in the last ${days} days.`,
        footer: { text: `Questions are kept for ${days} days, without who asked them.` },
      },
    ],
    ephemeral: true,
  };
}

function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
