import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { expectFootnoteError } from '../../../tests/fixtures/ingest/expect-footnote-error.js';
import { startLocalServer, type LocalServer } from '../../../tests/fixtures/ingest/local-server.js';
import { fetchDocument, type ResolvedAddress } from './fetch-document.js';

/*
 * No test here sends a packet beyond loopback while the guards work, and a single broken guard is
 * caught without leaving loopback either: names are resolved by an injected resolver that gives a
 * refused name its forbidden address on the first lookup only and the recording loopback server
 * afterwards; literal-IP cases use loopback addresses (127.0.0.2 is loopback but not the server's
 * 127.0.0.1, so a leak shows as a refused connection, not an accepted one). The classification of
 * 10.x, 169.254.x, fd00:: and the rest without any network is in assert-host-allowed.test.ts and
 * address-policy.test.ts.
 */

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const family = (address: string): 4 | 6 => (address.includes(':') ? 6 : 4);

/** A resolver from a table; `lookups` records every name asked for, in order. */
function tableResolver(table: Record<string, string | string[]>) {
  const lookups: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    const seen = lookups.filter((name) => name === hostname).length;
    lookups.push(hostname);
    const entry = table[hostname];
    if (entry === undefined) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const addresses = Array.isArray(entry) ? entry : [entry];
    // Later lookups of a refused name land on loopback (see the note at the top).
    const answer = seen === 0 ? addresses : ['127.0.0.1'];
    return answer.map((address) => ({ address, family: family(address) }));
  };
  return { resolve, lookups };
}

describe('fetchDocument fetches', () => {
  test('a body with its content type, file name and final URL', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end('%PDF-1.4 fake');
    });
    const result = await fetchDocument(`${server.origin}/papers/tides%202024.pdf?x=1`, { allowPrivateAddresses: true });
    expect(Buffer.from(result.bytes).toString()).toBe('%PDF-1.4 fake');
    expect(result).toMatchObject({
      contentType: 'application/pdf',
      fileName: 'tides 2024.pdf',
      finalUrl: `${server.origin}/papers/tides%202024.pdf?x=1`,
    });
  });

  test.each([
    { header: `attachment; filename*=UTF-8''na%C3%AFve%20notes.md; filename="fallback.md"`, fileName: 'naïve notes.md' },
    { header: 'inline; filename="../../etc/report \\"final\\".pdf"', fileName: 'report "final".pdf' },
    { header: 'attachment; filename=plain.txt', fileName: 'plain.txt' },
    { header: 'attachment', fileName: 'download' },
  ])('the file name from Content-Disposition: $header', async ({ header, fileName }) => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-disposition': header });
      response.end('x');
    });
    expect((await fetchDocument(`${server.origin}/download`, { allowPrivateAddresses: true })).fileName).toBe(fileName);
  });

  test('redirects, relative and absolute, each one followed by hand', async () => {
    server = await startLocalServer((request, response) => {
      const next: Record<string, string> = { '/a': '/b', '/b': `http://127.0.0.1:${server!.port}/c/`, '/c/': 'final.txt' };
      const location = next[request.url ?? ''];
      if (location) {
        response.writeHead(request.url === '/a' ? 301 : 302, { location });
        response.end();
      } else {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('arrived');
      }
    });
    const result = await fetchDocument(`${server.origin}/a`, { allowPrivateAddresses: true });
    expect(Buffer.from(result.bytes).toString()).toBe('arrived');
    expect(result.finalUrl).toBe(`${server.origin}/c/final.txt`);
    expect(server.requests).toEqual(['/a', '/b', '/c/', '/c/final.txt']);
  });

  test('a gzip-encoded body is decoded', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      response.end(gzipSync('compressed words'));
    });
    const result = await fetchDocument(`${server.origin}/`, { allowPrivateAddresses: true });
    expect(Buffer.from(result.bytes).toString()).toBe('compressed words');
  });
});

