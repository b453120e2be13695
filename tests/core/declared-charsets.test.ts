import { afterEach, describe, expect, it } from 'vitest';
import { extractText } from '../../src/core/ingest/extract-text.js';
import { prepareDocument } from '../../src/core/knowledge/prepare-document.js';
import { encodeLegacy } from '../fixtures/ingest/encode-legacy.js';
import { expectFootnoteError } from '../fixtures/ingest/expect-footnote-error.js';
import { startLocalServer, type LocalServer } from '../fixtures/ingest/local-server.js';

const page = (head: string, body: string): string => `<!doctype html><html><head>${head}<title>Page</title></head><body><main><p>${body}</p></main></body></html>`;

describe('documents in a declared legacy charset are read, not refused as "not UTF-8"', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('reads a Latin-1 "café" page fetched with `Content-Type: text/html; charset=ISO-8859-1`', async () => {
    const body = encodeLegacy(page('', "Un café au lait, s'il vous plaît, à la terrasse."), 'windows-1252');
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
      response.end(Buffer.from(body));
    });
    const prepared = await prepareDocument(
      { scope: 'global', input: { kind: 'url', url: `${server.origin}/cafe.html` }, addedBy: 'op' },
      { fetch: { allowPrivateAddresses: true } },
    );
    expect(prepared.text).toContain("Un café au lait, s'il vous plaît, à la terrasse.");
  });

  it('reads a Latin-1 text file by the charset of its content type', async () => {
    const extracted = await extractText({ bytes: encodeLegacy('Un café, deux cafés.', 'windows-1252'), contentType: 'text/plain; charset=iso-8859-1' });
    expect(extracted.text).toBe('Un café, deux cafés.');
  });

  it('reads windows-1252 curly quotes declared by <meta charset>', async () => {
    const bytes = encodeLegacy(page('<meta charset="windows-1252">', 'He said “tide tables” – twice – and left…'), 'windows-1252');
    const extracted = await extractText({ bytes, fileName: 'quotes.html' });
    expect(extracted.text).toContain('He said “tide tables” – twice – and left…');
  });

  it('reads Shift_JIS Japanese declared by <meta http-equiv="Content-Type">', async () => {
    const bytes = encodeLegacy(
      page('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', '東京の天気は晴れです。明日は雨が降るでしょう。'),
      'shift_jis',
    );
    const extracted = await extractText({ bytes, fileName: 'tenki.html' });
    expect(extracted.text).toContain('東京の天気は晴れです。明日は雨が降るでしょう。');
  });

  it('refuses a charset label no decoder knows, with a clear message', async () => {
    await expectFootnoteError(
      extractText({ bytes: new TextEncoder().encode(page('', 'Hello.')), fileName: 'odd.html', contentType: 'text/html; charset=x-klingon' }),
      'unsupported_type',
      '"odd.html" is declared in the character set "x-klingon", which footnote cannot decode; save it as UTF-8 and try again.',
    );
  });
});
