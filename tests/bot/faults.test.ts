import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCallback } from '../fake-discord/fake-discord.js';
import { expectEveryMessageSafe, expectReply, expectSafeMessage, MODERATOR, textOf } from './bot-harness.js';
import { startProductionHarness, type ProductionHarness } from './production-harness.js';

// Gateway drops and REST failures, with the bot's production REST settings. Each case ends with the bot
// answering: the interaction caught in the fault, and the next one. Close codes that make discord.js
// re-IDENTIFY (1000, 4007, op 9, a refused RESUME) cost ~5 s each in its identify throttle, so they run in
// tests/stress/gateway-reidentify.stress.ts.
let h: ProductionHarness;
beforeAll(async () => {
  // Heartbeats every 500 ms, so a connection whose heartbeats go unanswered is noticed quickly.
  h = await startProductionHarness({ fake: { heartbeatIntervalMs: 500 } });
});
afterAll(async () => {
  expectEveryMessageSafe(h.fake);
  await h.close();
});

const QUESTION = 'What did the prosecution fail to present in the Kvasov trial?';
let asker = 0;

function ask() {
  return h.fake.chatInput('ask', { question: QUESTION }, { user: { username: `fault-asker-${++asker}` } });
}

function expectAnswered(callback: RecordedCallback): void {
  const data = expectReply(callback, 'public');
  expect(String(data.embeds![0]!.description)).toContain('persuasive evidence');
  expect(callback.elapsedMs).toBeLessThan(3000);
}

const identifies = () => h.fake.gatewayFrames.filter((f) => f.direction === 'in' && f.op === 2).length;
const requestsFor = (id: string, pattern: RegExp) => h.fake.requests.filter((r) => r.path.includes(id) && pattern.test(r.path));

describe('gateway: closes that resume', () => {
  it.each([
    ['close code 4000', () => h.fake.closeGateway(4000)],
    ['a dropped TCP connection (1006)', () => h.fake.closeGateway(1006)],
    ['op 7 RECONNECT', () => h.fake.sendOp(7)],
  ])('resumes after %s and answers what was sent while it reconnected', async (_what, fault) => {
    const before = identifies();
    const resumed = h.fake.waitForNextSession('resumed', 10_000);
    fault();
    // Sent while the client is away: Discord keeps it for the session and replays it after RESUME.
    const caught = ask();
    await resumed;
    expectAnswered(await caught.waitForCallback(10_000));
    expect(identifies()).toBe(before);
    expectAnswered(await ask().waitForCallback());
  });

  it('notices a connection whose heartbeats go unanswered, resumes, and answers', async () => {
    const before = identifies();
    const connections = h.fake.gatewayConnections.length;
    const resumed = h.fake.waitForNextSession('resumed', 10_000);
    h.fake.ackHeartbeats = false;
    try {
      await waitUntil(() => h.fake.gatewayConnections.length > connections, 10_000);
    } finally {
      h.fake.ackHeartbeats = true;
    }
    await resumed;
    expect(identifies()).toBe(before);
    expectAnswered(await ask().waitForCallback());
  });
});

describe('REST faults on the first response', () => {
  it('waits out a 429 with Retry-After on the callback and still answers inside 3 s', async () => {
    h.fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 429, retryAfter: 0.5 });
    const i = ask();
    const callback = await i.waitForCallback();
    expectAnswered(callback);
    expect(callback.elapsedMs).toBeGreaterThanOrEqual(500);
    expect(requestsFor(i.id, /\/callback$/).map((r) => r.status)).toEqual([429, 204]);
  });

  it('retries a callback answered 502 twice (@discordjs/rest retries 5xx three times)', async () => {
    h.fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 502, times: 2 });
    const i = ask();
    expectAnswered(await i.waitForCallback());
    expect(requestsFor(i.id, /\/callback$/).map((r) => r.status)).toEqual([502, 502, 204]);
  });

  it('keeps trying a callback past those retries while the 3 s last, instead of apologising', async () => {
    h.fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 503, times: 5 });
    const i = ask();
    expectAnswered(await i.waitForCallback());
    expect(requestsFor(i.id, /\/callback$/).map((r) => r.status)).toEqual([503, 503, 503, 503, 503, 204]);
    expect(h.logger.entries.some((e) => e.msg === 'Discord did not take a first response; retrying' && e.obj.interactionId === i.id)).toBe(true);
  });

  it('retries a callback whose connection was reset', async () => {
    h.fake.failNext({ method: 'POST', pathPattern: /\/callback$/, reset: true });
    const i = ask();
    expectAnswered(await i.waitForCallback());
  });
});

describe('REST faults on the edit of a deferred reply', () => {
  async function addNote(topic: string) {
    const file = h.fake.addAttachment({ filename: `${topic}.txt`, data: `Notes on ${topic}\n\nThe ${topic} ledger is kept in the east archive.\n` });
    return h.fake.chatInput('curate add', { file }, MODERATOR);
  }

  it('delivers "Added" through six 503s on the edit: the document is stored, so the moderator must hear', async () => {
    h.fake.failNext({ method: 'PATCH', pathPattern: /\/messages\/(%40|@)original$/, status: 503, times: 6 });
    const add = await addNote('quillwort');
    expect((await add.waitForCallback()).type).toBe(5);
    const edit = await add.waitForWebhook((w) => w.kind === 'editMessage', 20_000);
    expectSafeMessage(edit.body, 'edit');
    expect(textOf(edit.body)).toContain('Added: Notes on quillwort');
    expect(requestsFor(add.token, /original$/).map((r) => r.status)).toEqual([503, 503, 503, 503, 503, 503, 200]);
    expect(h.logger.entries.some((e) => e.msg === 'Discord did not take a reply; retrying')).toBe(true);
  });

  it('waits out a 429 on the edit and delivers it', async () => {
    h.fake.failNext({
      method: 'PATCH',
      pathPattern: /\/messages\/(%40|@)original$/,
      status: 429,
      retryAfter: 0.3,
      headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.3', 'x-ratelimit-bucket': 'fault' },
    });
    const add = await addNote('hornbeam');
    const edit = await add.waitForWebhook((w) => w.kind === 'editMessage', 10_000);
    expect(textOf(edit.body)).toContain('Added: Notes on hornbeam');
    expect(requestsFor(add.token, /original$/).map((r) => r.status)).toEqual([429, 200]);
  });

  it('does not retry what Discord refused (a 4xx): one attempt, logged', async () => {
    h.fake.failNext({ method: 'PATCH', pathPattern: /\/messages\/(%40|@)original$/, status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    const add = await addNote('sedge');
    await waitUntil(() => h.logger.entries.some((e) => e.msg === 'could not tell the user about a failure' || e.msg === 'interaction failed'), 10_000);
    const patches = requestsFor(add.token, /original$/);
    // The edit (refused), then the router's own report of the failure, which goes through.
    expect(patches[0]!.status).toBe(404);
    expect(patches.filter((r) => r.status === 404)).toHaveLength(1);
    // The document itself was stored: a later /docs show finds it.
    const shown = expectReply(await h.fake.chatInput('docs show', { document: 'notes-on-sedge' }).waitForCallback(), 'ephemeral');
    expect(shown.embeds![0]!.title).toBe('Notes on sedge');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
