import { FootnoteError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { extractText, type ExtractLimits } from '../ingest/extract-text.js';
import type { FetchOptions } from '../ingest/fetch-document.js';
import { slugify } from '../documents/slugify.js';
import { splitPassages, type Passage } from '../passages/split-passages.js';
import type { StoredSource } from '../store/document-store.js';
import type { AddRequest } from './add-input.js';

export type ExtractionSettings = { limits?: Partial<ExtractLimits>; fetch?: Partial<FetchOptions> };

/** A document ready to be written: extracted, titled, hashed, and known to yield passages. */
export type PreparedDocument = {
  source: StoredSource;
  url?: string;
  title: string;
  text: string;
  contentHash: string;
  passages: number;
  firstPassage: string;
  /** The passages the check cut (ids under a placeholder document id): indexing reuses them. */
  split: readonly Passage[];
};

/** Longest title kept; Discord's embed title holds 256 characters and titles head citations. */
const MAX_TITLE_CHARS = 200;

/** Turns what was handed in (file bytes, a URL, pasted text) into a checked, titled document. */
export async function prepareDocument(
  request: AddRequest,
  settings: ExtractionSettings,
  passageMaxChars = 1000,
): Promise<PreparedDocument> {
  const { input } = request;
  let source: StoredSource;
  let url: string | undefined;
  let extracted: { text: string; title?: string };
  switch (input.kind) {
    case 'file':
      source = { kind: 'file', name: input.name };
      extracted = await extractText(
        { bytes: input.bytes, fileName: input.name, ...(input.contentType !== undefined && { contentType: input.contentType }) },
        settings.limits,
      );
      break;
    case 'url': {
      // Loaded on demand: the HTTP client is only needed when someone adds a URL.
      const { fetchDocument } = await import('../ingest/fetch-document.js');
      const fetched = await fetchDocument(input.url, settings.fetch ?? {});
      source = { kind: 'url', url: input.url };
      url = fetched.finalUrl;
      extracted = await extractText(
        {
          bytes: fetched.bytes,
          ...(fetched.fileName !== undefined && { fileName: fetched.fileName }),
          ...(fetched.contentType !== undefined && { contentType: fetched.contentType }),
        },
        settings.limits,
      );
      break;
    }
    case 'text': {
      if (request.title === undefined || request.title.trim() === '') {
        throw new FootnoteError('input_rejected', 'Pasted text needs a title.');
      }
      source = { kind: 'file', name: `pasted:${slugify(request.title)}` };
      extracted = await extractText({ bytes: new TextEncoder().encode(input.text), fileName: 'pasted.txt' }, settings.limits);
      break;
    }
    default: {
      const unreachable: never = input;
      throw new Error(`unknown input ${String(unreachable)}`);
    }
  }

  const title = cleanTitle(request.title) ?? cleanTitle(extracted.title) ?? fallbackTitle(source, extracted.text);
  const passages = splitPassages('check', extracted.text, { maxChars: passageMaxChars });
  const first = passages[0];
  if (!first) {
    throw new FootnoteError('empty_document', `"${title}" has no readable text once page chrome is removed; nothing was added.`);
  }
  return {
    source,
    ...(url !== undefined && { url }),
    title,
    text: extracted.text,
    contentHash: sha256Hex(extracted.text),
    passages: passages.length,
    firstPassage: first.text,
    split: passages,
  };
}

function cleanTitle(title: string | undefined): string | undefined {
  const cleaned = title
    ?.normalize('NFC')
    .replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned) return undefined;
  return cleaned.length > MAX_TITLE_CHARS ? `${cleaned.slice(0, MAX_TITLE_CHARS - 1)}…` : cleaned;
}

/** The first line of text, else the file name or URL. */
function fallbackTitle(source: StoredSource, text: string): string {
  const firstLine = text.split('\n').find((line) => line.trim().length > 0);
  const fromText = cleanTitle(firstLine && firstLine.length <= 120 ? firstLine : undefined);
  if (fromText) return fromText;
  return cleanTitle(source.kind === 'url' ? source.url : source.name.replace(/^pasted:/, '')) ?? 'Untitled';
}
