import { describe, expect, test } from 'vitest';
import type { FootnoteErrorCode } from '../errors.js';
import { expectFootnoteError } from '../../../tests/fixtures/ingest/expect-footnote-error.js';
import { makeDocx } from '../../../tests/fixtures/ingest/make-docx.js';
import { makeFlateBombPdf, makePdf } from '../../../tests/fixtures/ingest/make-pdf.js';
import { makeZip } from '../../../tests/fixtures/ingest/make-zip.js';
import { extractText, type ExtractedText, type ExtractLimits } from './extract-text.js';
import { pageAtLine, pageStartLines } from './pdf-pages.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const MB = 1024 * 1024;
/** 19,999 characters of text (the last space is trimmed) in a DOCX of a few KB (deflate shrinks the repetition). */
const WORDY_DOCX = makeDocx({ paragraphs: ['tide '.repeat(4000)] });

const PAGE = `<!doctype html>
<html><head>
  <title>Tide tables &amp; more</title>
  <style>body { color: red } .secret { display: none }</style>
  <script>var secret = "SCRIPT";</script>
</head><body>
  <header><a href="/">Site name</a></header>
  <nav><ul><li>Home</li><li>About</li></ul></nav>
  <main>
    <h1>Tides</h1>
    <p>The tide rises twice a day.<br>It falls twice as well.</p>
    <div hidden>HIDDEN ATTRIBUTE</div>
    <p style="display:none">HIDDEN STYLE</p>
    <form><label>Search <input name="q"></label><button>Go</button></form>
    <p>Spring tides follow the new moon.</p>
  </main>
  <aside>Related: ASIDE</aside>
  <footer>Copyright FOOTER</footer>
</body></html>`;

describe('extractText reads each format', () => {
  const cases: Array<{ name: string; input: Parameters<typeof extractText>[0]; expected: ExtractedText }> = [
    {
      name: 'plain text: CRLF and CR become LF, control characters go, the rest is verbatim',
      input: { bytes: utf8('line one\r\nline\u0007 two\r  tab\there  \n\u001b'), fileName: 'notes.txt' },
      expected: { format: 'text', layout: 'plain', text: 'line one\nline two\n  tab\there  \n' },
    },
    {
      name: 'plain text: a UTF-8 BOM is stripped',
      input: { bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('café')]), fileName: 'bom.txt' },
      expected: { format: 'text', layout: 'plain', text: 'café' },
    },
    {
      name: 'plain text: UTF-16 with a BOM is decoded',
      input: { bytes: Uint8Array.from(Buffer.from('\ufeffWide text', 'utf16le')), fileName: 'windows.txt' },
      expected: { format: 'text', layout: 'plain', text: 'Wide text' },
    },
    {
      name: 'Markdown: kept as markdown, titled by its leading # heading',
      input: { bytes: utf8('# Field Guide\n\nSome *emphasis* and a [link](https://example.com).\n'), fileName: 'guide.md' },
      expected: { format: 'markdown', layout: 'markdown', text: '# Field Guide\n\nSome *emphasis* and a [link](https://example.com).\n', title: 'Field Guide', meta: {} },
    },
    {
      name: 'Markdown: front matter is metadata, its title wins over the first heading',
      input: { bytes: utf8('---\ntitle: Env variables\ndate: 2024-05-01\nlayout: doc\n---\n\n# Heading\n\nText.\n'), fileName: 'env.md' },
      expected: {
        format: 'markdown',
        layout: 'markdown',
        text: '---\ntitle: Env variables\ndate: 2024-05-01\nlayout: doc\n---\n\n# Heading\n\nText.\n',
        title: 'Env variables',
        meta: { title: 'Env variables', date: '2024-05-01' },
      },
    },
    {
      name: 'Markdown by content type, no file name; no heading means no title',
      input: { bytes: utf8('Just prose.'), contentType: 'text/markdown; charset=utf-8' },
      expected: { format: 'markdown', layout: 'markdown', text: 'Just prose.', meta: {} },
    },
    {
      name: 'HTML: readable text as Markdown; scripts, styles, chrome, forms and hidden elements dropped',
      input: { bytes: utf8(PAGE), fileName: 'tides.html' },
      expected: {
        format: 'html',
        layout: 'markdown',
        title: 'Tide tables & more',
        text: '# Tides\n\nThe tide rises twice a day.\nIt falls twice as well.\n\nSpring tides follow the new moon.',
      },
    },
    {
      name: 'PDF: lines, a paragraph gap, pages separated by a form feed line, title from metadata',
      input: {
        bytes: makePdf({ pages: [['First line', 'second line', '', 'New paragraph'], ['Second page']], title: 'Pilot Book' }),
        fileName: 'pilot.pdf',
      },
      expected: { format: 'pdf', layout: 'plain', title: 'Pilot Book', text: 'First line\nsecond line\n\nNew paragraph\n\f\nSecond page' },
    },
    {
      name: 'DOCX (deflated): paragraphs separated by blank lines, title from docProps/core.xml',
      input: { bytes: makeDocx({ paragraphs: ['Knots & splices', 'A bowline holds.'], title: 'Rope Work' }), fileName: 'rope.docx' },
      expected: { format: 'docx', layout: 'markdown', title: 'Rope Work', text: 'Knots & splices\n\nA bowline holds.' },
    },
    {
      name: 'DOCX: Word\'s Heading 1 and Heading 2 styles become "#" and "##" lines, text is escaped',
      input: {
        bytes: makeDocx({ paragraphs: [{ text: 'Rope Work', heading: 1 }, 'Intro *text*.', { text: 'Knots', heading: 2 }, '1. Bowline'] }),
        fileName: 'headings.docx',
      },
      expected: { format: 'docx', layout: 'markdown', text: '# Rope Work\n\nIntro \\*text\\*.\n\n## Knots\n\n1\\. Bowline' },
    },
    {
      name: 'DOCX: a table becomes a pipe table, its first row the header',
      input: { bytes: makeDocx({ paragraphs: ['Knots:'], tables: [[['Knot', 'Use'], ['Reef | square', 'join']]] }), fileName: 'table.docx' },
      expected: { format: 'docx', layout: 'markdown', text: 'Knots:\n\n| Knot | Use |\n| --- | --- |\n| Reef \\| square | join |' },
    },
    {
      name: 'DOCX (stored), identified by content type',
      input: {
        bytes: makeDocx({ paragraphs: ['Stored entries work too.'], method: 'store' }),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      expected: { format: 'docx', layout: 'markdown', text: 'Stored entries work too.' },
    },
  ];

  test.each(cases)('$name', async ({ input, expected }) => {
    expect(await extractText(input)).toEqual(expected);
  });
});

