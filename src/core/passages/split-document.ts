import type { TextLayout } from '../documents/document.js';
import { splitPassages, type Passage, type SplitOptions } from './split-passages.js';

/** Cuts a stored document into passages the way its layout says (see TextLayout). */
export function splitDocument(doc: { id: string; text: string; layout?: TextLayout | undefined }, options: SplitOptions = {}): Passage[] {
  const passages = splitPassages(doc.id, doc.text, options);
  return doc.text.includes('\f') ? withPages(passages, doc.text) : passages;
}

/**
 * Tags passages with the pages they quote: a form feed ends a page (PDF text is stored with one
 * between pages), so line N is on page 1 + the form feeds before it.
 */
function withPages(passages: Passage[], text: string): Passage[] {
  const pageOfLine = [0]; // 1-based lines: pageOfLine[n] is line n's page
  let page = 1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const next = text.indexOf('\n', lineStart);
    const end = next < 0 ? text.length : next;
    pageOfLine.push(page);
    for (let i = text.indexOf('\f', lineStart); i >= 0 && i < end; i = text.indexOf('\f', i + 1)) page++;
    if (next < 0) break;
    lineStart = next + 1;
  }
  return passages.map((p) => ({ ...p, pageStart: pageOfLine[p.lineStart] ?? page, pageEnd: pageOfLine[p.lineEnd] ?? page }));
}