describe('fetchDocument fails cleanly', () => {
  test.each([
    { status: 404, message: ['404 Not Found'] },
    { status: 500, message: ['500 Internal Server Error'] },
  ])('HTTP $status -> fetch_failed', async ({ status, message }) => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(status);
      response.end('nope');
    });
    await expectFootnoteError(fetchDocument(`${server.origin}/missing`, { allowPrivateAddresses: true }), 'fetch_failed', ...message);
  });

  test('more than maxRedirects redirects -> fetch_failed', async () => {
    server = await startLocalServer((request, response) => {
      response.writeHead(302, { location: `/hop${(request.url ?? '').length}` });
      response.end();
    });
    await expectFootnoteError(
      fetchDocument(`${server.origin}/`, { allowPrivateAddresses: true, maxRedirects: 3 }),
      'fetch_failed',
      'more than 3 times',
    );
    expect(server.requests).toHaveLength(4);
  });

  test('a server that never answers -> fetch_timeout within the total budget', async () => {
    server = await startLocalServer(() => undefined);
    const started = Date.now();
    await expectFootnoteError(fetchDocument(`${server.origin}/`, { allowPrivateAddresses: true, timeoutMs: 300 }), 'fetch_timeout', '0.3 s');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('headers that never come -> fetch_timeout from headersTimeoutMs', async () => {
    server = await startLocalServer(() => undefined);
    await expectFootnoteError(
      fetchDocument(`${server.origin}/`, { allowPrivateAddresses: true, headersTimeoutMs: 200, timeoutMs: 10_000 }),
      'fetch_timeout',
    );
  });

  test('a body that stalls halfway -> fetch_timeout', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first half');
    });
    await expectFootnoteError(fetchDocument(`${server.origin}/`, { allowPrivateAddresses: true, timeoutMs: 300 }), 'fetch_timeout');
  });

  test('Content-Length above maxBytes -> too_large before reading', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
      response.write('x');
    });
    await expectFootnoteError(fetchDocument(`${server.origin}/`, { allowPrivateAddresses: true }), 'too_large', '10 MB', 'is 50 MB');
  });

  test('a streamed body without Content-Length, past maxBytes -> too_large, the stream is cut', async () => {
    let written = 0;
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const pump = (): void => {
        while (written < 50 * 1024 * 1024 && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      pump();
    });
    await expectFootnoteError(fetchDocument(`${server.origin}/`, { allowPrivateAddresses: true, maxBytes: 256 * 1024 }), 'too_large', '256 KB');
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  test('a gzip bomb past maxBytes once decoded -> too_large', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      response.end(bomb);
    });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expectFootnoteError(fetchDocument(`${server.origin}/`, { allowPrivateAddresses: true, maxBytes: 1024 * 1024 }), 'too_large');
  });

  test.each([
    { url: 'file:///etc/passwd', message: 'file:' },
    { url: 'ftp://example.com/x', message: 'ftp:' },
    { url: 'javascript:alert(1)', message: 'javascript:' },
    { url: 'http://user:secret@example.com/', message: 'user name or password' },
    { url: 'not a url', message: 'not a valid URL' },
  ])('$url -> input_rejected', async ({ url, message }) => {
    await expectFootnoteError(fetchDocument(url, { resolve: tableResolver({}).resolve }), 'input_rejected', message);
  });

  test('a name that does not resolve -> fetch_failed', async () => {
    await expectFootnoteError(fetchDocument('http://nowhere.example/', { resolve: tableResolver({}).resolve }), 'fetch_failed', 'nowhere.example could not be found');
  });
});

