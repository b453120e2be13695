import { FootnoteError } from '../errors.js';

/**
 * The limits that keep extraction of an untrusted file bounded in size, time and memory. Every limit
 * is a guard against a hostile or broken file, set well above what an honest document needs.
 */
export type ExtractLimits = {
  /**
   * Largest input accepted, in bytes, and the most characters of text taken from it. One number bounds
   * both: a text file never has more characters than bytes (UTF-8, UTF-16 and the legacy charsets all
   * spend at least one byte a character), so any text file within the limit is read whole, while the
   * text of a PDF, DOCX or HTML file, which can be larger than the file (deflated XML, compressed
   * streams), is refused past the same number of characters.
   */
  maxBytes: number;
  /** Wall-clock budget of one PDF/DOCX/HTML extraction; the worker is terminated when it runs out. */
  timeoutMs: number;
  /**
   * V8 old-generation heap of the extraction worker, in MB (Worker `resourceLimits.maxOldGenerationSizeMb`).
   * Memory outside the heap (ArrayBuffers) is watched instead: the worker is stopped once the process
   * has grown by more than twice this since the worker started.
   */
  workerMemoryMb: number;
  /** Most pages read from a PDF; more is refused rather than silently truncated. */
  maxPdfPages: number;
  /** Most entries in a DOCX zip. */
  maxZipEntries: number;
  /** Most bytes a DOCX zip may unpack to, all entries together. */
  maxUnzippedBytes: number;
  /** Highest unpacked/packed ratio allowed for a DOCX entry larger than 1 MB. */
  maxCompressionRatio: number;
};

const MB = 1024 * 1024;

export const DEFAULT_EXTRACT_LIMITS: Readonly<ExtractLimits> = Object.freeze({
  // 10 MB: the project's upload cap; Discord's own free upload limit is of the same order.
  maxBytes: 10 * MB,
  // 20 s: pdf.js reads a few hundred ordinary pages per second; anything slower is pathological.
  timeoutMs: 20_000,
  // 256 MB: several times what pdf.js/mammoth need for a 10 MB file, small enough to run two at once.
  workerMemoryMb: 256,
  // 2,000 pages: beyond any book-length document people ask questions about.
  maxPdfPages: 2_000,
  // A Word document has a few dozen parts (more with many images); 1,000 is far beyond that.
  maxZipEntries: 1_000,
  // 100 MB unpacked: XML compresses ~5-20x, so a 10 MB DOCX honestly unpacks to well under this.
  maxUnzippedBytes: 100 * MB,
  // Deflate tops out near 1032:1; ordinary XML is 5-30:1, so 200:1 on a large entry means a bomb.
  maxCompressionRatio: 200,
});

export function resolveExtractLimits(limits: Partial<ExtractLimits> | undefined): ExtractLimits {
  const merged = { ...DEFAULT_EXTRACT_LIMITS };
  for (const [key, value] of Object.entries(limits ?? {}) as Array<[keyof ExtractLimits, number | undefined]>) {
    if (value !== undefined) {
      if (!Number.isFinite(value) || value <= 0) {
        throw new FootnoteError('config_invalid', `Extract limit ${key} must be a positive number, got ${String(value)}.`);
      }
      merged[key] = value;
    }
  }
  return merged;
}
