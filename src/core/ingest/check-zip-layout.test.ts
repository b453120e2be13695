import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { expectFootnoteError } from '../../../tests/fixtures/ingest/expect-footnote-error.js';
import { makeDocx } from '../../../tests/fixtures/ingest/make-docx.js';
import { makeZip } from '../../../tests/fixtures/ingest/make-zip.js';
import { checkDocxArchive } from './check-docx-archive.js';
import { DEFAULT_EXTRACT_LIMITS } from './extract-limits.js';
import { extractText } from './extract-text.js';

/** A Word 2010 document from mammoth's test data (BSD-2-Clause, Michael Williamson). */
const WORD_DOCX = new Uint8Array(readFileSync(new URL('../../../tests/fixtures/ingest/word-single-paragraph.docx', import.meta.url)));

/** A makeZip/makeDocx archive taken apart: the local part, one buffer per central record. */
type Parts = { locals: Buffer; centrals: Buffer[] };

function split(zip: Uint8Array): Parts {
  const bytes = Buffer.from(zip);
  const end = bytes.length - 22;
  const offset = bytes.readUInt32LE(end + 16);
  const centrals: Buffer[] = [];
  for (let at = offset; at < end; ) {
    const length = 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    centrals.push(Buffer.from(bytes.subarray(at, at + length)));
    at += length;
  }
  return { locals: Buffer.from(bytes.subarray(0, offset)), centrals };
}

/** Locals, then the central records, then an end record describing them (count and size overridable). */
function join({ locals, centrals }: Parts, end: { count?: number; size?: number; comment?: Buffer } = {}): Uint8Array {
  const directory = Buffer.concat(centrals);
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(end.count ?? centrals.length, 8);
  record.writeUInt16LE(end.count ?? centrals.length, 10);
  record.writeUInt32LE(end.size ?? directory.length, 12);
  record.writeUInt32LE(locals.length, 16);
  record.writeUInt16LE(end.comment?.length ?? 0, 20);
  return Uint8Array.from(Buffer.concat([locals, directory, record, end.comment ?? Buffer.alloc(0)]));
}

const withOffset = (central: Buffer, offset: number): Buffer => {
  const copy = Buffer.from(central);
  copy.writeUInt32LE(offset, 42);
  return copy;
};

const docx = (): Uint8Array => makeDocx({ paragraphs: ['An honest paragraph.'] });

/**
 * An archive as streaming writers (Java's ZipOutputStream, so Apache POI) make it: flag bit 3, zeros for
 * CRC and sizes in each local header, and a signed data descriptor after each entry's data.
 */
function withDataDescriptors(zip: Uint8Array): Uint8Array {
  const { locals, centrals } = split(zip);
  const out: Buffer[] = [];
  let offset = 0;
  const rewritten = centrals.map((central) => {
    const at = central.readUInt32LE(42);
    const nameLength = locals.readUInt16LE(at + 26);
    const dataStart = at + 30 + nameLength + locals.readUInt16LE(at + 28);
    const data = locals.subarray(dataStart, dataStart + central.readUInt32LE(20));
    const local = Buffer.from(locals.subarray(at, at + 30 + nameLength));
    local.writeUInt16LE(local.readUInt16LE(6) | 8, 6);
    local.fill(0, 14, 26);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(central.readUInt32LE(16), 4);
    descriptor.writeUInt32LE(central.readUInt32LE(20), 8);
    descriptor.writeUInt32LE(central.readUInt32LE(24), 12);
    const copy = withOffset(central, offset);
    copy.writeUInt16LE(copy.readUInt16LE(8) | 8, 8);
    out.push(local, data, descriptor);
    offset += local.length + data.length + descriptor.length;
    return copy;
  });
  return join({ locals: Buffer.concat(out), centrals: rewritten });
}
const END = 22;

