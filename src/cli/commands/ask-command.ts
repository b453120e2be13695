import { parseArgs } from 'node:util';
import { answerToJson, renderAnswerText } from '../render-answer.js';
import { openKnowledgeBase } from '../../config/open-knowledge-base.js';
import { UsageError, type CliContext, type ExitCode } from '../cli-context.js';
import { warnReadOnly } from '../warn-read-only.js';

/** `footnote ask`: answers one question on the shipped corpus (and the store), with citations. */
export async function askCommand(ctx: CliContext): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: { top: { type: 'string' }, guild: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) throw new UsageError('ask needs a question.');
  const top = values.top === undefined ? undefined : Number(values.top);
  if (top !== undefined && (!Number.isInteger(top) || top < 1 || top > 50)) throw new UsageError('--top must be a whole number from 1 to 50.');
  const kb = await openKnowledgeBase(ctx.config, ctx.logger);
  warnReadOnly(ctx, kb);
  try {
    const answer = kb.ask(positionals.join(' '), {
      ...(values.guild !== undefined && { guildId: values.guild }),
      ...(top !== undefined && { top }),
    });
    if (answer.kind === 'rejected') {
      ctx.err(answer.message);
      return 1;
    }
    ctx.out(values.json ? JSON.stringify(answerToJson(answer)) : renderAnswerText(answer, ctx.terminal));
    return 0;
  } finally {
    await kb.close();
  }
}
