import { describe, expect, test } from 'vitest';
import { encodeLegacy } from '../../../tests/fixtures/ingest/encode-legacy.js';
import { decodeText, type DecodeOptions } from './decode-text.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));
const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);

describe('decodeText chooses the encoding as browsers do: BOM, HTTP charset, meta charset, UTF-8', () => {
  const cases: Array<{ name: string; bytes: Uint8Array; options?: DecodeOptions; text: string; encoding: string }> = [
    { name: 'Latin-1 by the HTTP header (iso-8859-1 means windows-1252)', bytes: encodeLegacy('café', 'windows-1252'), options: { contentType: 'text/plain; charset=ISO-8859-1' }, text: 'café', encoding: 'windows-1252' },
    { name: 'a quoted charset parameter', bytes: encodeLegacy('café', 'windows-1252'), options: { contentType: 'text/html; charset="latin1"' }, text: 'café', encoding: 'windows-1252' },
    { name: 'windows-1252 curly quotes by <meta charset>', bytes: encodeLegacy('<meta charset="windows-1252"><p>“quoted”</p>', 'windows-1252'), options: { html: true }, text: '<meta charset="windows-1252"><p>“quoted”</p>', encoding: 'windows-1252' },
    {
      name: 'Shift_JIS by <meta http-equiv="Content-Type">',
      bytes: encodeLegacy('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>東京の天気</p>', 'shift_jis'),
      options: { html: true },
      text: '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>東京の天気</p>',
      encoding: 'shift_jis',
    },
    { name: 'the BOM over the HTTP header', bytes: concat(BOM, utf8('café')), options: { contentType: 'text/plain; charset=windows-1252' }, text: 'café', encoding: 'utf-8' },
    { name: 'the HTTP header over the meta tag', bytes: encodeLegacy('<meta charset="utf-8">café', 'windows-1252'), options: { contentType: 'text/html; charset=windows-1252', html: true }, text: '<meta charset="utf-8">café', encoding: 'windows-1252' },
    { name: 'a meta tag is not read in plain text', bytes: utf8('<meta charset="shift_jis"> café'), text: '<meta charset="shift_jis"> café', encoding: 'utf-8' },
    { name: 'HTML with no declaration, not UTF-8: windows-1252, as browsers do', bytes: encodeLegacy('<p>“naïve”</p>', 'windows-1252'), options: { html: true }, text: '<p>“naïve”</p>', encoding: 'windows-1252' },
    { name: 'HTML with no declaration, valid UTF-8: UTF-8', bytes: utf8('<p>東京</p>'), options: { html: true }, text: '<p>東京</p>', encoding: 'utf-8' },
  ];
  test.each(cases)('$name', ({ bytes, options, text, encoding }) => {
    expect(decodeText(bytes, options)).toEqual({ ok: true, text, encoding });
  });

  test('reads a meta charset only in the first 1024 bytes', () => {
    const late = encodeLegacy(`<!-- ${'x'.repeat(1100)} --><meta charset="shift_jis"><p>東京</p>`, 'shift_jis');
    const decoded = decodeText(late, { html: true });
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(decoded.ok && decoded.text).not.toContain('東京');
  });

  test.each([
    { name: 'an unknown label in the HTTP header', bytes: utf8('hello'), options: { contentType: 'text/plain; charset=x-klingon' }, reason: 'unknown_charset', problem: 'character set "x-klingon", which footnote cannot decode' },
    { name: 'an unknown label in a meta tag', bytes: utf8('<meta charset="x-klingon">hello'), options: { html: true }, reason: 'unknown_charset', problem: '"x-klingon"' },
    { name: 'bytes invalid in the declared charset', bytes: Uint8Array.from([0x82, 0xff]), options: { contentType: 'text/plain; charset=shift_jis' }, reason: 'not_text', problem: 'not valid SHIFT_JIS text' },
    { name: 'plain text with no declaration, not UTF-8', bytes: encodeLegacy('café', 'windows-1252'), reason: 'not_text', problem: 'not valid UTF-8' },
  ])('refuses $name', ({ bytes, options, reason, problem }) => {
    const decoded = decodeText(bytes, options);
    expect(decoded).toMatchObject({ ok: false, reason });
    expect(!decoded.ok && decoded.problem).toContain(problem);
  });
});
