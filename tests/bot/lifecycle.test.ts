import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AnswerLog } from '../../src/discord/records/answer-log.js';
import { startBot } from '../../src/discord/main.js';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { freePort, REPO_ROOT, tempDir } from '../helpers.js';
import { deployCommands, memoryLogger, useHarness, testConfig } from './bot-harness.js';

const h = useHarness();

describe('retention', () => {
  it('deletes questions, answers and votes older than RETENTION_DAYS when the bot starts', async () => {
    const log = new AnswerLog(h.bot.context.kb.database);
    const old = log.save({ guildId: null, askerId: '1', askerName: 'x', question: 'old?', cited: [], createdAt: Date.now() - 91 * 86_400_000 });
    const recent = log.save({ guildId: null, askerId: '1', askerName: 'x', question: 'new?', cited: [], createdAt: Date.now() });
    h.bot.context.unanswered.record(null, 'ancient question', Date.now() - 100 * 86_400_000);
    await h.bot.stop();
    await h.restart();
    const after = new AnswerLog(h.bot.context.kb.database);
    expect(after.get(old)).toBeUndefined();
    expect(after.get(recent)).toBeDefined();
    expect(h.bot.context.unanswered.recent(null, 0, 10).map((q) => q.question)).not.toContain('ancient question');
  });
});

describe('shutdown', () => {
  it('stops accepting interactions, finishes in-flight writes, then closes', async () => {
    const kb = h.bot.context.kb;
    const original = kb.add.bind(kb);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const add = vi.spyOn(kb, 'add').mockImplementationOnce(async (request) => {
      await gate;
      return original(request);
    });
    try {
      const file = h.fake.addAttachment({ filename: 'late.txt', data: 'Late note\n\nThe last ferry leaves at midnight.\n' });
      const adding = h.fake.chatInput('curate add', { file }, { permissions: '32' });
      await adding.waitForCallback();
      const stopping = h.bot.stop();
      const refused = await h.fake.chatInput('help', {}).waitForCallback();
      expect(refused.data.content).toBe('footnote is restarting; try again in a moment.');
      release();
      const edit = await adding.waitForWebhook((w) => w.kind === 'editMessage');
      expect(edit.body.embeds![0]!.title).toBe('Added: Late note');
      await stopping;
    } finally {
      add.mockRestore();
    }
    await h.restart();
    expect(h.bot.context.kb.list([`guild:${h.fake.guild.id}`]).map((d) => d.id)).toContain('late-note');
  });
});

describe('health', () => {
  it('serves GET /healthz on 127.0.0.1 when HEALTH_PORT is set', async () => {
    const port = await freePort();
    const data = tempDir();
    try {
      const config = testConfig(h.fake, data.path, { HEALTH_PORT: String(port) });
      const bot = await startBot(config, memoryLogger(), { clientOptions: { rest: { retries: 0 }, waitGuildTimeout: 500 } });
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe('ok\n');
      } finally {
        await bot.stop();
      }
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      data.remove();
    }
  });
});

