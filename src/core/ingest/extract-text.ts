import type { TextLayout } from '../documents/document.js';
import { FootnoteError } from '../errors.js';
import { checkDocxArchive } from './check-docx-archive.js';
import { decodeText } from './decode-text.js';
import { describeBytes, describeSignature } from './describe-bytes.js';
import type { ReadJob } from './extract-job.js';
import { resolveExtractLimits, type ExtractLimits } from './extract-limits.js';
import { formatBytes } from './format-bytes.js';
import { looksLikeHtml } from './looks-like-html.js';
import { readMarkdown } from '../passages/markdown/read-markdown.js';
import { normalizeText, tidyText } from './normalize-text.js';
import { joinPages, splitPages } from './pdf-pages.js';
import { runExtractWorker } from './run-extract-worker.js';
import { detectFormat, quoteFileName, typeMismatch, type FormatClaim, type SourceFormat } from './source-format.js';
import { hasZipSignature } from './zip-directory.js';

export type { ExtractLimits } from './extract-limits.js';
export { DEFAULT_EXTRACT_LIMITS } from './extract-limits.js';
export type { SourceFormat } from './source-format.js';

export type ExtractInput = { bytes: Uint8Array; fileName?: string; contentType?: string };
/**
 * The text of a document and how to read it (see TextLayout: Markdown files verbatim, HTML and DOCX
 * converted to CommonMark/GFM; plain text and PDFs, whose pages are separated by a form feed on a line
 * of its own, see pdf-pages.ts), its title if it states one, and what else it says about itself
 * (Markdown front matter).
 */
export type ExtractedText = {
  format: SourceFormat;
  layout: TextLayout;
  text: string;
  title?: string;
  meta?: Readonly<Record<string, string>>;
};

/** The PDF header may follow up to 1 KB of junk; Acrobat and pdf.js both accept that. */
const PDF_HEADER_WINDOW = 1024;

/**
 * Turns untrusted bytes (an upload, a fetched page) into text: plain, or Markdown (see TextLayout). The format comes from the
 * content type or extension and is then verified against the bytes; a wrong claim is a
 * type_mismatch. Plain text and Markdown are decoded here; PDF, DOCX and HTML are parsed in a
 * worker thread with memory and time limits (run-extract-worker.ts).
 */
export async function extractText(input: ExtractInput, limits?: Partial<ExtractLimits>): Promise<ExtractedText> {
  const resolved = resolveExtractLimits(limits);
  const { bytes, fileName } = input;
  const claim = detectFormat(fileName, input.contentType);
  if (bytes.length > resolved.maxBytes) {
    throw new FootnoteError(
      'too_large',
      `${quoteFileName(fileName)} is ${formatBytes(bytes.length)}; footnote reads files up to ${formatBytes(resolved.maxBytes)}.`,
    );
  }
  if (bytes.length === 0) {
    throw new FootnoteError('empty_document', `${quoteFileName(fileName)} is empty.`);
  }

  switch (claim.format) {
    case 'text':
      return finish('text', 'plain', normalizeText(decodeClaimedText(input, claim)), undefined, input, resolved);
    case 'markdown': {
      const text = normalizeText(decodeClaimedText(input, claim));
      const { title, metadata } = readMarkdownHead(text, fileName);
      return { ...finish('markdown', 'markdown', text, title, input, resolved), meta: metadata };
    }
    case 'html': {
      const html = decodeClaimedText(input, claim);
      if (!looksLikeHtml(html)) {
        throw typeMismatch(fileName, claim, 'plain text without HTML markup');
      }
      return fromWorker({ kind: 'html', html, limits: resolved }, input, resolved);
    }
    case 'pdf': {
      if (!hasPdfHeader(bytes)) {
        throw typeMismatch(fileName, claim, describeBytes(bytes));
      }
      return fromWorker({ kind: 'pdf', bytes, limits: resolved }, input, resolved);
    }
    case 'docx': {
      if (!hasZipSignature(bytes)) {
        throw typeMismatch(fileName, claim, describeBytes(bytes));
      }
      if (!checkDocxArchive(bytes, resolved).isWordDocument) {
        throw typeMismatch(fileName, claim, describeBytes(bytes));
      }
      return fromWorker({ kind: 'docx', bytes, limits: resolved }, input, resolved);
    }
  }
}