describe('extractText gives PDF text its page numbers', () => {
  test('a 3-page PDF: a form feed line between pages, pageStartLines points at each page', async () => {
    const pdf = makePdf({ pages: [['Page one', 'more one'], ['Page two'], ['Page three', '', 'last']] });
    const { text, layout } = await extractText({ bytes: pdf, fileName: 'three.pdf' });
    expect(layout).toBe('plain');
    expect(text).toBe('Page one\nmore one\n\f\nPage two\n\f\nPage three\n\nlast');
    const starts = pageStartLines(text);
    expect(starts).toEqual([1, 4, 6]);
    const lines = text.split('\n');
    expect(starts.map((line) => lines[line - 1])).toEqual(['Page one', 'Page two', 'Page three']);
    expect(pageAtLine(starts, lines.indexOf('last') + 1)).toBe(3);
  });

  test('a form feed in a text file is still a line break', async () => {
    const { text, layout } = await extractText({ bytes: utf8('one\ftwo'), fileName: 'a.txt' });
    expect({ text, layout }).toEqual({ text: 'one\ntwo', layout: 'plain' });
  });
});

describe('extractText refuses what it cannot or should not read', () => {
  const notDocx = makeZip([{ name: 'readme.txt', data: 'hello' }]);
  const xlsx = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
  const pdf = makePdf({ pages: [['Some text here'], ['More text']] });
  const docxEntries = (override: Parameters<typeof makeDocx>[0]['override']): Uint8Array =>
    makeDocx({ paragraphs: ['x'], override });
  const lyingDocument = (declaredSize: number, realSize: number) =>
    docxEntries((entries) =>
      entries.map((entry) =>
        entry.name === 'word/document.xml' ? { ...entry, data: ' '.repeat(realSize), method: 'deflate' as const, declaredSize } : entry,
      ),
    );

  const cases: Array<{
    name: string;
    input: Parameters<typeof extractText>[0];
    limits?: Partial<ExtractLimits>;
    code: FootnoteErrorCode;
    message: Array<string | RegExp>;
  }> = [
    { name: 'unknown extension', input: { bytes: PNG, fileName: 'photo.png' }, code: 'unsupported_type', message: ['"photo.png"', '.png', '.pdf', '.docx'] },
    { name: 'no name, no content type', input: { bytes: utf8('x') }, code: 'unsupported_type', message: ['no file extension or content type'] },
    { name: 'PNG bytes named .pdf', input: { bytes: PNG, fileName: 'scan.pdf' }, code: 'type_mismatch', message: ['"scan.pdf"', 'claims to be a PDF', '".pdf" extension', 'a PNG image'] },
    { name: 'text named .docx', input: { bytes: utf8('just some words'), fileName: 'essay.docx' }, code: 'type_mismatch', message: ['Word document', 'plain text'] },
    { name: 'PDF named .docx', input: { bytes: pdf, fileName: 'essay.docx' }, code: 'type_mismatch', message: ['Word document', 'a PDF'] },
    { name: 'a ZIP that is not a Word document', input: { bytes: notDocx, fileName: 'a.docx' }, code: 'type_mismatch', message: ['ZIP archive'] },
    { name: 'a workbook named .docx', input: { bytes: xlsx, fileName: 'a.docx' }, code: 'type_mismatch', message: ['Excel workbook'] },
    { name: 'PNG bytes named .txt', input: { bytes: PNG, fileName: 'a.txt' }, code: 'type_mismatch', message: ['plain text', 'PNG image'] },
    { name: 'plain text named .html', input: { bytes: utf8('no markup at all'), fileName: 'a.html' }, code: 'type_mismatch', message: ['HTML page', 'without HTML markup'] },
    { name: 'PDF served as text/html', input: { bytes: pdf, contentType: 'text/html' }, code: 'type_mismatch', message: ['content type text/html', 'a PDF'] },
    { name: 'NUL bytes in a .txt', input: { bytes: utf8('abc\u0000def'), fileName: 'a.txt' }, code: 'type_mismatch', message: ['NUL'] },
    { name: 'invalid UTF-8 in a .md', input: { bytes: Uint8Array.from([0x61, 0xff, 0xfe, 0x62]), fileName: 'a.md' }, code: 'type_mismatch', message: ['UTF-8'] },
    { name: 'empty .txt', input: { bytes: new Uint8Array(0), fileName: 'a.txt' }, code: 'empty_document', message: ['"a.txt" is empty'] },
    { name: 'empty .pdf', input: { bytes: new Uint8Array(0), fileName: 'a.pdf' }, code: 'empty_document', message: ['empty'] },
    { name: 'whitespace-only Markdown', input: { bytes: utf8('  \n\n\t\n'), fileName: 'a.md' }, code: 'empty_document', message: ['contains no text'] },
    { name: 'HTML with nothing readable', input: { bytes: utf8('<html><body><nav>menu</nav><script>x()</script></body></html>'), fileName: 'a.html' }, code: 'empty_document', message: ['no text'] },
    { name: 'oversize input (default 10 MB cap)', input: { bytes: new Uint8Array(10 * MB + 1).fill(0x61), fileName: 'big.txt' }, code: 'too_large', message: ['10 MB'] },
    { name: 'oversize input (configured cap)', input: { bytes: utf8('x'.repeat(2048)), fileName: 'a.txt' }, limits: { maxBytes: 1024 }, code: 'too_large', message: ['2 KB', '1 KB'] },
    { name: 'a DOCX whose text is larger than the byte limit its file is within', input: { bytes: WORDY_DOCX, fileName: 'wordy.docx' }, limits: { maxBytes: WORDY_DOCX.length }, code: 'too_large', message: ['19,999 characters of text', `at most ${WORDY_DOCX.length.toLocaleString('en-US')}`, 'limit on a file\'s bytes'] },
    { name: 'corrupt PDF', input: { bytes: utf8('%PDF-1.7\ngarbage, not objects\n%%EOF\n'), fileName: 'a.pdf' }, code: 'extraction_failed', message: ['PDF is damaged'] },
    { name: 'truncated PDF', input: { bytes: pdf.subarray(0, Math.floor(pdf.length / 2)), fileName: 'a.pdf' }, code: 'extraction_failed', message: ['PDF is damaged'] },
    { name: 'PDF with more pages than allowed', input: { bytes: pdf, fileName: 'a.pdf' }, limits: { maxPdfPages: 1 }, code: 'too_large', message: ['2 pages', 'at most 1'] },
    { name: 'PDF without text (a scan)', input: { bytes: makePdf({ pages: [[]] }), fileName: 'scan.pdf' }, code: 'empty_document', message: ['scanned image'] },
    { name: 'DOCX zip bomb: declares 4 GB unpacked', input: { bytes: lyingDocument(0xfffffffe, 10), fileName: 'bomb.docx' }, code: 'too_large', message: ['zip bomb'] },
    { name: 'DOCX zip bomb: past the total unpacked limit', input: { bytes: lyingDocument(150 * MB, 10), fileName: 'bomb.docx' }, limits: { maxCompressionRatio: 1e12 }, code: 'too_large', message: ['150 MB', '100 MB limit'] },
    { name: 'DOCX zip bomb: unpacks to more than it declares', input: { bytes: lyingDocument(1000, 2 * MB), fileName: 'bomb.docx' }, code: 'too_large', message: ['zip bomb', 'more than the size it declares'] },
    { name: 'DOCX with too many entries', input: { bytes: docxEntries((entries) => [...entries, ...Array.from({ length: 10 }, (_, i) => ({ name: `media/${i}.bin`, data: 'x' }))]), fileName: 'many.docx' }, limits: { maxZipEntries: 8 }, code: 'too_large', message: ['more than 8 parts'] },
    { name: 'truncated DOCX', input: { bytes: makeDocx({ paragraphs: ['cut short'] }).subarray(0, 200), fileName: 'cut.docx' }, code: 'extraction_failed', message: ['damaged'] },
  ];

  test.each(cases)('$name', async ({ input, limits, code, message }) => {
    await expectFootnoteError(extractText(input, limits), code, ...message);
  });
});

