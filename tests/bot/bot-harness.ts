// Starts a local fake Discord and the bot's own start-up code (startBot) against it, with a temporary
// DATA_DIR and the repository's corpus/. Tests talk to the bot only through the fake, as Discord would.

import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config/load-config.js';
import { isPublicAddress } from '../../src/core/ingest/address-policy.js';
import type { FetchOptions } from '../../src/core/ingest/fetch-document.js';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import type { Logger } from '../../src/core/logger.js';
import { deployCommandsCommand } from '../../src/cli/commands/deploy-commands-command.js';
import { startBot, type BotHandle, type StartBotOptions } from '../../src/discord/main.js';
import { FakeDiscord, type FakeDiscordOptions, type MessageBody, type RecordedCallback } from '../fake-discord/fake-discord.js';
import { CORPUS_DIR, tempDir } from '../helpers.js';

export type LogEntry = { level: string; obj: Record<string, unknown>; msg: string | undefined };

/** A logger that keeps what it was told, so tests can find a reference id in the log. */
export function memoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (obj: object, msg?: string) => void entries.push({ level, obj: obj as Record<string, unknown>, msg });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export type Harness = {
  fake: FakeDiscord;
  bot: BotHandle;
  config: Config;
  logger: ReturnType<typeof memoryLogger>;
  dataDir: string;
  /** Starts the bot again on the same DATA_DIR (after `bot.stop()`), e.g. to check buttons survive a restart. */
  restart(): Promise<BotHandle>;
  close(): Promise<void>;
};

export type HarnessOptions = {
  fake?: FakeDiscordOptions;
  env?: Record<string, string>;
  openKnowledgeBase?: (config: Config, logger: Logger) => Promise<KnowledgeBase>;
  now?: () => number;
};

/**
 * The bot's knowledge base with test fetch settings: names resolved by `fetch.resolve` (no DNS), and the
 * address guard's own policy plus 127.0.0.1, where the tests' page servers listen.
 */
export function openWithTestFetch(fetch: Omit<Partial<FetchOptions>, 'isAllowedAddress'>): NonNullable<HarnessOptions['openKnowledgeBase']> {
  return (config, logger) =>
    KnowledgeBase.open({
      corpusDir: config.corpusDir,
      dataDir: config.dataDir,
      logger,
      extraction: {
        limits: { maxBytes: config.maxDocumentBytes },
        fetch: { ...fetch, isAllowedAddress: (address) => isPublicAddress(address) || address === '127.0.0.1' },
      },
    });
}

/** Test settings for the client: no retries or long waits, so a failure shows at once (facts §7.9). */
const CLIENT_OPTIONS: StartBotOptions['clientOptions'] = { rest: { offset: 0, retries: 0, timeout: 5000 }, waitGuildTimeout: 500 };

export function testConfig(fake: FakeDiscord, dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig(
    {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
      DATA_DIR: dataDir,
      CORPUS_DIR,
      LOG_LEVEL: 'silent',
      ...env,
    },
    { dotenv: false },
  );
}

/** Registers the commands on the fake with the real deploy-commands CLI, so interactions carry typed options. */
export async function deployCommands(config: Config, guildId?: string): Promise<string> {
  const out: string[] = [];
  const code = await deployCommandsCommand({
    args: guildId ? ['--guild', guildId] : [],
    config,
    logger: memoryLogger(),
    out: (t) => void out.push(t),
    err: (t) => void out.push(t),
  });
  expect(code).toBe(0);
  return out.join('\n');
}

/**
 * The bot of one test file: started before its tests, closed after them, and every message it sent
 * checked to be safe (no mentions, within Discord's limits). The returned object stands for the
 * harness once it has started.
 */