/**
 * A Markdown file's title (front matter, else its first `#` heading) and front matter metadata. A
 * broken front matter refuses the file, naming it: indexing its header as text would be worse.
 */
function readMarkdownHead(text: string, fileName: string | undefined): { title?: string; metadata: Record<string, string> } {
  try {
    const { title, metadata } = readMarkdown(text);
    const stated: Record<string, string> = {};
    for (const [key, value] of Object.entries(metadata)) if (value !== undefined) stated[key] = value;
    return { ...(title !== undefined && { title }), metadata: stated };
  } catch (error) {
    if (error instanceof FootnoteError) throw new FootnoteError(error.code, `${quoteFileName(fileName)}: ${error.message}.`, { cause: error });
    throw error;
  }
}

/**
 * The bytes as text, decoded by the charset they declare (see decodeText), or a type_mismatch naming
 * what they are instead (an image, binary data...), or unsupported_type for a charset no decoder knows.
 */
function decodeClaimedText(input: ExtractInput, claim: FormatClaim): string {
  const { bytes, fileName } = input;
  const signature = describeSignature(bytes);
  if (signature !== undefined) {
    throw typeMismatch(fileName, claim, signature);
  }
  const decoded = decodeText(bytes, { ...(input.contentType !== undefined && { contentType: input.contentType }), html: claim.format === 'html' });
  if (!decoded.ok && decoded.reason === 'unknown_charset') {
    throw new FootnoteError('unsupported_type', `${quoteFileName(fileName)} is ${decoded.problem}; save it as UTF-8 and try again.`);
  }
  if (!decoded.ok) {
    throw typeMismatch(fileName, claim, decoded.problem);
  }
  return decoded.text;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PDF_HEADER_WINDOW));
  return head.includes('%PDF-');
}

async function fromWorker(job: ReadJob, input: ExtractInput, limits: ExtractLimits): Promise<ExtractedText> {
  const { text, title } = await runExtractWorker(job);
  if (job.kind === 'pdf') {
    // Tidied page by page so the form feeds between pages survive (tidyText turns them into "\n").
    return finish(job.kind, 'plain', joinPages(splitPages(text).map(tidyText)), title, input, limits);
  }
  return finish(job.kind, 'markdown', trimBlankLines(normalizeText(text)), title, input, limits);
}

/**
 * Leading and trailing blank lines off. Generated Markdown is not run through tidyText: that would
 * trim trailing spaces and merge blank lines inside fenced code blocks.
 */
function trimBlankLines(text: string): string {
  const lines = text.split('\n');
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start += 1;
  while (end > start && lines[end - 1]!.trim() === '') end -= 1;
  return lines.slice(start, end).join('\n');
}

function finish(
  format: SourceFormat,
  layout: TextLayout,
  text: string,
  title: string | undefined,
  input: ExtractInput,
  limits: ExtractLimits,
): ExtractedText {
  if (text.trim() === '') {
    const hint = format === 'pdf' ? ' It may be a scanned image; footnote cannot read text in images.' : '';
    throw new FootnoteError('empty_document', `${quoteFileName(input.fileName)} contains no text.${hint}`);
  }
  // Only a PDF, DOCX or HTML file can get here: a text file has no more characters than bytes (see ExtractLimits).
  if (text.length > limits.maxBytes) {
    throw new FootnoteError(
      'too_large',
      `${quoteFileName(input.fileName)} has ${text.length.toLocaleString('en-US')} characters of text; footnote reads at most ` +
        `${limits.maxBytes.toLocaleString('en-US')}, as many as the ${formatBytes(limits.maxBytes)} limit on a file's bytes.`,
    );
  }
  const cleanTitle = title ? normalizeText(title).trim() : '';
  return { format, layout, text, ...(cleanTitle ? { title: cleanTitle } : {}) };
}
