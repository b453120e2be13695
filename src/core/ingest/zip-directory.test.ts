import { describe, expect, test } from 'vitest';
import { makeDocx } from '../../../tests/fixtures/ingest/make-docx.js';
import { makeZip } from '../../../tests/fixtures/ingest/make-zip.js';
import { expectFootnoteError } from '../../../tests/fixtures/ingest/expect-footnote-error.js';
import { checkDocxArchive } from './check-docx-archive.js';
import { DEFAULT_EXTRACT_LIMITS } from './extract-limits.js';
import { entryData, readZipDirectory, ZipFormatError } from './zip-directory.js';

const MB = 1024 * 1024;

describe('readZipDirectory', () => {
  test('lists entries with methods and sizes, and finds their data', () => {
    const zip = makeZip([
      { name: 'a.txt', data: 'stored text' },
      { name: 'dir/b.xml', data: '<x/>'.repeat(100), method: 'deflate' },
    ]);
    const entries = readZipDirectory(zip, { maxEntries: 10 });
    expect(entries.map(({ name, method, uncompressedSize }) => ({ name, method, uncompressedSize }))).toEqual([
      { name: 'a.txt', method: 0, uncompressedSize: 11 },
      { name: 'dir/b.xml', method: 8, uncompressedSize: 400 },
    ]);
    expect(Buffer.from(entryData(zip, entries[0]!)).toString()).toBe('stored text');
  });

  test('reads ZIP64 sizes from the extra field', () => {
    const zip = Buffer.from(makeZip([{ name: 'big.xml', data: 'x' }]));
    // Rewrite the central entry: sizes saturated, a ZIP64 extra field carrying the real values.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(5_000_000_000n, 4); // uncompressed
    extra.writeBigUInt64LE(1n, 12); // compressed
    const head = Buffer.from(zip.subarray(central, central + 46));
    head.writeUInt32LE(0xffffffff, 20);
    head.writeUInt32LE(0xffffffff, 24);
    head.writeUInt16LE(extra.length, 30);
    const name = zip.subarray(central + 46, central + 46 + 7);
    const end = Buffer.from(zip.subarray(zip.length - 22));
    end.writeUInt32LE(46 + 7 + extra.length, 12);
    const rebuilt = Buffer.concat([zip.subarray(0, central), head, name, extra, end]);
    const [entry] = readZipDirectory(rebuilt, { maxEntries: 10 });
    expect(entry).toMatchObject({ name: 'big.xml', uncompressedSize: 5_000_000_000, compressedSize: 1 });
  });

  test.each([
    { name: 'not a zip', bytes: Buffer.from('hello, this is certainly not a zip archive'), reason: 'damaged' },
    { name: 'too short', bytes: Buffer.from('PK'), reason: 'not_zip' },
    { name: 'truncated', bytes: makeZip([{ name: 'a', data: 'abc' }]).subarray(0, 40), reason: 'damaged' },
    { name: 'too many entries', bytes: makeZip(Array.from({ length: 5 }, (_, i) => ({ name: `${i}`, data: '' }))), reason: 'too_many_entries' },
  ])('refuses: $name', ({ bytes, reason }) => {
    let caught: unknown;
    try {
      readZipDirectory(bytes, { maxEntries: 4 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ZipFormatError);
    expect((caught as ZipFormatError).reason).toBe(reason);
  });
});

describe('checkDocxArchive', () => {
  const withDocument = (change: { declaredSize?: number; data?: string }): Uint8Array =>
    makeDocx({
      paragraphs: ['x'],
      override: (entries) => entries.map((entry) => (entry.name === 'word/document.xml' ? { ...entry, ...change } : entry)),
    });

  test('accepts a plain document and says whether it is one', () => {
    expect(checkDocxArchive(makeDocx({ paragraphs: ['hello'] }), DEFAULT_EXTRACT_LIMITS).isWordDocument).toBe(true);
    expect(checkDocxArchive(makeZip([{ name: 'x.txt', data: 'x' }]), DEFAULT_EXTRACT_LIMITS).isWordDocument).toBe(false);
  });

  test('refuses a declared ratio beyond the limit', async () => {
    await expectFootnoteError(
      Promise.resolve().then(() => checkDocxArchive(withDocument({ declaredSize: 20 * MB }), DEFAULT_EXTRACT_LIMITS)),
      'too_large',
      'zip bomb',
      '200:1',
    );
  });

  test('refuses a total beyond the limit', async () => {
    await expectFootnoteError(
      Promise.resolve().then(() =>
        checkDocxArchive(withDocument({ declaredSize: 3 * MB }), { ...DEFAULT_EXTRACT_LIMITS, maxCompressionRatio: 1e9, maxUnzippedBytes: 2 * MB }),
      ),
      'too_large',
      'unpack to 3 MB',
      '2 MB limit',
    );
  });
});
