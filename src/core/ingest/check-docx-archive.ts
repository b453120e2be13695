import { FootnoteError } from '../errors.js';
import type { ExtractLimits } from './extract-limits.js';
import { formatBytes } from './format-bytes.js';
import { checkZipLayout } from './check-zip-layout.js';
import { readZipArchive, ZipFormatError, type ZipEntry } from './zip-directory.js';

/** Entries smaller than this are not ratio-checked: tiny XML parts legitimately compress very well. */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

export type DocxArchive = { entries: ZipEntry[]; isWordDocument: boolean };

/**
 * Reads a DOCX's ZIP directory and refuses it before anything is decompressed when it declares too
 * many entries, too many unpacked bytes, an implausible compression ratio (a zip bomb), encryption,
 * or a compression method mammoth cannot read, and refuses an archive whose structure two ZIP readers
 * could read differently (check-zip-layout.ts), so that these entries are the ones mammoth reads. The
 * declared sizes can lie; the worker re-checks the real sizes while inflating (see docx-to-markdown.ts).
 */
export function checkDocxArchive(bytes: Uint8Array, limits: ExtractLimits): DocxArchive {
  const entries = readDocxDirectory(bytes, limits);
  const isWordDocument = entries.some((entry) => entry.name === 'word/document.xml');
  if (!isWordDocument) {
    return { entries, isWordDocument };
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) {
      throw new FootnoteError('extraction_failed', 'The Word document is encrypted; save an unprotected copy and try again.');
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new FootnoteError(
        'extraction_failed',
        `The Word document uses ZIP compression method ${entry.method}, which footnote cannot read; re-save it from Word.`,
      );
    }
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > limits.maxCompressionRatio) {
      throw new FootnoteError(
        'too_large',
        `The Word document looks like a zip bomb: "${entry.name}" claims to unpack ${Math.round(ratio)} times larger ` +
          `than it is stored (the limit is ${limits.maxCompressionRatio}:1).`,
      );
    }
  }
  if (total > limits.maxUnzippedBytes) {
    throw new FootnoteError(
      'too_large',
      `The Word document would unpack to ${formatBytes(total)}, more than the ${formatBytes(limits.maxUnzippedBytes)} limit.`,
    );
  }
  return { entries, isWordDocument };
}

/** The entries of a DOCX's ZIP directory, once its layout is known to read the same in JSZip. */
export function readDocxDirectory(bytes: Uint8Array, limits: ExtractLimits): ZipEntry[] {
  try {
    const archive = readZipArchive(bytes, { maxEntries: limits.maxZipEntries });
    checkZipLayout(bytes, archive);
    return archive.entries;
  } catch (error) {
    if (error instanceof ZipFormatError && error.reason === 'too_many_entries') {
      throw new FootnoteError(
        'too_large',
        `The Word document contains more than ${limits.maxZipEntries} parts; a real one has a few dozen.`,
        { cause: error },
      );
    }
    if (error instanceof ZipFormatError && error.reason === 'ambiguous') {
      throw new FootnoteError(
        'extraction_failed',
        `footnote refuses this Word document: ${error.message} Open it in Word and save a fresh copy.`,
        { cause: error },
      );
    }
    throw new FootnoteError('extraction_failed', `The Word document is damaged: ${(error as Error).message}`, { cause: error });
  }
}
