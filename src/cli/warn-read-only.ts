import type { KnowledgeBase } from '../core/index.js';
import type { CliContext } from './cli-context.js';

/** Says on stderr that DATA_DIR is read-only, so answers come from what is already there (stdout stays the answer). */
export function warnReadOnly(ctx: CliContext, kb: KnowledgeBase): void {
  if (kb.readOnly) ctx.err(`Warning: ${kb.readOnly}. Answering from the shipped corpus and the documents already stored.`);
}
