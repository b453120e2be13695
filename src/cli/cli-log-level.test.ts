import { describe, expect, it } from 'vitest';
import { cliLogLevel } from './cli-log-level.js';

describe('cliLogLevel', () => {
  it.each([
    ['info', false, 'warn'],
    ['debug', false, 'warn'],
    ['warn', false, 'warn'],
    ['error', false, 'error'],
    ['silent', false, 'silent'],
    ['info', true, 'debug'],
    ['error', true, 'debug'],
    ['trace', true, 'trace'],
  ] as const)('LOG_LEVEL=%s with verbose %s logs at %s', (configured, verbose, expected) => {
    expect(cliLogLevel(configured, verbose)).toBe(expected);
  });
});
