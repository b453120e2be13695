import type { ButtonInteraction } from 'discord.js';
import { citedPassage, type AnswerRecord } from '../records/answer-log.js';
import { passageContext, type Scope } from '../../core/index.js';
import { answerTtlMs, guildView, type BotContext } from '../bot-context.js';
import type { CustomId } from '../custom-id.js';
import { keepRecord, saveOrRefuse } from '../keep-record.js';
import { answerButtons } from '../render/answer-buttons.js';
import { escapeText } from '../render/escape-text.js';
import { notice } from '../render/message-view.js';
import { renderAnswerPage } from '../render/render-answer-page.js';
import { renderSource } from '../render/render-source.js';
import { reply, type Response } from '../response.js';

type AnswerButton = Extract<CustomId, { kind: 'answer-more' | 'answer-source' | 'answer-vote' | 'answer-share' }>;

/** Passages per "More results" page (the first page shows the core's default of 3), and how deep paging goes. */
const PAGE_SIZE = 3;
const MAX_PAGES = 5;

/**
 * The buttons under an answer. Their state is the answer's record in the store, so they work after a
 * restart; once it is older than the buttons' lifetime (or deleted by retention) they say so politely.
 */
export function handleAnswerButton(interaction: ButtonInteraction, ctx: BotContext, id: AnswerButton): Response {
  const record = ctx.answers.get(id.answerId);
  const view = guildView(ctx, interaction.guildId);
  // An answer belongs to the place it was asked in: never show one guild's answer in another.
  if (!record || record.guildId !== interaction.guildId || ctx.now() - record.createdAt > answerTtlMs(ctx.config)) {
    return reply(notice('This answer has expired, so its buttons no longer work. Ask again with `/ask`.'));
  }
  switch (id.kind) {
    case 'answer-more': {
      const top = PAGE_SIZE * id.page;
      const answer = ctx.kb.ask(record.question, { scopes: view.scopes, top });
      const page = answer.kind === 'answer' ? answer.results.slice(top - PAGE_SIZE) : [];
      if (answer.kind !== 'answer' || page.length === 0) return reply(notice('There are no further passages that answer this question.'));
      keepRecord(ctx, 'passages of a further page', () => ctx.answers.appendCited(record.id, page.map(citedPassage)));
      const hasMore = answer.results.length === top && id.page < MAX_PAGES;
      return reply(renderAnswerPage(record.question, page, { answerId: record.id, page: id.page, hasMore }));
    }
    case 'answer-source':
      return showSource(ctx, record, id.rank, view.scopes);
    case 'answer-vote': {
      const outcome = saveOrRefuse('your vote', () => ctx.answers.vote(record, interaction.user.id, id.vote, ctx.now()));
      const thumb = id.vote === 1 ? '👍' : '👎';
      const text =
        outcome === 'recorded'
          ? `Thanks for the feedback: ${thumb} recorded.`
          : outcome === 'changed'
            ? `Changed your vote to ${thumb}.`
            : `You already voted ${thumb}; click the other thumb to change it.`;
      return reply(notice(text));
    }
    case 'answer-share':
      return share(interaction, record);
    default: {
      const unreachable: never = id;
      throw new Error(`unhandled button ${String(unreachable)}`);
    }
  }
}

function showSource(ctx: BotContext, record: AnswerRecord, rank: number, scopes: readonly Scope[]): Response {
  const cited = record.cited.find((c) => c.rank === rank);
  const doc = cited && scopes.includes(cited.scope) ? ctx.kb.document([cited.scope], cited.docId) : undefined;
  const context = cited && doc ? passageContext(doc.passages, cited.passageId, 1) : undefined;
  if (!cited || !doc || !context) return reply(notice('That passage is no longer in the sources here (its document was changed or removed).'));
  return reply(renderSource(rank, doc.meta, context, cited.highlight));
}

/**
 * Share to channel: the private answer is posted publicly as a follow-up, attributed to the asker by name
 * (no mention, and no pings in any case), and the private copy's Share button is disabled.
 */
function share(interaction: ButtonInteraction, record: AnswerRecord): Response {
  if (interaction.user.id !== record.askerId) return reply(notice('Only the person who asked can share this answer.'));
  const embeds = interaction.message.embeds.map((e) => e.toJSON());
  const more = interaction.message.components.some((row) => JSON.stringify(row.toJSON()).includes(':more:'));
  return {
    kind: 'update',
    view: { components: [answerButtons({ answerId: record.id, more, shareable: true, shared: true })] },
    followUp: {
      content: `**${escapeText(record.askerName)}** shared an answer:`,
      embeds,
      components: [answerButtons({ answerId: record.id, more, shareable: false })],
      ephemeral: false,
    },
  };
}