const hostile: Array<{ name: string; bytes: () => Uint8Array; why: string }> = [
  {
    name: 'data between the central directory and the end record (JSZip shifts every offset by the gap)',
    bytes: () => {
      const zip = Buffer.from(docx());
      return Uint8Array.from(Buffer.concat([zip.subarray(0, zip.length - END), Buffer.alloc(64, 7), zip.subarray(zip.length - END)]));
    },
    why: 'data between the central directory and the end record',
  },
  {
    name: 'data after the end record',
    bytes: () => Uint8Array.from(Buffer.concat([Buffer.from(docx()), Buffer.from('trailing bytes')])),
    why: 'data after the end-of-directory record',
  },
  {
    name: 'data before the first entry, offsets adjusted',
    bytes: () => {
      const { locals, centrals } = split(docx());
      return join({ locals: Buffer.concat([Buffer.alloc(100), locals]), centrals: centrals.map((c) => withOffset(c, c.readUInt32LE(42) + 100)) });
    },
    why: '100 unlisted bytes before entry',
  },
  {
    name: 'a second end-record signature in the archive comment (JSZip reads the last one)',
    bytes: () => join(split(docx()), { comment: Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]) }),
    why: 'more than one end-of-directory record',
  },
  {
    name: 'a directory that declares fewer entries than follow (JSZip reads them all)',
    bytes: () => {
      const parts = split(docx());
      const last = parts.centrals.at(-1)!;
      return join(parts, { count: parts.centrals.length - 1, size: Buffer.concat(parts.centrals).length - last.length });
    },
    why: 'data between the central directory and the end record',
  },
  {
    name: 'an entry missing from the directory, its data still in the file',
    bytes: () => {
      const parts = split(docx());
      return join({ locals: parts.locals, centrals: parts.centrals.filter((_, i) => i !== 1) });
    },
    why: 'unlisted bytes before entry',
  },
  {
    name: 'overlapping entries: word/document.xml inside the stored data of another entry',
    bytes: () => {
      const inner = split(makeZip([{ name: 'word/document.xml', data: '<w:document/>' }]));
      const outer = split(
        makeZip([
          { name: 'a.bin', data: inner.locals },
          { name: '[Content_Types].xml', data: '<Types/>' },
        ]),
      );
      return join({ locals: outer.locals, centrals: [...outer.centrals, withOffset(inner.centrals[0]!, 30 + 'a.bin'.length)] });
    },
    why: '"word/document.xml" overlaps the one before it',
  },
  {
    name: 'a local header naming another part than the directory does',
    bytes: () => {
      const parts = split(docx());
      const index = parts.centrals.findIndex((c) => c.includes('word/document.xml'));
      const renamed = Buffer.from(parts.centrals[index]!);
      renamed.write('word/documenx.xml', 46, 'latin1');
      parts.centrals[index] = renamed;
      return join(parts);
    },
    why: 'the local header of "word/documenx.xml" disagrees with the central directory',
  },
  {
    name: 'a local header declaring other sizes than the directory',
    bytes: () => {
      const parts = split(docx());
      const index = parts.centrals.findIndex((c) => c.includes('word/document.xml'));
      const resized = Buffer.from(parts.centrals[index]!);
      resized.writeUInt32LE(resized.readUInt32LE(24) + 1, 24);
      parts.centrals[index] = resized;
      return join(parts);
    },
    why: 'declares other sizes than the central directory',
  },
  {
    name: 'the same part twice (JSZip keeps the last)',
    bytes: () =>
      makeDocx({ paragraphs: ['first'], override: (entries) => [...entries, { name: 'word/document.xml', data: '<w:document/>' }] }),
    why: '"word/document.xml" appears twice',
  },
  {
    name: 'a name JSZip would resolve onto another part',
    bytes: () => makeDocx({ paragraphs: ['x'], override: (entries) => [...entries, { name: 'word/media/../document2.xml', data: '<x/>' }] }),
    why: '"." or ".."',
  },
];

describe('checkDocxArchive refuses a ZIP that two readers could read differently', () => {
  test.each(hostile)('refuses $name', async ({ bytes, why }) => {
    await expectFootnoteError(
      Promise.resolve().then(() => checkDocxArchive(bytes(), DEFAULT_EXTRACT_LIMITS)),
      'extraction_failed',
      'could be read in more than one way',
      why,
    );
  });

  test('refuses such a file from extractText too, with the whole diagnosis', async () => {
    await expectFootnoteError(
      extractText({ bytes: hostile[0]!.bytes(), fileName: 'gap.docx' }),
      'extraction_failed',
      /^footnote refuses this Word document: Its ZIP structure could be read in more than one way: .*save a fresh copy\.$/,
    );
  });

  test('accepts entries followed by data descriptors, as streaming writers make them, and reads them', async () => {
    const streamed = withDataDescriptors(makeDocx({ paragraphs: ['Written by a streaming writer.'] }));
    expect(checkDocxArchive(streamed, DEFAULT_EXTRACT_LIMITS).isWordDocument).toBe(true);
    expect((await extractText({ bytes: streamed, fileName: 'streamed.docx' })).text).toBe('Written by a streaming writer.');
    // The descriptor must still agree with the directory.
    const lying = Buffer.from(streamed);
    const descriptor = lying.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]));
    lying.writeUInt32LE(crc32(deflateRawSync('other')), descriptor + 4);
    await expectFootnoteError(
      Promise.resolve().then(() => checkDocxArchive(lying, DEFAULT_EXTRACT_LIMITS)),
      'extraction_failed',
      'the data descriptor of',
    );
  });

  test('accepts the test documents and a document saved by Word, and reads them', async () => {
    expect(checkDocxArchive(docx(), DEFAULT_EXTRACT_LIMITS).isWordDocument).toBe(true);
    expect(checkDocxArchive(makeDocx({ paragraphs: ['stored'], method: 'store' }), DEFAULT_EXTRACT_LIMITS).isWordDocument).toBe(true);
    expect(checkDocxArchive(WORD_DOCX, DEFAULT_EXTRACT_LIMITS).isWordDocument).toBe(true);
    const extracted = await extractText({ bytes: WORD_DOCX, fileName: 'word.docx' });
    expect(extracted.text).toContain('Walking on imported air');
  });
});
