import type { TextLayout } from '../documents/document.js';
import { pageAtLine, pageStartLines } from '../ingest/pdf-pages.js';
import { splitMarkdownPassages } from './markdown/split-markdown-passages.js';
import { splitPassages, type Passage, type SplitOptions } from './split-passages.js';

/** Cuts a stored document into passages the way its layout says (see TextLayout). */
export function splitDocument(doc: { id: string; text: string; layout?: TextLayout | undefined }, options: SplitOptions = {}): Passage[] {
  if (doc.layout === 'markdown') return splitMarkdownPassages(doc.id, doc.text, options);
  return withPages(splitPassages(doc.id, doc.text, options), doc.text);
}

/** Tags passages with the pages they quote, for text that marks its pages (a PDF's: see pdf-pages). */
function withPages(passages: Passage[], text: string): Passage[] {
  const starts = pageStartLines(text);
  if (starts.length === 0) return passages;
  return passages.map((p) => ({ ...p, pageStart: pageAtLine(starts, p.lineStart)!, pageEnd: pageAtLine(starts, p.lineEnd)! }));
}
