import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

const load = (env: Record<string, string>) => loadConfig(env, { dotenv: false });

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    const config = load({});
    expect(config).toMatchObject({ maxQuestionChars: 4000, maxDocumentBytes: 10 * 1024 * 1024, passageMaxChars: 1000 });
    expect(config.discord).toMatchObject({ apiBase: 'https://discord.com/api', askRateLimit: { count: 5, perMs: 10_000 }, retentionDays: 90 });
    expect(config.discord.token).toBeUndefined();
  });

  it('names every bad variable in one report', () => {
    expect(() => load({ MAX_QUESTION_CHARS: 'lots', DISCORD_GUILD_ID: 'my-server', ASK_RATE_LIMIT: 'fast' })).toThrow(
      /MAX_QUESTION_CHARS[\s\S]*DISCORD_GUILD_ID[\s\S]*ASK_RATE_LIMIT/,
    );
  });

  it('never echoes a secret in its report', () => {
    let message = '';
    try {
      load({ DISCORD_TOKEN: 'super-secret-token-value', LOG_LEVEL: 'chatty' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('LOG_LEVEL');
    expect(message).not.toContain('super-secret-token-value');
  });

  it('parses the rate limit and quotas', () => {
    const config = load({ ASK_RATE_LIMIT: '3/60s', GUILD_MAX_DOCUMENTS: '20', GUILD_MAX_BYTES: '' });
    expect(config.discord.askRateLimit).toEqual({ count: 3, perMs: 60_000 });
    expect(config.discord.guildQuota).toEqual({ maxDocuments: 20 });
  });
});
