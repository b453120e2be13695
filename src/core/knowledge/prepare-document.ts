import { basename, dirname } from 'node:path';
import { FootnoteError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import type { DocumentMeta, TextLayout } from '../documents/document.js';
import { extractText, type ExtractedText, type ExtractLimits } from '../ingest/extract-text.js';
import { resolveExtractLimits } from '../ingest/extract-limits.js';
import { splitInWorker } from '../ingest/run-extract-worker.js';
import { splitDocument } from '../passages/split-document.js';
import type { FetchOptions } from '../ingest/fetch-document.js';
import { isFolderPage } from '../documents/folder-page.js';
import { slugify } from '../documents/slugify.js';
import type { Passage } from '../passages/split-passages.js';
import type { StoredSource } from '../store/document-store.js';
import type { AddRequest } from './add-input.js';
import { readExportedFile } from './read-exported-file.js';

export type ExtractionSettings = { limits?: Partial<ExtractLimits>; fetch?: Partial<FetchOptions> };

/** Metadata a document states about itself (Markdown front matter). */
export type StatedMeta = Partial<Pick<DocumentMeta, 'date' | 'author' | 'publisher'>>;

/** A document ready to be written: extracted, titled, hashed, and cut into passages. */
export type PreparedDocument = {
  source: StoredSource;
  url?: string;
  title: string;
  meta: StatedMeta;
  /** The id the document states for itself (a file `footnote export` wrote): it names the document to write. */
  statedId?: string;
  layout: TextLayout;
  text: string;
  contentHash: string;
  passages: number;
  firstPassage: string;
  /** The passages the extraction worker cut (ids under a placeholder document id): indexing reuses them. */
  split: readonly Passage[];
};

/** Texts up to this many characters are cut into passages on the calling thread (see prepareDocument). */
const IN_PLACE_SPLIT_CHARS = 200_000;

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
  let extracted: ExtractedText;
  let statedId: string | undefined;
  switch (input.kind) {
    case 'file': {
      source = { kind: 'file', name: input.name, ...(input.path !== undefined && { path: input.path }) };
      const exported = readExportedFile(input.name, input.bytes);
      if (exported) {
        extracted = exported.extracted;
        statedId = exported.id;
        break;
      }
      extracted = await extractText(
        { bytes: input.bytes, fileName: input.name, ...(input.contentType !== undefined && { contentType: input.contentType }) },
        settings.limits,
      );
      break;
    }
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

  const { layout } = extracted;
  const title =
    cleanTitle(request.title) ?? cleanTitle(extracted.title) ?? (layout === 'markdown' ? undefined : firstLineTitle(extracted.text)) ?? sourceTitle(source);
  // A large text is cut in the extraction worker, under its time and memory limits: it is still untrusted
  // here. A small one is cut in place: every step of the cut is linear, so 200,000 characters take tens of
  // milliseconds at worst, less than starting a worker (a folder of 57 pages would pay that 57 times).
  const doc = { id: 'check', text: extracted.text, layout };
  const passages =
    extracted.text.length <= IN_PLACE_SPLIT_CHARS
      ? splitDocument(doc, { maxChars: passageMaxChars })
      : await splitInWorker({ doc, options: { maxChars: passageMaxChars }, limits: resolveExtractLimits(settings.limits) });
  // A Markdown page with nothing to quote (a landing page made of front matter and components) is still
  // a page of the team's folder: it is kept, findable by its title, with no passages. Plain text that
  // is all page chrome is not worth keeping.
  if (passages.length === 0 && layout !== 'markdown') {
    throw new FootnoteError('empty_document', `"${title}" has no readable text once page chrome is removed; nothing was added.`);
  }
  return {
    source,
    ...(url !== undefined && { url }),
    title,
    meta: statedMeta(extracted.meta),
    ...(statedId !== undefined && { statedId }),
    layout,
    text: extracted.text,
    contentHash: sha256Hex(extracted.text),
    passages: passages.length,
    firstPassage: passages[0]?.text ?? '',
    split: passages,
  };
}

function statedMeta(meta: ExtractedText['meta']): StatedMeta {
  const stated: StatedMeta = {};
  for (const key of ['date', 'author', 'publisher'] as const) {
    const value = cleanTitle(meta?.[key]);
    if (value !== undefined) stated[key] = value;
  }
  return stated;
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

/** A plain text's first line, when it is short enough to be a title. */
function firstLineTitle(text: string): string | undefined {
  const firstLine = text.slice(0, 4096).split('\n').find((line) => line.trim().length > 0);
  return cleanTitle(firstLine && firstLine.length <= 120 ? firstLine : undefined);
}

/**
 * The file name or URL. A file a folder names its own page by (README.md, index.md) says which folder
 * too: a team's folders hold many, and "README.md" as a citation's title tells a reader nothing.
 */
function sourceTitle(source: StoredSource): string {
  if (source.kind === 'url') return cleanTitle(source.url) ?? 'Untitled';
  const name = source.name.replace(/^pasted:/, '');
  const folder = source.path !== undefined && isFolderPage(name) ? basename(dirname(source.path)) : '';
  return cleanTitle(folder === '' ? name : `${folder}/${name}`) ?? 'Untitled';
}
