import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/config/color-enabled.js';
import { createLogger } from '../../src/config/create-logger.js';

const ANSI = /\u001b\[/;

/** A logger's output, captured: `log` writes one warning and returns what reached the destination. */
function capture(options: { pretty: boolean; color: boolean }): string {
  let written = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  createLogger('info', { ...options, destination }).warn({ dataDir: '/srv/footnote' }, 'the index was rebuilt');
  return written;
}

describe('colorEnabled', () => {
  it.each([
    ['allows', 'a terminal', { isTTY: true }, {}],
    ['refuses', 'a terminal with NO_COLOR=1', { isTTY: true }, { NO_COLOR: '1' }],
    ['allows', 'a terminal with an empty NO_COLOR (unset, by the convention)', { isTTY: true }, { NO_COLOR: '' }],
    ['refuses', 'a pipe', { isTTY: false }, {}],
    ['refuses', 'a stream that does not say', {}, {}],
  ])('%s colour on %s', (verdict, _, stream, env) => {
    expect(colorEnabled(stream, env)).toBe(verdict === 'allows');
  });
});

describe('createLogger', () => {
  it('writes a pretty log line without escape codes when colour is not allowed', () => {
    const line = capture({ pretty: true, color: false });
    expect(line).toMatch(/WARN.*the index was rebuilt/);
    expect(line).not.toMatch(ANSI);
  });

  it('colours a pretty log line only when colour is allowed', () => {
    expect(capture({ pretty: true, color: true })).toMatch(ANSI);
  });

  it('writes JSON lines, never coloured, when not pretty', () => {
    const line = capture({ pretty: false, color: true });
    expect(JSON.parse(line)).toMatchObject({ level: 40, msg: 'the index was rebuilt', dataDir: '/srv/footnote' });
    expect(line).not.toMatch(ANSI);
  });
});