describe('extractText has one size limit', () => {
  test('reads a text file of exactly the default 10 MB limit (a hidden 10,000,000-character cap refused it)', async () => {
    const extracted = await extractText({ bytes: new Uint8Array(10 * MB).fill(0x61), fileName: 'big.txt' });
    expect(extracted.text.length).toBe(10 * MB);
  });

  test('reads a text file of exactly a configured limit and refuses one byte more, naming the limit', async () => {
    const limits = { maxBytes: 1000 };
    expect((await extractText({ bytes: utf8('é'.repeat(500)), fileName: 'exact.txt' }, limits)).text).toHaveLength(500);
    await expectFootnoteError(extractText({ bytes: utf8('x'.repeat(1001)), fileName: 'over.txt' }, limits), 'too_large', 'up to 1000 bytes');
  });
});

describe('extractText survives hostile HTML, PDF and DOCX', () => {
  test('HTML with a 6 MB inline data URI and a base64 blob in text', async () => {
    const blob = 'QUJD'.repeat(1.5 * MB);
    const html =
      `<html><head><title>Blob</title></head><body><p>Before the image.</p>` +
      `<img src="data:image/png;base64,${blob}" alt="x"><p>data:application/octet-stream;base64,${blob.slice(0, 100_000)}</p>` +
      `<p>After the image.</p></body></html>`;
    const result = await extractText({ bytes: utf8(html), fileName: 'blob.html' });
    expect(result).toEqual({ format: 'html', layout: 'markdown', title: 'Blob', text: 'Before the image.\n\nAfter the image.' });
  });

  test('HTML nested 100,000 levels deep', async () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}<p>Deep inside.</p>${'</div>'.repeat(100_000)}</body></html>`;
    expect(await extractText({ bytes: utf8(html), fileName: 'deep.html' })).toEqual({ format: 'html', layout: 'markdown', text: 'Deep inside.' });
  });

  test('a worker that runs out of time is terminated: extraction_failed, process fine', async () => {
    await expectFootnoteError(
      extractText({ bytes: makePdf({ pages: [['slow']] }), fileName: 'slow.pdf' }, { timeoutMs: 1 }),
      'extraction_failed',
      'took longer than 1 ms',
    );
  });

  test('a worker that runs out of memory is terminated: extraction_failed, process fine', async () => {
    const html = `<html><body>${'<div><p>word word word</p></div>'.repeat(200_000)}</body></html>`;
    await expectFootnoteError(
      extractText({ bytes: utf8(html), fileName: 'huge.html' }, { workerMemoryMb: 16 }),
      'extraction_failed',
      'more than 16 MB of memory',
    );
    // The process and the worker pool still work afterwards.
    expect(await extractText({ bytes: utf8('<p>Still here.</p>'), fileName: 'ok.html' })).toEqual({ format: 'html', layout: 'markdown', text: 'Still here.' });
  });

  test('a 2 MB PDF whose content stream inflates to 2 GB is stopped by the memory watchdog', async () => {
    // The heap cap alone does not catch this: pdf.js inflates into ArrayBuffers, outside the V8 heap.
    const started = Date.now();
    await expectFootnoteError(
      extractText({ bytes: makeFlateBombPdf(2048), fileName: 'bomb.pdf' }),
      'extraction_failed',
      'more than 256 MB of memory',
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test('concurrent extractions queue for worker slots and all finish', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => extractText({ bytes: makeDocx({ paragraphs: [`Document ${i}`] }), fileName: `${i}.docx` })),
    );
    expect(results.map((result) => result.text)).toEqual(['Document 0', 'Document 1', 'Document 2', 'Document 3', 'Document 4']);
  });
});
