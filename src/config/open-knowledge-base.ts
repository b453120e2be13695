import type { Config } from './load-config.js';
import { KnowledgeBase, type Logger } from '../core/index.js';

/** The knowledge base as configured: the one way both the CLI and the bot open it. */
export function openKnowledgeBase(config: Config, logger: Logger, extra: { snapshotDelayMs?: number } = {}): Promise<KnowledgeBase> {
  return KnowledgeBase.open({
    corpusDir: config.corpusDir,
    dataDir: config.dataDir,
    logger,
    passageMaxChars: config.passageMaxChars,
    maxQuestionChars: config.maxQuestionChars,
    extraction: {
      limits: { maxBytes: config.maxDocumentBytes },
      fetch: { maxBytes: config.maxDocumentBytes, timeoutMs: config.fetchTimeoutMs },
    },
    quota: (scope) => (scope === 'global' ? {} : config.discord.guildQuota),
    ...extra,
  });
}
