import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryMessageSafe, expectReply, expectSafeMessage, MEMBER, MODERATOR, openWithTestFetch, startHarness, type Harness } from './bot-harness.js';

// URL adds go through the core's fetcher with its SSRF guard on. This bot's knowledge base lets the
// fetcher reach exactly one extra place: 127.0.0.1, where the test resolves docs.footnote.test and serves
// the page below. Every other name resolves to a private address, which stays refused, as does all other loopback.
const TEST_HOST = 'docs.footnote.test';
let pages: Server;
let port: number;
let h: Harness;
/** What /handbook serves: tests change it to see a re-added URL replace its document. */
let page = '';

const PAGE = `<!doctype html><html><head><title>Lighthouse keeper's handbook</title></head><body>
<nav><a href="/">Home</a> | <a href="/about">About</a></nav>
<main><h1>Lighthouse keeper's handbook</h1>
<p>The keeper trims the lamp wick every evening before sunset, and logs the weather at midnight.</p>
<p>Fog signals sound every thirty seconds while visibility stays below one nautical mile.</p></main>
</body></html>`;

beforeAll(async () => {
  pages = createServer((req, res) => {
    if (req.url === '/handbook') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page || PAGE);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  port = (pages.address() as AddressInfo).port;
  h = await startHarness({
    openKnowledgeBase: openWithTestFetch({
      timeoutMs: 5000,
      resolve: async (host) => [{ address: host === TEST_HOST ? '127.0.0.1' : '10.1.2.3', family: 4 }],
    }),
  });
});
afterAll(async () => {
  expectEveryMessageSafe(h.fake);
  await h.close();
  await new Promise<void>((resolve) => pages.close(() => resolve()));
});

describe('/curate add url', () => {
  it('fetches the page, keeps its readable text, and cites it with a link to the quoted sentence', async () => {
    const url = `http://${TEST_HOST}:${port}/handbook`;
    const add = h.fake.chatInput('curate add', { url }, MODERATOR);
    const deferred = await add.waitForCallback();
    expect(deferred.type).toBe(5);
    const edit = await add.waitForWebhook((w) => w.kind === 'editMessage');
    expectSafeMessage(edit.body, 'edit');
    expect(edit.body.embeds![0]!.title).toBe("Added: Lighthouse keeper's handbook");

    const answer = expectReply(await h.fake.chatInput('ask', { question: 'How often do the fog signals sound?' }, MEMBER).waitForCallback(), 'public');
    const description = String(answer.embeds![0]!.description);
    expect(description).toContain('**Fog signals sound every thirty seconds');
    expect(description).not.toContain('Home');
    const link = /\[Lighthouse keeper's handbook\]\((\S+)\)/.exec(description)?.[1];
    expect(link).toBe(`${url}#:~:text=Fog%20signals%20sound%20every,below%20one%20nautical%20mile.`);
  });

  it('replaces the document when the same URL is added again, and says what it replaced', async () => {
    const url = `http://${TEST_HOST}:${port}/handbook`;
    page = PAGE.replace('every thirty seconds', 'every twenty seconds');
    const add = h.fake.chatInput('curate add', { url }, MODERATOR);
    const edit = await add.waitForWebhook((w) => w.kind === 'editMessage');
    page = '';
    expect(edit.body.embeds![0]!.title).toBe("Replaced: Lighthouse keeper's handbook");
    expect(String(edit.body.embeds![0]!.description)).toMatch(/^This replaced “Lighthouse keeper's handbook” \(`lighthouse-keeper-s-handbook`\), added by \S+ on \d{4}-/);
    expect(h.bot.context.kb.list([`guild:${h.fake.guild.id}`]).filter((d) => !d.readOnly)).toHaveLength(1);
  });

  it.each([
    ['a name that resolves to a private address', 'intranet.footnote.test'],
    ['another loopback address', '127.0.0.2'],
  ])('still refuses %s, before connecting', async (_what, host) => {
    const add = h.fake.chatInput('curate add', { url: `http://${host}:${port}/handbook` }, MODERATOR);
    const edit = await add.waitForWebhook((w) => w.kind === 'editMessage');
    expectSafeMessage(edit.body, 'edit');
    expect(edit.body.content).toBe(`footnote does not fetch from ${host}: it points to a private/loopback address, not a public web server.`);
    expect(edit.body.embeds ?? []).toEqual([]);
  });

  it('reports a page that does not exist', async () => {
    const add = h.fake.chatInput('curate add', { url: `http://${TEST_HOST}:${port}/missing` }, MODERATOR);
    const edit = await add.waitForWebhook((w) => w.kind === 'editMessage');
    expect(edit.body.content).toMatch(/404/);
  });
});
