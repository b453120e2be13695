import { corpusFileMeta } from '../corpus/exported-meta.js';
import { parseFrontMatter } from '../corpus/parse-front-matter.js';
import type { ExtractedText } from '../ingest/extract-text.js';
import { decodeText } from '../ingest/decode-text.js';
import { fileExtension } from '../ingest/source-format.js';

/** What a file `footnote export` wrote says of the document it holds. */
export type ExportedDocument = { extracted: ExtractedText; id?: string };

/**
 * Recognises a file written by `footnote export` (front matter carrying `source_sha256`) so that
 * adding it back gives the same document: the stored text is the body byte for byte (not normalised
 * again: a PDF's page breaks survive), and the title, id, layout and metadata come from the front
 * matter. Any other file is undefined here and is read as usual.
 */
export function readExportedFile(name: string, bytes: Uint8Array): ExportedDocument | undefined {
  const extension = fileExtension(name);
  if (extension !== 'txt' && extension !== 'md' && extension !== 'markdown') return undefined;
  if (bytes[0] !== 0x2d || bytes[1] !== 0x2d || bytes[2] !== 0x2d) return undefined; // "---"
  const decoded = decodeText(bytes);
  if (!decoded.ok) return undefined;
  let parsed;
  try {
    parsed = parseFrontMatter(decoded.text, name);
  } catch {
    return undefined; // Not our front matter: the file's own reader reports what is wrong with it.
  }
  const meta = corpusFileMeta.safeParse(parsed.data);
  if (!meta.success || meta.data.source_sha256 === undefined || parsed.body.trim() === '') return undefined;
  const { title, id, layout, date, author, publisher } = meta.data;
  const stated = Object.fromEntries(Object.entries({ date, author, publisher }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return {
    extracted: { format: layout === 'markdown' ? 'markdown' : 'text', layout: layout ?? 'plain', text: parsed.body, title, meta: stated },
    ...(id !== undefined && { id }),
  };
}
