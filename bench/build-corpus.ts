import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, type Random } from './prng.js';
import type { SourceCollection } from './read-ir-collections.js';

/** One generated passage, as every engine indexes it (footnote through a corpus file, the peers directly). */
export type BenchPassage = { id: number; title: string; text: string };

/**
 * Passage length bounds in characters. footnote's passage bound is 1,000 (src/core/passages), so a
 * generated passage written as one paragraph stays exactly one footnote passage; ~0.9 KB on average.
 */
export const MIN_PASSAGE_CHARS = 850;
export const MAX_PASSAGE_CHARS = 1000;
/** Passages per generated document: footnote indexes documents (files) of this many paragraphs. */
export const PASSAGES_PER_DOCUMENT = 10;

export const CORPUS_METHOD =
  'Real English from the abstracts of the four IR test collections (CACM, CISI, MED, NPL; ../shared/eval/ir), cut into ' +
  'sentences. Each passage picks a collection (each with probability 1/4) and a target length uniform in ' +
  `[${MIN_PASSAGE_CHARS}, ${MAX_PASSAGE_CHARS}] characters, then appends runs of 1-3 consecutive sentences from randomly chosen ` +
  'abstracts of that collection until the next run no longer fits. A passage seen before (sha1 of its text) is drawn again, so ' +
  `every passage is distinct. Passages are grouped ${PASSAGES_PER_DOCUMENT} to a document, titled with a random CACM/CISI paper title. ` +
  'PRNG: mulberry32 seeded from --seed; the passages of a smaller size are the first passages of every larger one.';

/** Endless stream of distinct passages derived from `collections` with a fixed seed. */
export class PassageSource {
  private readonly random: Random;
  private readonly titleRandom: Random;
  private readonly usable: SourceCollection[];
  private readonly titles: string[];
  private readonly seen = new Set<string>();
  private nextId = 1;
  /** Draws rejected because the passage already existed (reported, should stay ~0). */
  duplicatesRejected = 0;

  constructor(collections: readonly SourceCollection[], seed: string | number) {
    this.random = createRandom(seed).fork('passages');
    this.titleRandom = createRandom(seed).fork('titles');
    this.usable = collections.filter((c) => c.documents.length > 0);
    this.titles = collections.flatMap((c) => c.titles);
    if (this.usable.length === 0 || this.titles.length === 0) throw new Error('The IR collections have no usable text or titles.');
  }

  /** The next `count` passages, grouped into documents of PASSAGES_PER_DOCUMENT. */
  take(count: number): BenchPassage[] {
    const passages: BenchPassage[] = [];
    let title = '';
    for (let i = 0; i < count; i++) {
      if ((this.nextId - 1) % PASSAGES_PER_DOCUMENT === 0) title = this.titleRandom.pick(this.titles);
      passages.push({ id: this.nextId++, title, text: this.nextText() });
    }
    return passages;
  }

  private nextText(): string {
    for (;;) {
      const text = this.compose();
      const key = createHash('sha1').update(text).digest('base64');
      if (text.length >= MIN_PASSAGE_CHARS - 250 && !this.seen.has(key)) {
        this.seen.add(key);
        return text;
      }
      this.duplicatesRejected++;
    }
  }

  /** Runs of 1-3 consecutive sentences from random abstracts of one collection, up to a random target length. */
  private compose(): string {
    const r = this.random;
    const collection = r.pick(this.usable);
    const target = r.int(MIN_PASSAGE_CHARS, MAX_PASSAGE_CHARS);
    const parts: string[] = [];
    let length = 0;
    let misses = 0;
    while (misses < 12 && length < target - 40) {
      const { sentences } = r.pick(collection.documents);
      const start = r.int(0, sentences.length - 1);
      for (const sentence of sentences.slice(start, start + r.int(1, 3))) {
        const added = (length === 0 ? 0 : 1) + sentence.length;
        if (length + added > target) {
          misses++;
          break;
        }
        parts.push(sentence);
        length += added;
      }
    }
    return parts.join(' ');
  }
}

/** Bytes of UTF-8 text the passages hold (title once per document plus every passage's text). */
export function textBytes(passages: readonly BenchPassage[]): number {
  let bytes = 0;
  for (const p of passages) bytes += Buffer.byteLength(p.text);
  return bytes;
}

/**
 * Writes the passages twice: as a footnote corpus folder (one Markdown file per document, YAML front
 * matter with the title, one paragraph per passage) and as `passages.jsonl` for the peer engines.
 */
export function writeCorpus(dir: string, passages: readonly BenchPassage[]): { corpusDir: string; passagesFile: string; documents: number } {
  const corpusDir = join(dir, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  let documents = 0;
  for (let i = 0; i < passages.length; i += PASSAGES_PER_DOCUMENT) {
    const group = passages.slice(i, i + PASSAGES_PER_DOCUMENT);
    const name = `doc-${String(++documents).padStart(6, '0')}.md`;
    const body = group.map((p) => p.text).join('\n\n');
    writeFileSync(join(corpusDir, name), `---\ntitle: ${JSON.stringify(group[0]?.title ?? '')}\n---\n${body}\n`);
  }
  const passagesFile = join(dir, 'passages.jsonl');
  writeFileSync(passagesFile, '');
  for (let i = 0; i < passages.length; i += 10_000) {
    // In chunks: one string of 200k passages would come close to V8's maximum string length.
    appendFileSync(passagesFile, passages.slice(i, i + 10_000).map((p) => `${JSON.stringify(p)}\n`).join(''));
  }
  return { corpusDir, passagesFile, documents };
}