describe('start-up', () => {
  it('refuses to start without a token, saying how to get one and that footnote ask works without', async () => {
    const data = tempDir();
    try {
      const config = { ...testConfig(h.fake, data.path), discord: { ...testConfig(h.fake, data.path).discord, token: undefined } };
      await expect(startBot(config, memoryLogger())).rejects.toThrow(/DISCORD_TOKEN is not set[\s\S]*developers\/applications[\s\S]*footnote ask/);
    } finally {
      data.remove();
    }
  });

  it('refuses to start on a read-only DATA_DIR, which the CLI can still answer from', async () => {
    const data = tempDir();
    try {
      // A DATA_DIR inside a regular file cannot be created, even by root.
      writeFileSync(join(data.path, 'a-file'), '');
      const config = testConfig(h.fake, join(data.path, 'a-file', 'data'));
      await expect(startBot(config, memoryLogger())).rejects.toThrow(/^DATA_DIR is read-only .*The bot records answers, votes and documents there, so it needs a writable DATA_DIR\.$/);
    } finally {
      data.remove();
    }
  });

  it('refuses an API base where the token would travel in the clear', async () => {
    const data = tempDir();
    try {
      const config = testConfig(h.fake, data.path, { DISCORD_API_BASE: 'http://discord.example.org/api' });
      await expect(startBot(config, memoryLogger())).rejects.toThrow(/must be https, or http to a loopback address/);
    } finally {
      data.remove();
    }
  });

  it('warns when the API base is not discord.com', () => {
    expect(h.logger.entries.some((e) => e.level === 'warn' && /not discord\.com/.test(String(e.msg)))).toBe(true);
  });

  it('logs in with the Guilds intent only, with the gateway URL from GET /gateway/bot', () => {
    const identify = h.fake.gatewayFrames.find((f) => f.direction === 'in' && f.op === 2);
    expect((identify?.d as { intents: number }).intents).toBe(1);
    expect(h.fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
  });
});

describe('npm start', () => {
  const run = (env: Record<string, string>) =>
    spawn(process.execPath, ['--import', 'tsx', 'src/discord/main.ts'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const exit = (child: ReturnType<typeof run>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('says in one line that Discord cannot be reached, tries again with growing waits, and exits 0 on SIGTERM', async () => {
    const data = tempDir();
    const port = await freePort(); // nothing listens there
    try {
      const child = run({
        DISCORD_TOKEN: 'unreachable.test.token',
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_API_BASE: `http://127.0.0.1:${port}`,
        DATA_DIR: data.path,
        LOG_LEVEL: 'warn',
      });
      const exited = exit(child);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await vi.waitFor(() => expect(stderr.match(/^Cannot reach Discord/gm)?.length ?? 0).toBeGreaterThanOrEqual(2), { timeout: 20_000, interval: 100 });
      child.kill('SIGTERM');
      const result = await exited;
      expect(result.code).toBe(0);
      const lines = result.stderr.split('\n').filter((line) => line.startsWith('Cannot reach Discord'));
      expect(lines[0]).toBe(`Cannot reach Discord at http://127.0.0.1:${port} (ECONNREFUSED); trying again in 1 s. Stop with Ctrl+C.`);
      expect(lines[1]).toMatch(/trying again in 2 s\./);
      expect(result.stderr).not.toMatch(/"level":50|\bat [\w.]+ \(/);
    } finally {
      data.remove();
    }
  }, 40_000);

  it('exits non-zero with a helpful message when there is no token', async () => {
    const data = tempDir();
    try {
      const result = await exit(run({ DISCORD_TOKEN: '', DATA_DIR: data.path }));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('DISCORD_TOKEN is not set');
      expect(result.stderr).toContain('footnote ask');
    } finally {
      data.remove();
    }
  });

  it('connects through DISCORD_API_BASE, answers, and on SIGTERM finishes, closes the store and exits 0', async () => {
    const fake = await FakeDiscord.start();
    const data = tempDir();
    try {
      await deployCommands(testConfig(fake, data.path));
      const child = run({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_BASE: fake.apiBase, DATA_DIR: data.path });
      const exited = exit(child);
      const died = exited.then((r) => Promise.reject(new Error(`the bot exited (${r.code}) before connecting:\n${r.stderr}`)));
      await Promise.race([fake.waitForReady(15_000), died]);
      // The first interaction waits until the client is ready (discord.js queues it), then is answered.
      const cb = await fake.chatInput('help', {}).waitForCallback(10_000);
      expect(cb.type).toBe(4);
      child.kill('SIGTERM');
      const result = await exited;
      expect(result.code).toBe(0);
      expect(fake.gatewayConnections.at(-1)?.closeCode).toBeDefined();
    } finally {
      await fake.close();
      data.remove();
    }
  }, 30_000);
});
