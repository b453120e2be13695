import type { TextLayout } from '../documents/document.js';
import { splitPassages, type Passage, type SplitOptions } from './split-passages.js';

/** Cuts a stored document into passages the way its layout says (see TextLayout). */
export function splitDocument(doc: { id: string; text: string; layout?: TextLayout | undefined }, options: SplitOptions = {}): Passage[] {
  return splitPassages(doc.id, doc.text, options);
}
