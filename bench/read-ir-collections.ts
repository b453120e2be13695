import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The four classic IR test collections under `../shared/eval/ir` (abstracts of papers, 1960s–80s). */
export const IR_COLLECTIONS = ['cacm', 'cisi', 'med', 'npl'] as const;

/** One source abstract, cut into sentence-sized units. */
export type SourceDocument = { sentences: string[] };

export type SourceCollection = {
  name: string;
  documents: SourceDocument[];
  /** Paper titles (CACM and CISI have them; MED and NPL do not). */
  titles: string[];
  /** The collection's real information needs, as their authors typed them. */
  queries: string[];
};

const docLine = z.object({ id: z.string(), title: z.string().optional(), text: z.string() });
const queryLine = z.object({ id: z.string(), text: z.string() });

/** Sentence units shorter than this are fragments ("Cf.", "Ed."), not sentences. */
const MIN_SENTENCE_CHARS = 40;
/** Run-on text (NPL has no punctuation) is cut at word boundaries into units of at most this length. */
const MAX_SENTENCE_CHARS = 320;

/** Reads every collection found in `irDir`; documents without text contribute their title only to the titles. */
export function readIrCollections(irDir: string): SourceCollection[] {
  return IR_COLLECTIONS.map((name) => {
    const documents: SourceDocument[] = [];
    const titles: string[] = [];
    for (const raw of readJsonl(join(irDir, name, 'docs.jsonl'))) {
      const doc = docLine.parse(raw);
      const title = cleanText(doc.title ?? '');
      if (title.length >= 8) titles.push(title);
      const sentences = splitIntoSentences(doc.text);
      if (sentences.length > 0) documents.push({ sentences });
    }
    const queries = readJsonl(join(irDir, name, 'queries.jsonl')).map((raw) => cleanText(queryLine.parse(raw).text));
    return { name, documents, titles, queries };
  });
}

/** Whitespace collapsed, and MED's detached punctuation ("delivery .") reattached. */
export function cleanText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:?!)])/g, '$1')
    .trim();
}

/** Sentences (split after . ! ? before the next word), long run-ons cut between words, fragments dropped. */
export function splitIntoSentences(text: string): string[] {
  const out: string[] = [];
  for (const sentence of cleanText(text).split(/(?<=[.!?])\s+(?=["'(]?[A-Za-z0-9])/)) {
    for (const unit of cutRunOn(sentence)) if (unit.length >= MIN_SENTENCE_CHARS) out.push(unit);
  }
  return out;
}

function cutRunOn(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE_CHARS) return [sentence];
  const units: string[] = [];
  let current = '';
  for (const word of sentence.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > MAX_SENTENCE_CHARS * 0.75) {
      units.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') units.push(current);
  return units;
}

function readJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}
