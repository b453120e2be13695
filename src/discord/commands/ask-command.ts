import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { citedPassage } from '../records/answer-log.js';
import { guildView, type BotContext } from '../bot-context.js';
import { keepRecord } from '../keep-record.js';
import { QUESTION_OPTION_MAX } from '../render/discord-limits.js';
import { notice, type MessageView } from '../render/message-view.js';
import { renderAnswer } from '../render/render-answer.js';
import { renderNoMatch } from '../render/render-no-match.js';
import { reply, type Response } from '../response.js';
import { shouldDefer } from '../should-defer.js';
import type { Command } from './command.js';

const definition = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question; the answer quotes and cites the sources.')
  .addStringOption((o) =>
    o.setName('question').setDescription('What do you want to know?').setRequired(true).setMaxLength(QUESTION_OPTION_MAX),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Show the answer only to you (you can share it afterwards).'))
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);

/**
 * `/ask`: answers in the interaction callback itself (retrieval takes milliseconds, well inside Discord's
 * 3 s), records the answer so its buttons work later, and records questions nothing answered. In a burst (or
 * when the process was busy) it acknowledges first and answers by editing, one answer per event-loop turn, so
 * that every interaction still gets its first response in time.
 */
function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Response {
  const question = interaction.options.getString('question', true);
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  const now = ctx.now();
  const slot = ctx.askLimiter.take(interaction.user.id, now);
  if (!slot.ok) {
    const seconds = Math.max(1, Math.ceil(slot.retryAfterMs / 1000));
    return reply(notice(`You're asking faster than I can keep up with. Please try again in ${seconds} s.`));
  }
  if (!shouldDefer(interaction, ctx.inFlight())) return reply(answerView(interaction, ctx, question, isPrivate, now));
  return { kind: 'defer', ephemeral: isPrivate, queued: true, work: () => answerView(interaction, ctx, question, isPrivate, now) };
}

/**
 * Retrieval, the records the buttons and /curate unanswered need, and the view to send. Without its record (the
 * store could not write) an answer goes out without buttons.
 */
function answerView(interaction: ChatInputCommandInteraction, ctx: BotContext, question: string, isPrivate: boolean, now: number): MessageView {
  const view = guildView(ctx, interaction.guildId);
  const answer = ctx.kb.ask(question, { scopes: view.scopes });
  switch (answer.kind) {
    case 'rejected':
      return notice(answer.message);
    case 'no-match':
      keepRecord(ctx, 'unanswered question', () => ctx.unanswered.record(interaction.guildId, answer.query, now));
      return renderNoMatch(answer, { ephemeral: isPrivate, inGuild: interaction.inGuild() });
    case 'answer': {
      const answerId = keepRecord(ctx, 'answer', () =>
        ctx.answers.save({
          guildId: interaction.guildId,
          askerId: interaction.user.id,
          askerName: askerName(interaction),
          question: answer.query,
          cited: answer.results.map(citedPassage),
          createdAt: now,
        }),
      );
      const shareable = isPrivate && interaction.inGuild();
      return renderAnswer(answer, { answerId, ephemeral: isPrivate, shareable });
    }
    default: {
      const unreachable: never = answer;
      throw new Error(`unhandled answer ${String(unreachable)}`);
    }
  }
}

/** The name others know the asker by here: the server nickname, else the display name. */
function askerName(interaction: ChatInputCommandInteraction): string {
  return interaction.inCachedGuild() ? interaction.member.displayName : interaction.user.displayName;
}

export const askCommand: Command = { definition, execute };
