import { describe, expect, it } from 'vitest';
import { deployCommandsCommand } from '../../src/cli/commands/deploy-commands-command.js';
import { deployCommands, memoryLogger, useHarness } from './bot-harness.js';

const h = useHarness();

describe('deploy-commands', () => {
  it('registers every command with one bulk PUT, globally or in one server', async () => {
    const puts = () => h.fake.requests.filter((r) => r.method === 'PUT' && r.path.includes('/commands'));
    expect(puts()).toHaveLength(1); // the harness's deploy, before the bot started
    expect(h.fake.registeredCommands().map((c) => c.name)).toEqual(['ask', 'docs', 'curate', 'help']);
    const ask = h.fake.registeredCommands().find((c) => c.name === 'ask')!;
    expect(ask.contexts).toEqual([0, 1]);
    expect((ask.options as Array<{ name: string; max_length?: number }>)[0]).toMatchObject({ name: 'question', max_length: 300 });

    const out = await deployCommands(h.config, h.fake.guild.id);
    expect(out).toBe(`Registered 4 commands in server ${h.fake.guild.id} (/ask, /docs, /curate, /help).`);
    expect(puts()).toHaveLength(2);
    expect(puts()[1]!.path).toBe(`/applications/${h.fake.applicationId}/guilds/${h.fake.guild.id}/commands`);
  });

  it('is never repeated by the bot on start', async () => {
    const before = h.fake.requests.filter((r) => r.path.includes('/commands') && r.method !== 'GET').length;
    await h.bot.stop();
    await h.restart();
    expect(h.fake.requests.filter((r) => r.path.includes('/commands') && r.method !== 'GET').length).toBe(before);
  });
});


describe('deploy-commands without credentials', () => {
  it('says which setting is missing instead of calling Discord', async () => {
    const requests = h.fake.requests.length;
    const config = { ...h.config, discord: { ...h.config.discord, applicationId: undefined } };
    const ctx = { args: [], config, logger: memoryLogger(), out: () => {}, err: () => {} };
    await expect(deployCommandsCommand(ctx)).rejects.toThrow(/DISCORD_APPLICATION_ID is not set/);
    expect(h.fake.requests.length).toBe(requests);
  });
});
