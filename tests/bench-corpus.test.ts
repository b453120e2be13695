// The benchmark's corpus builder and query generator (bench/), run small: a fixed seed must give the same
// passages and queries on every run, and every passage must be distinct, ~1 KB, and exactly one footnote
// passage once written as a corpus folder. The benchmark itself never runs as a test.
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS, PassageSource, writeCorpus, type BenchPassage } from '../bench/build-corpus.js';
import { generateQueries, wordCount } from '../bench/generate-queries.js';
import { splitIntoSentences, type SourceCollection } from '../bench/read-ir-collections.js';
import { readCorpusDir } from '../src/core/corpus/read-corpus-dir.js';
import { splitPassages } from '../src/core/passages/split-passages.js';
import { CORPUS_DIR, tempDir } from './helpers.js';

/**
 * The shipped corpus stands in for the IR collections (tests read nothing outside the repository). Its
 * scraped image captions ("… site |") are left out: footnote rightly drops a paragraph glued to a pipe.
 */
async function sourceCollections(): Promise<SourceCollection[]> {
  const docs = await readCorpusDir(CORPUS_DIR);
  const queries = [
    'What did the Moscow court decide about the head of the music download site and why?',
    'Which intellectual property problems did the review find in Russia during the year?',
  ];
  return docs.map((doc) => ({
    name: doc.id,
    documents: doc.text
      .split(/\n\s*\n|\n/)
      .filter((line) => !line.includes('|'))
      .map((paragraph) => ({ sentences: splitIntoSentences(paragraph) }))
      .filter((d) => d.sentences.length > 0),
    titles: [doc.title],
    queries,
  }));
}

const collections = await sourceCollections();
const take = (seed: string, count: number): BenchPassage[] => new PassageSource(collections, seed).take(count);
const scratch = tempDir('footnote-bench-corpus-');
afterAll(() => scratch.remove());

describe('the benchmark corpus builder', () => {
  it('derives the same passages from the same seed, and other passages from another seed', () => {
    expect(take('7', 40)).toEqual(take('7', 40));
    expect(take('8', 40).map((p) => p.text)).not.toEqual(take('7', 40).map((p) => p.text));
  });

  it('gives a smaller size the first passages of a larger one', () => {
    expect(take('7', 40).slice(0, 15)).toEqual(take('7', 15));
  });

  it('derives distinct passages of about a kilobyte', () => {
    const passages = take('7', 60);
    expect(new Set(passages.map((p) => p.text)).size).toBe(passages.length);
    for (const p of passages) {
      expect(p.text.length).toBeGreaterThanOrEqual(600);
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    }
    const mean = passages.reduce((sum, p) => sum + p.text.length, 0) / passages.length;
    expect(mean).toBeGreaterThan(800);
  });

  it('writes a corpus folder in which each generated passage is exactly one footnote passage', async () => {
    const passages = take('7', 25);
    const { corpusDir, documents } = writeCorpus(scratch.path, passages);
    const docs = await readCorpusDir(corpusDir);
    expect(docs).toHaveLength(documents);
    const split = docs.flatMap((doc) => splitPassages(doc.id, doc.text, { maxChars: 1000 }).map((p) => ({ title: doc.title, text: p.text })));
    expect(split).toEqual(passages.map(({ title, text }) => ({ title, text })));
  });
});

describe('the benchmark query generator', () => {
  it('generates the same queries from the same seed', () => {
    expect(generateQueries(collections, 12, '7')).toEqual(generateQueries(collections, 12, '7'));
    expect(generateQueries(collections, 12, '8')).not.toEqual(generateQueries(collections, 12, '7'));
  });

  it('asks natural questions of 10 to 20 words, keyword queries of 2 to 4 words, and single terms', () => {
    const queries = generateQueries(collections, 30, '7');
    for (const kind of ['natural', 'keyword', 'single'] as const) expect(queries[kind]).toHaveLength(30);
    for (const q of queries.natural) expect(wordCount(q)).toBeGreaterThanOrEqual(10);
    for (const q of queries.natural) expect(wordCount(q)).toBeLessThanOrEqual(20);
    for (const q of queries.keyword) expect([2, 3, 4]).toContain(wordCount(q));
    for (const q of queries.single) expect(q).toMatch(/^[a-z]{4,}$/);
  });
});
