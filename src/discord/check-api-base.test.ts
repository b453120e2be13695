import { describe, expect, it } from 'vitest';
import { checkApiBase } from './check-api-base.js';

describe('checkApiBase', () => {
  it('accepts Discord without a warning', () => {
    expect(checkApiBase('https://discord.com/api')).toEqual({});
  });

  it.each(['http://127.0.0.1:3000/api', 'http://127.8.9.10/api', 'http://[::1]:80/api', 'http://localhost:1234/api'])('accepts http to loopback %s, with a warning', (base) => {
    expect(checkApiBase(base).warning).toMatch(/not discord\.com/);
  });

  it.each(['http://discord.com/api', 'http://10.0.0.1/api', 'http://example.org/api', 'http://127.0.0.1.example.org/api', 'ftp://127.0.0.1/api', 'not a url'])(
    'refuses %s, where the token would travel unprotected',
    (base) => {
      expect(() => checkApiBase(base)).toThrow(/DISCORD_API_BASE/);
    },
  );

  it('warns for https to another host', () => {
    expect(checkApiBase('https://proxy.example.org/api').warning).toMatch(/proxy\.example\.org/);
  });
});
