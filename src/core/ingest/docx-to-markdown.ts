import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { FootnoteError } from '../errors.js';
import type { ExtractLimits } from './extract-limits.js';
import { readDocxDirectory } from './check-docx-archive.js';
import { entryData, type ZipEntry } from './zip-directory.js';
import { fragmentToMarkdown } from './html-to-markdown.js';

/** docProps/core.xml is a few hundred bytes; this is ample and bounds the title regex. */
const MAX_CORE_PROPERTIES_BYTES = 256 * 1024;

/**
 * A DOCX as Markdown, and its title from docProps/core.xml. mammoth's HTML (its default style map turns
 * Word's "Heading 1".."Heading 6" styles into h1..h6, and keeps tables and lists) goes through the
 * same converter as web pages (fragmentToMarkdown). Runs in the extraction worker, after checkDocxArchive has vetted the
 * declared sizes on the main thread. Declared sizes can lie, so every deflated entry is first
 * inflated here with a hard output cap equal to its declared size: a bomb stops at that cap instead
 * of inside mammoth's JSZip, which trusts the directory and only compares sizes after inflating.
 */
export async function docxToMarkdown(bytes: Uint8Array, limits: ExtractLimits): Promise<{ text: string; title?: string }> {
  const entries = readDocxDirectory(bytes, limits);
  let coreProperties: Buffer | undefined;
  for (const entry of entries) {
    const inflated = inflateEntry(bytes, entry);
    if (entry.name === 'docProps/core.xml' && inflated.length <= MAX_CORE_PROPERTIES_BYTES) {
      coreProperties = inflated;
    }
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, {
      // Images are dropped from the text anyway; this keeps mammoth from base64-encoding each one.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
    html = result.value;
  } catch (error) {
    throw new FootnoteError('extraction_failed', `The Word document could not be read: ${(error as Error).message}`, { cause: error });
  }
  // mammoth ends each footnote with a "↑" link back to its reference: not prose.
  const text = fragmentToMarkdown(html.replaceAll(/<a href="#[^"<>]*">↑<\/a>/g, ''));
  const title = coreProperties && coreTitle(coreProperties.toString('utf8'));
  return { text, ...(title ? { title } : {}) };
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  let data: Uint8Array;
  try {
    data = entryData(bytes, entry);
  } catch (error) {
    throw new FootnoteError('extraction_failed', `The Word document is damaged: ${(error as Error).message}`, { cause: error });
  }
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      throw new FootnoteError('extraction_failed', `The Word document is damaged: "${entry.name}" has the wrong size.`);
    }
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new FootnoteError(
        'too_large',
        `The Word document looks like a zip bomb: "${entry.name}" unpacks to more than the size it declares.`,
        { cause: error },
      );
    }
    throw new FootnoteError('extraction_failed', `The Word document is damaged: "${entry.name}" cannot be unpacked.`, { cause: error });
  }
  if (inflated.length !== entry.uncompressedSize) {
    throw new FootnoteError('extraction_failed', `The Word document is damaged: "${entry.name}" has the wrong size.`);
  }
  return inflated;
}

/** dc:title from docProps/core.xml, with the five XML entities and numeric references decoded. */
function coreTitle(xml: string): string | undefined {
  const match = /<dc:title(?:\s[^>]*)?>([^<]*)<\/dc:title>/.exec(xml);
  const raw = match?.[1];
  if (raw === undefined) return undefined;
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const title = raw
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex?: string, dec?: string, name?: string) => {
      const code = hex ? parseInt(hex, 16) : dec ? parseInt(dec, 10) : undefined;
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      return named[name?.toLowerCase() ?? ''] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
  return title === '' ? undefined : title;
}
