import type Database from 'better-sqlite3';

export type GuildSettingsValue = { includeShared: boolean };

/** The default: a server's answers include the shared corpus (shipped and operator-added documents). */
export const DEFAULT_GUILD_SETTINGS: GuildSettingsValue = { includeShared: true };

/**
 * Per-guild settings moderators change with `/curate settings`. The core keeps them because they decide
 * what a server's questions search (see KnowledgeBase.resolveScopes), from the bot and the CLI alike.
 */
export class GuildSettings {
  constructor(private readonly db: Database.Database) {}

  get(guildId: string): GuildSettingsValue {
    const row = this.db.prepare('SELECT include_shared FROM guild_settings WHERE guild_id = ?').get(guildId) as
      | { include_shared: number }
      | undefined;
    return row ? { includeShared: row.include_shared === 1 } : { ...DEFAULT_GUILD_SETTINGS };
  }

  set(guildId: string, value: GuildSettingsValue, updatedBy: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO guild_settings (guild_id, include_shared, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (guild_id) DO UPDATE SET include_shared = excluded.include_shared,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run(guildId, value.includeShared ? 1 : 0, updatedBy, now);
  }
}
