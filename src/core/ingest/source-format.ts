import { FootnoteError } from '../errors.js';

export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/** What the caller claimed the bytes are, and on what basis (for error messages). */
export type FormatClaim = { format: SourceFormat; basis: string };

const BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  // MDX (Docusaurus, Nextra, Astro docs) is Markdown with JSX: its components read as HTML, and its
  // import/export lines and {/* comments */} are left out (collect-blocks).
  mdx: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

const BY_CONTENT_TYPE: Readonly<Record<string, SourceFormat>> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** The file name extensions footnote reads (lowercase, without the dot): the one list every adapter checks. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** Whether footnote reads a file of this name (by its extension). */
export function isSupportedFileName(fileName: string): boolean {
  const extension = fileExtension(fileName);
  return extension !== undefined && extension in BY_EXTENSION;
}

export const FORMAT_DESCRIPTIONS: Readonly<Record<SourceFormat, string>> = {
  text: 'plain text',
  markdown: 'Markdown',
  html: 'an HTML page',
  pdf: 'a PDF',
  docx: 'a Word document (DOCX)',
};

export const SUPPORTED_FORMATS_TEXT =
  '.txt (plain text), .md and .mdx (Markdown), .html (web page), .pdf (PDF) and .docx (Word)';

/** The extensions people know the formats by, for short lists in replies and option descriptions. */
const COMMON_EXTENSIONS = ['.txt', '.md', '.mdx', '.html', '.pdf', '.docx'];

/** ".txt, .md, .mdx, .html, .pdf and .docx" (or "… or .docx"): one list, so a new format is named everywhere at once. */
export function commonExtensions(conjunction: 'and' | 'or'): string {
  return `${COMMON_EXTENSIONS.slice(0, -1).join(', ')} ${conjunction} ${COMMON_EXTENSIONS[COMMON_EXTENSIONS.length - 1]}`;
}

export function fileExtension(fileName: string | undefined): string | undefined {
  const base = fileName?.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : undefined;
}

/** The MIME type of a Content-Type value, lower-cased and without parameters. */
export function mimeType(contentType: string | undefined): string | undefined {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return essence ? essence : undefined;
}

/**
 * Decides the format from the file name and content type. A specific content type wins over the
 * extension (a server that says text/html for ".../README.md" is serving a web page); a generic one
 * (application/octet-stream, or text/plain for a .md file) defers to the extension.
 */
export function detectFormat(fileName: string | undefined, contentType: string | undefined): FormatClaim {
  const extension = fileExtension(fileName);
  const mime = mimeType(contentType);
  const byExtension = extension === undefined ? undefined : BY_EXTENSION[extension];
  const byMime = mime === undefined ? undefined : BY_CONTENT_TYPE[mime];
  const fromExtension = byExtension && { format: byExtension, basis: `its ".${extension}" extension` };
  const fromMime = byMime && { format: byMime, basis: `its content type ${mime}` };

  if (fromMime && fromExtension && fromMime.format === 'text' && fromExtension.format === 'markdown') {
    return fromExtension;
  }
  const claim = fromMime ?? fromExtension;
  if (claim) {
    return claim;
  }
  const named = quoteFileName(fileName);
  const what = [extension && `.${extension}`, mime].filter(Boolean).join(', ');
  throw new FootnoteError(
    'unsupported_type',
    `${named}${what ? ` (${what})` : ' (no file extension or content type)'} is not a format footnote can read. ` +
      `Supported formats: ${SUPPORTED_FORMATS_TEXT}.`,
  );
}

/** The file's name for a message: quoted, shortened, or "The file" when there is none. */
export function quoteFileName(fileName: string | undefined): string {
  if (!fileName) return 'The file';
  return `"${fileName.length > 100 ? `${fileName.slice(0, 97)}...` : fileName}"`;
}

export function typeMismatch(fileName: string | undefined, claim: FormatClaim, actual: string): FootnoteError {
  const named = quoteFileName(fileName);
  return new FootnoteError(
    'type_mismatch',
    `${named} claims to be ${FORMAT_DESCRIPTIONS[claim.format]} (by ${claim.basis}), but its contents are ${actual}.`,
  );
}
