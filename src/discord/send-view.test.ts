import { HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { isTransient } from './send-view.js';

describe('isTransient', () => {
  const http = (status: number) => new HTTPError(status, 'x', 'PATCH', 'https://discord.com/api/v10/webhooks/1/t/messages/@original', {});
  it.each([
    ['a 500 after @discordjs/rest’s own retries', http(500), true],
    ['a 503', http(503), true],
    ['a request timeout (AbortError)', Object.assign(new Error('aborted'), { name: 'AbortError' }), true],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true],
    ['a refused connection', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), true],
    ['an undici socket error', Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }), true],
    ['a 4xx (Discord said no)', Object.assign(new Error('Unknown Webhook'), { status: 404, code: 10015 }), false],
    ['a bug', new TypeError('x is undefined'), false],
    ['nothing', undefined, false],
  ])('%s: %s', (_what, error, expected) => {
    expect(isTransient(error)).toBe(expected);
  });
});
