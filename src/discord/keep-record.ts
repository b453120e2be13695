import { storageFailure } from '../core/index.js';
import type { BotContext } from './bot-context.js';

/**
 * Writes a record the reply does not depend on (an answer's record for its buttons, an unanswered question, the
 * passages a "More results" page cited). When the store cannot write (a full or read-only DATA_DIR) the failure
 * is logged and the reply goes out anyway, from the index in memory: answering matters more than the record.
 */
export function keepRecord<T>(ctx: BotContext, what: string, write: () => T): T | undefined {
  try {
    return write();
  } catch (error) {
    ctx.logger.warn({ err: error }, `could not record the ${what}; answering without it`);
    return undefined;
  }
}

/**
 * Writes what the user asked to have saved (a vote, a setting). A storage failure becomes a FootnoteError, so the
 * user reads what went wrong ("the disk is full") instead of a generic apology.
 */
export function saveOrRefuse<T>(what: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw storageFailure(error, `footnote could not save ${what}`) ?? error;
  }
}
