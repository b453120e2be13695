import { describe, expect, test } from 'vitest';
import { expectFootnoteError } from '../../../tests/fixtures/ingest/expect-footnote-error.js';
import { isPublicAddress } from './address-policy.js';
import { assertHostAllowed } from './assert-host-allowed.js';
import type { ResolvedAddress } from './guarded-agent.js';

// The check made before any connection, exercised without any network at all.

const resolver = (table: Record<string, string[]>) => async (hostname: string): Promise<ResolvedAddress[]> =>
  (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

const check = (url: string, table: Record<string, string[]> = {}): Promise<void> =>
  assertHostAllowed(new URL(url), resolver(table), isPublicAddress);

describe('assertHostAllowed', () => {
  test.each([
    ['127.0.0.1'],
    ['10.0.0.1'],
    ['172.31.255.255'],
    ['192.168.0.10'],
    ['100.64.0.1'],
    ['169.254.169.254'],
    ['0.0.0.0'],
    ['::1'],
    ['::ffff:127.0.0.1'],
    ['::ffff:169.254.169.254'],
    ['fd00::1'],
    ['fe80::1'],
    ['93.184.215.14', '10.1.2.3'],
  ])('a name resolving to %s is refused, naming only the host', async (...addresses) => {
    const error = await expectFootnoteError(check('https://victim.example/x', { 'victim.example': addresses }), 'address_blocked', 'victim.example', 'private/loopback');
    for (const address of addresses) expect(error.message).not.toContain(address);
  });

  test.each([
    'http://10.0.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00::1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/', // ::ffff:169.254.169.254 in hex
    'http://0251.0376.0251.0376/', // 169.254.169.254 in octal
    'http://2852039166/', // 169.254.169.254 as one number
  ])('literal %s is refused without a lookup', async (url) => {
    let lookedUp = false;
    await expectFootnoteError(
      assertHostAllowed(new URL(url), async () => ((lookedUp = true), []), isPublicAddress),
      'address_blocked',
    );
    expect(lookedUp).toBe(false);
  });

  test('public names and literals pass', async () => {
    await expect(check('https://example.com/', { 'example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'] })).resolves.toBeUndefined();
    await expect(check('http://8.8.8.8/')).resolves.toBeUndefined();
  });

  test('a name without addresses is not found', async () => {
    await expectFootnoteError(check('https://nowhere.example/'), 'fetch_failed', 'could not be found');
  });
});
