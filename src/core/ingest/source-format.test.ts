import { describe, expect, test } from 'vitest';
import { makeDocx } from '../../../tests/fixtures/ingest/make-docx.js';
import { makePdf } from '../../../tests/fixtures/ingest/make-pdf.js';
import { decodeText } from './decode-text.js';
import { describeBytes } from './describe-bytes.js';
import { normalizeText, tidyText } from './normalize-text.js';
import { detectFormat } from './source-format.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectFormat', () => {
  test.each([
    { fileName: 'a.TXT', contentType: undefined, format: 'text' },
    { fileName: 'notes.markdown', contentType: undefined, format: 'markdown' },
    { fileName: 'docs/intro.mdx', contentType: undefined, format: 'markdown' },
    { fileName: 'page.htm', contentType: undefined, format: 'html' },
    { fileName: 'dir/paper.pdf', contentType: undefined, format: 'pdf' },
    { fileName: 'report.docx', contentType: undefined, format: 'docx' },
    { fileName: undefined, contentType: 'application/pdf', format: 'pdf' },
    { fileName: 'index.php', contentType: 'text/html; charset=UTF-8', format: 'html' },
    { fileName: 'README.md', contentType: 'text/html', format: 'html' }, // a server rendering Markdown
    { fileName: 'README.md', contentType: 'text/plain', format: 'markdown' }, // text/plain is generic for .md
    { fileName: 'paper.pdf', contentType: 'application/octet-stream', format: 'pdf' },
  ])('$fileName + $contentType -> $format', ({ fileName, contentType, format }) => {
    expect(detectFormat(fileName, contentType).format).toBe(format);
  });

  test.each([
    { fileName: 'photo.jpeg', contentType: undefined },
    { fileName: 'archive', contentType: 'application/zip' },
    { fileName: '.pdf', contentType: undefined },
  ])('unsupported: $fileName + $contentType', ({ fileName, contentType }) => {
    expect(() => detectFormat(fileName, contentType)).toThrow(/not a format footnote can read/);
  });
});

describe('describeBytes', () => {
  test.each([
    { name: 'PDF', bytes: makePdf({ pages: [['x']] }), is: 'a PDF' },
    { name: 'DOCX', bytes: makeDocx({ paragraphs: ['x'] }), is: 'a Word document (DOCX)' },
    { name: 'JPEG', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), is: 'a JPEG image' },
    { name: 'legacy .doc', bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), is: 'a legacy Office file (.doc/.xls) or a password-protected document' },
    { name: 'HTML', bytes: utf8('<!DOCTYPE html><title>x</title>'), is: 'an HTML page' },
    { name: 'text', bytes: utf8('just words'), is: 'plain text' },
    { name: 'binary', bytes: Uint8Array.from([1, 2, 0, 4]), is: 'binary data (it contains NUL bytes)' },
    { name: 'damaged zip', bytes: Uint8Array.from([0x50, 0x4b, 3, 4, ...new Array(40).fill(0)]), is: 'a damaged ZIP archive' },
    { name: 'text whose 64 KB window cuts a character', bytes: utf8(`${'a'.repeat(65535)}é and more`), is: 'plain text' },
  ])('$name', ({ bytes, is }) => {
    expect(describeBytes(bytes)).toBe(is);
  });
});

describe('decodeText', () => {
  test.each([
    { name: 'UTF-8', bytes: utf8('naïve'), result: { ok: true, text: 'naïve' } },
    { name: 'UTF-8 with BOM', bytes: Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), result: { ok: true, text: 'hi' } },
    { name: 'UTF-16BE with BOM', bytes: Uint8Array.from([0xfe, 0xff, 0, 0x68, 0, 0x69]), result: { ok: true, text: 'hi' } },
    { name: 'Latin-1', bytes: Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), result: { ok: false } },
    { name: 'NUL', bytes: Uint8Array.from([0x61, 0]), result: { ok: false } },
  ])('$name', ({ bytes, result }) => {
    expect(decodeText(bytes)).toMatchObject(result);
  });
});

describe('normalizeText and tidyText', () => {
  test('normalizeText: line breaks to LF, C0 controls except tab dropped, form feed a line break', () => {
    expect(normalizeText('a\r\nb\rc\u0000d\u0008e\tf\u000cg\u007fh  ')).toBe('a\nb\ncde\tf\ng\u007fh  ');
  });

  test('tidyText: trailing spaces off, at most one blank line, no blank ends', () => {
    expect(tidyText('\n\n  lead  \n\n\n\nnext\t \n   \nlast\n\n')).toBe('  lead\n\nnext\n\nlast');
  });

  test('tidyText is linear on long runs of spaces', () => {
    const input = `${' '.repeat(1_000_000)}x`;
    const started = performance.now();
    expect(tidyText(input)).toBe(input);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
