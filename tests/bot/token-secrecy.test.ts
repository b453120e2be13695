import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { tempDir } from '../helpers.js';
import { MODERATOR } from './bot-harness.js';
import { botEnv, launch, spawnBot, type BotProcess } from './bot-process.js';

// The bot token must never reach a log line or a message. The bot runs as its own process with the most verbose
// log level and a distinctive token; the test makes it fail in every way it can (an internal error, a 401, 5xx
// past every retry, a refused document, the gateway closed for good, a refused login), then searches everything
// it wrote and everything it sent for the token.
const APP_ID = `1${Array.from(randomBytes(18), (b) => b % 10).join('')}`;
const SECRET = `CanaryTokenSecret${randomBytes(16).toString('hex')}`;
const TOKEN = `${Buffer.from(APP_ID).toString('base64url')}.${SECRET.slice(0, 20)}.${SECRET.slice(20)}`;

let fake: FakeDiscord;
let bot: BotProcess;
const data = tempDir('footnote-token-');

beforeAll(async () => {
  // Commands are not registered, so the fake lets the test send an /ask without its required question.
  fake = await FakeDiscord.start({ token: TOKEN, applicationId: APP_ID });
  bot = await spawnBot(fake, botEnv(fake, data.path, { LOG_LEVEL: 'trace' }));
});
afterAll(async () => {
  if (bot.child.exitCode === null) await bot.stop();
  await fake.close();
  data.remove();
});

/** Everything the bot sent to Discord: replies, updates, edits, follow-ups, channel messages. */
function everythingSent(): string {
  return JSON.stringify([fake.callbacks.map((c) => c.body), fake.webhooks.map((w) => w.body), fake.channelMessages.map((m) => m.body)]);
}

function expectNoToken(text: string): void {
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(SECRET.slice(0, 20));
  expect(text).not.toContain(SECRET.slice(20));
}

describe('the bot token', () => {
  it('is in neither the log nor any reply after an internal error, a 401, exhausted 5xx retries and a refusal', async () => {
    // An internal error: an /ask without its question makes discord.js throw inside the handler.
    const broken = await fake.chatInput('ask', {}).waitForCallback(10_000);
    expect(String(broken.data.content)).toMatch(/^Sorry, something went wrong on my side\. .*`[0-9a-f]{8}`\.$/);

    // A 401 on the reply: the bot reports the failure on its second attempt.
    fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const unauthorized = await fake.chatInput('ask', { question: 'Who is Denis Kvasov?' }).waitForCallback(10_000);
    expect(String(unauthorized.data.content)).toMatch(/^Sorry, something went wrong/);

    // A deferred add whose edit fails with 500 on every attempt for a while (retried, logged each time).
    fake.failNext({ method: 'PATCH', pathPattern: /original$/, status: 500, times: 6 });
    const add = fake.chatInput('curate add', { file: fake.addAttachment({ filename: 'a.txt', data: 'Canary notes\n\nThe canary sings at dawn.\n' }) }, MODERATOR);
    await add.waitForWebhook((w) => w.kind === 'editMessage', 15_000);

    // A refusal the user sees.
    const refused = await fake.chatInput('curate add', { file: fake.addAttachment({ filename: 'x.png', data: 'PNG' }) }, MODERATOR).waitForCallback();
    expect(String(refused.data.content)).toContain('I can read .txt');

    const log = bot.output();
    expect(log).toContain('"msg":"interaction failed"');
    expect(log).toContain('401');
    expect(log).toContain('Discord did not take a reply; retrying');
    expectNoToken(log);
    expectNoToken(everythingSent());
  });

  it('is not in the log when Discord closes the gateway for good (4004), after which the bot exits 1', async () => {
    fake.closeGateway(4004, 'Authentication failed');
    const { code } = await bot.exited;
    expect(code).toBe(1);
    const log = bot.output();
    expect(log).toContain('Discord closed the gateway for good');
    expectNoToken(log);
  });

  it('is not in what the bot prints when Discord refuses it at login', async () => {
    const wrongSecret = `WrongCanary${randomBytes(16).toString('hex')}`;
    const wrong = launch({ ...botEnv(fake, data.path, { LOG_LEVEL: 'trace' }), DISCORD_TOKEN: `${Buffer.from(APP_ID).toString('base64url')}.${wrongSecret}` });
    const { code } = await wrong.exited;
    expect(code).toBe(1);
    expect(wrong.output()).toContain('Discord refused DISCORD_TOKEN (401)');
    expect(wrong.output()).not.toContain(wrongSecret);
  });
});