export function useHarness(options: HarnessOptions | (() => HarnessOptions) = {}): Harness {
  let started: Harness | undefined;
  const current = () => {
    if (!started) throw new Error('useHarness: the harness is used before its beforeAll ran');
    return started;
  };
  beforeAll(async () => {
    started = await startHarness(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    if (!started) return;
    expectEveryMessageSafe(started.fake);
    await started.close();
  });
  return {
    get fake() { return current().fake; },
    get bot() { return current().bot; },
    get config() { return current().config; },
    get logger() { return current().logger; },
    get dataDir() { return current().dataDir; },
    restart: () => current().restart(),
    close: () => current().close(),
  };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start(options.fake);
  const data = tempDir('footnote-bot-');
  const config = testConfig(fake, data.path, options.env);
  await deployCommands(config);
  const logger = memoryLogger();
  const start = () =>
    startBot(config, logger, {
      clientOptions: CLIENT_OPTIONS,
      ...(options.openKnowledgeBase && { openKnowledgeBase: options.openKnowledgeBase }),
      ...(options.now && { now: options.now }),
    });
  const harness: Harness = {
    fake,
    bot: await start(),
    config,
    logger,
    dataDir: data.path,
    async restart() {
      harness.bot = await start();
      return harness.bot;
    },
    async close() {
      await harness.bot.stop();
      await fake.close();
      data.remove();
    },
  };
  return harness;
}

// ---- assertions on what the bot sent ---------------------------------------------------------------------------

export const EPHEMERAL = 64;

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export function expectEmbedsWithinLimits(body: MessageBody): void {
  for (const e of body.embeds ?? []) {
    const title = String(e.title ?? '');
    const description = String(e.description ?? '');
    const fields = (e.fields ?? []) as Array<{ name: string; value: string }>;
    const footer = String((e.footer as { text?: string } | undefined)?.text ?? '');
    expect(title.length).toBeLessThanOrEqual(256);
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(fields.length).toBeLessThanOrEqual(25);
    for (const f of fields) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    expect(footer.length).toBeLessThanOrEqual(2048);
    const total = title.length + description.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  }
}

/** A message the bot sent: mentions off, flags as expected, embeds within limits. */
export function expectSafeMessage(body: MessageBody, visibility: 'ephemeral' | 'public' | 'edit'): void {
  expect(body.allowed_mentions).toEqual({ parse: [] });
  if (visibility === 'ephemeral') expect((body.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  if (visibility === 'public') expect((body.flags ?? 0) & EPHEMERAL).toBe(0);
  expectEmbedsWithinLimits(body);
}

/** A reply (callback type 4) with the given visibility; returns its data. */
export function expectReply(callback: RecordedCallback, visibility: 'ephemeral' | 'public'): MessageBody {
  expect(callback.type).toBe(4);
  expectSafeMessage(callback.data, visibility);
  return callback.data;
}

/** Every message body the bot sent so far (replies, updates, edits, follow-ups) had mentions off and fit. */
export function expectEveryMessageSafe(fake: FakeDiscord): void {
  for (const c of fake.callbacks) {
    if (c.type === 4 || c.type === 7) expectSafeMessage(c.data, 'edit');
  }
  for (const w of fake.webhooks) {
    if (w.kind === 'followUp' || w.kind === 'editMessage') expectSafeMessage(w.body, 'edit');
  }
  for (const m of fake.channelMessages) expectSafeMessage(m.body, 'edit');
}

/** All the text of a message (content, embed title, description, field names and values, footer). */
export function textOf(body: MessageBody | undefined): string {
  if (!body) return '';
  const parts = [String(body.content ?? '')];
  for (const e of body.embeds ?? []) {
    parts.push(String(e.title ?? ''), String(e.description ?? ''), String((e.footer as { text?: string } | undefined)?.text ?? ''));
    for (const f of (e.fields ?? []) as Array<{ name: string; value: string }>) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}

/** The custom_ids of the buttons in a message. */
export function customIds(body: MessageBody | undefined): string[] {
  const ids: string[] = [];
  for (const row of (body?.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>) {
    for (const c of row.components ?? []) if (c.custom_id) ids.push(c.custom_id);
  }
  return ids;
}

export const MODERATOR = { permissions: '32', user: { username: 'mod' } } as const;
export const MEMBER = { permissions: '0', user: { username: 'alice' } } as const;