describe('fetchDocument refuses private addresses without connecting', () => {
  test.each([
    ['loopback.example', '127.0.0.1'],
    ['loopback-range.example', '127.8.9.10'],
    ['private.example', '10.0.0.1'],
    ['home.example', '192.168.1.1'],
    ['cgnat.example', '100.64.1.1'],
    ['metadata.example', '169.254.169.254'],
    ['unspecified.example', '0.0.0.0'],
    ['v6-loopback.example', '::1'],
    ['v6-mapped.example', '::ffff:127.0.0.1'],
    ['v6-ula.example', 'fd00::1'],
    ['v6-link-local.example', 'fe80::1'],
  ])('a name resolving to %s -> address_blocked, without connecting', async (name, address) => {
    server = await startLocalServer((_request, response) => response.end('should never be reached'));
    const { resolve, lookups } = tableResolver({ [name]: address });
    const error = await expectFootnoteError(
      fetchDocument(`http://${name}:${server.port}/`, { resolve }),
      'address_blocked',
      name,
      'private/loopback address',
    );
    expect(error.message).not.toContain(address);
    expect(lookups).toEqual([name]);
    expect(server.connections()).toBe(0);
  });

  test.each([
    (port: number) => `http://127.0.0.1:${port}/`,
    (port: number) => `http://[::1]:${port}/`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/`,
    (port: number) => `http://[::ffff:7f00:1]:${port}/`,
    (port: number) => `http://2130706433:${port}/`, // 127.0.0.1 as one decimal number
    (port: number) => `http://0x7f.1:${port}/`, // 127.0.0.1 in hex shorthand
    (port: number) => `http://0.0.0.0:${port}/`,
    (port: number) => `http://localhost:${port}/`, // the system resolver's answer is checked too
  ])('a literal loopback address or localhost is refused: %s', async (url) => {
    server = await startLocalServer((_request, response) => response.end('should never be reached'));
    await expectFootnoteError(fetchDocument(url(server.port), {}), 'address_blocked');
    expect(server.connections()).toBe(0);
  });

  test('a name with one allowed and one refused address is refused', async () => {
    server = await startLocalServer((_request, response) => response.end('should never be reached'));
    const { resolve } = tableResolver({ 'mixed.example': ['127.0.0.2', '127.0.0.1'] });
    await expectFootnoteError(
      fetchDocument(`http://mixed.example:${server.port}/`, { resolve, isAllowedAddress: (ip) => ip === '127.0.0.2' }),
      'address_blocked',
      'mixed.example',
    );
    expect(server.connections()).toBe(0);
  });

  test.each([
    { target: () => 'http://metadata.example/latest/meta-data/', refused: 'metadata.example' },
    { target: () => 'http://internal.example:8080/admin', refused: 'internal.example' },
    { target: (port: number) => `http://127.0.0.2:${port}/`, refused: '127.0.0.2' },
    { target: (port: number) => `http://[::1]:${port}/`, refused: '[::1]' },
    { target: (port: number) => `http://localhost:${port}/`, refused: 'localhost' },
  ])('a redirect to $refused is refused before connecting', async ({ target, refused }) => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(302, { location: target(server!.port) });
      response.end();
    });
    const { resolve, lookups } = tableResolver({
      'docs.example': '127.0.0.1',
      'metadata.example': '169.254.169.254',
      'internal.example': '10.0.0.1',
      localhost: ['127.0.0.1', '::1'],
    });
    // Exactly the test server's address is allowed; everything else is refused as in production.
    const error = await expectFootnoteError(
      fetchDocument(`http://docs.example:${server.port}/start`, { resolve, isAllowedAddress: (ip) => ip === '127.0.0.1' }),
      'address_blocked',
      refused,
    );
    expect(error.message).not.toMatch(/169\.254|10\.0\.0\.1/);
    expect(server.requests).toEqual(['/start']);
    expect(server.connections()).toBe(1);
    // A refused name is looked up once, by the check before connecting.
    expect(lookups.filter((name) => name !== 'docs.example')).toEqual(refused.endsWith('.example') || refused === 'localhost' ? [refused] : []);
  });

  test('DNS rebinding: allowed at the check, loopback at connect time -> refused, no connection', async () => {
    server = await startLocalServer((_request, response) => response.end('should never be reached'));
    // 127.0.0.2 stands in for "a public address": allowed here, and not where the server listens.
    const answers = ['127.0.0.2', '127.0.0.1'];
    const lookups: string[] = [];
    const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
      lookups.push(hostname);
      return [{ address: answers[Math.min(lookups.length - 1, 1)]!, family: 4 }];
    };
    await expectFootnoteError(
      fetchDocument(`http://rebind.example:${server.port}/`, { resolve, isAllowedAddress: (ip) => ip === '127.0.0.2' }),
      'address_blocked',
      'rebind.example',
    );
    expect(lookups).toEqual(['rebind.example', 'rebind.example']);
    expect(server.connections()).toBe(0);
  });

  test('the peer address is checked after connecting (literal IPs skip the lookup)', async () => {
    server = await startLocalServer((_request, response) => response.end('should never be read'));
    // Allowed at the pre-check, refused for the socket actually connected.
    let checks = 0;
    await expectFootnoteError(
      fetchDocument(`${server.origin}/`, { isAllowedAddress: () => (checks += 1) === 1 }),
      'address_blocked',
    );
    expect(checks).toBe(2);
    expect(server.requests).toEqual([]);
  });
});
