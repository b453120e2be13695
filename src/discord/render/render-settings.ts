import type { Config } from '../../config/load-config.js';
import { formatBytes } from '../../core/index.js';
import { EMBED_COLOR, type MessageView } from './message-view.js';

/** `/curate settings` (ephemeral): the shared-corpus switch, and the quotas and retention the operator set. */
export function renderSettings(
  settings: { includeShared: boolean },
  usage: { documents: number; bytes: number },
  config: Config,
  changed: boolean,
): MessageView {
  const quota = config.discord.guildQuota;
  const ofLimit = (used: string, max: string | undefined) => (max === undefined ? `${used} (no limit)` : `${used} of ${max}`);
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: changed ? 'Settings saved' : 'Settings for this server',
        description: settings.includeShared
          ? "Answers here include the **shared corpus** (the shipped documents and the operator's) as well as this server's documents."
          : "Answers here use **only this server's documents**; the shared corpus is left out.",
        fields: [
          { name: 'Shared corpus', value: `${settings.includeShared ? 'on' : 'off'} · change with \`/curate settings include_shared:<true|false>\`` },
          { name: 'Documents', value: ofLimit(String(usage.documents), quota.maxDocuments?.toString()), inline: true },
          { name: 'Storage', value: ofLimit(formatBytes(usage.bytes), quota.maxBytes === undefined ? undefined : formatBytes(quota.maxBytes)), inline: true },
          { name: 'Largest document', value: formatBytes(config.maxDocumentBytes), inline: true },
          { name: 'Questions and votes kept', value: `${config.discord.retentionDays} days`, inline: true },
        ],
        footer: { text: "Quotas and retention are set in the bot operator's configuration." },
      },
    ],
    ephemeral: true,
  };
}
