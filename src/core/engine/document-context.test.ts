import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Scope } from '../documents/document.js';
import { seededRandom } from '../../../tests/helpers.js';
import { analyze, tokenize } from './analysis/analyze.js';
import { PassageEngine } from './passage-engine.js';
import { CONTEXT_WEIGHT, inDocumentContext } from './rank/in-document-context.js';
import { rankDocuments } from './rank/rank-documents.js';
import type { Hit, IndexedPassage } from './types.js';
import { idf, lengthNormalizer, saturation } from './scoring.js';

type Doc = { scope: Scope; id: string; title: string; texts: string[] };

const WORDS = ['tariff', 'quota', 'accession', 'piracy', 'licence', 'royalty', 'cable', 'embassy', 'download', 'court', 'music', 'label', 'treaty'];

function meta(doc: Doc): DocumentMeta {
  return { scope: doc.scope, id: doc.id, title: doc.title, source: { kind: 'file', name: `${doc.id}.txt` }, addedBy: 'test', addedAt: '', contentHash: '' };
}

function add(index: PassageEngine, doc: Doc): void {
  index.add(
    meta(doc),
    doc.texts.map((text, i) => ({ id: `${doc.id}#p${i + 1}`, docId: doc.id, ordinal: i + 1, text, paragraphStart: i + 1, paragraphEnd: i + 1, lineStart: i + 1, lineEnd: i + 1 })),
  );
}

/** Documents of 1 to 8 passages, of words drawn unevenly, over two scopes. */
function corpus(seed: number): Doc[] {
  const next = seededRandom(seed);
  const word = () => WORDS[Math.floor(WORDS.length * next() ** 2)]!;
  return Array.from({ length: 60 }, (_, d) => ({
    scope: d % 3 === 0 ? 'guild:1' : 'global',
    id: `doc-${d}`,
    title: `${word()} report`,
    texts: Array.from({ length: 1 + Math.floor(next() * 8) }, () => Array.from({ length: 5 + Math.floor(next() * 30) }, word).join(' ') + '.'),
  }));
}

/**
 * BM25 over whole documents (title once, then every passage's text), written out from the analysed
 * text alone: the reference the engine's document scores are held to.
 */
function referenceScores(docs: readonly Doc[], terms: readonly string[]): Map<string, number> {
  const analysed = docs.map((doc) => [analyze(doc.title), ...doc.texts.map((text) => analyze(text))].flat());
  // Lengths as the index measures a field (minisearch's: distinct raw tokens), a passage's body being
  // its text field less its heading.
  const distinct = (text: string) => new Set(tokenize(text)).size;
  const lengths = docs.map((doc) => distinct(doc.title) + doc.texts.reduce((sum, text) => sum + distinct(`${doc.title}\n${text}`) - distinct(doc.title), 0));
  const average = lengths.reduce((sum, length) => sum + length, 0) / docs.length;
  const scores = new Map<string, number>();
  for (const term of terms) {
    const df = analysed.filter((tokens) => tokens.includes(term)).length;
    analysed.forEach((tokens, i) => {
      const tf = tokens.filter((token) => token === term).length;
      if (tf === 0) return;
      const value = idf(docs.length, df) * saturation(tf, lengthNormalizer(lengths[i]!, average));
      scores.set(docs[i]!.id, (scores.get(docs[i]!.id) ?? 0) + value);
    });
  }
  return scores;
}

/** The engine's document context, per document id (each document's first passage asks for it). */
function contextOf(index: PassageEngine, docs: readonly Doc[], terms: readonly string[], scopes: readonly Scope[]): Map<string, number> {
  const context = index.documentContext(terms, scopes);
  return new Map(docs.map((doc) => [doc.id, context(index.documentPassages(doc.scope, doc.id)[0]!)]));
}

function relative(scores: Map<string, number>, ids: readonly string[]): Map<string, number> {
  const best = Math.max(0, ...ids.map((id) => scores.get(id) ?? 0));
  return new Map(ids.map((id) => [id, (scores.get(id) ?? 0) / best]));
}

describe('document context: BM25 over whole documents', () => {
  it('scores each document as textbook BM25 over its title and all its passages, relative to the best', () => {
    for (const seed of [1, 2, 3]) {
      const docs = corpus(seed).map((doc) => ({ ...doc, scope: 'global' as Scope }));
      const index = new PassageEngine();
      for (const doc of docs) add(index, doc);
      for (const question of ['tariff quota', 'royalty licence court', 'treaty embassy cable treaty']) {
        const terms = analyze(question);
        const expected = relative(referenceScores(docs, terms), docs.map((doc) => doc.id));
        const actual = contextOf(index, docs, terms, ['global']);
        for (const doc of docs) expect(actual.get(doc.id)).toBeCloseTo(expected.get(doc.id)!, 9);
      }
    }
  });

  it('counts only the searched scopes’ documents, and forgets removed ones', () => {
    const docs = corpus(4);
    const index = new PassageEngine();
    for (const doc of docs) add(index, doc);
    const kept = docs.filter((doc) => doc.scope === 'global' && doc.id !== 'doc-1');
    index.remove('global', 'doc-1');
    const terms = analyze('accession piracy download');
    const expected = relative(referenceScores(kept, terms), kept.map((doc) => doc.id));
    const actual = contextOf(index, kept, terms, ['global']);
    for (const doc of kept) expect(actual.get(doc.id)).toBeCloseTo(expected.get(doc.id)!, 9);
  });

  it('ranks a long document that is about the question above one with a single passing match', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `The committee met on day ${i} and heard witnesses about harbour dredging.`).join(' ');
    const docs: Doc[] = [
      // One short passage naming both words, in a document about something else.
      { scope: 'global', id: 'passing', title: 'Harbour minutes', texts: ['Quota and tariff.', filler(6), filler(6)] },
      // Every passage of this one is about tariff quotas, each at some length.
      ...[0, 1].map((n) => ({ scope: 'global' as Scope, id: `about-${n}`, title: 'Trade schedule', texts: [1, 2, 3, 4, 5, 6].map((p) => `${filler(3)} The tariff quota for item ${p} rises; the quota and the tariff are shared.`) })),
      ...Array.from({ length: 20 }, (_, i) => ({ scope: 'global' as Scope, id: `other-${i}`, title: 'Harbour minutes', texts: [filler(3)] })),
    ];
    const index = new PassageEngine();
    for (const doc of docs) add(index, doc);
    const terms = analyze('tariff quota');
    const { ranked } = index.rank(terms, ['global']);
    expect(rankDocuments(ranked.hits, 3).map((doc) => doc.docId)).toEqual(['about-0', 'about-1', 'passing']);
    // By its best passage alone, the passing mention leads.
    expect(rankDocuments(index.pass(terms, { scopes: ['global'] }).hits, 1).map((doc) => doc.docId)).toEqual(['passing']);
  });

  it('keeps the passages of one document in the order of their own scores, and lifts each document by its context', () => {
    const hit = (docId: string, key: number, score: number): Hit => ({ passage: { key, docId, scope: 'global' } as IndexedPassage, score, matchedTerms: [] });
    const ranking = { hits: [hit('a', 1, 10), hit('b', 2, 9), hit('b', 3, 8), hit('a', 4, 7), hit('b', 5, 2)], leadingDocuments: [hit('a', 1, 10), hit('b', 2, 9), hit('c', 6, 1)] };
    const context = (passage: IndexedPassage) => ({ a: 0.1, b: 1, c: 0.5 })[passage.docId]!;
    const ranked = inDocumentContext(ranking, context, { limit: 4, documents: 2 });
    expect(ranked.hits.map((h) => h.passage.key)).toEqual([2, 3, 1, 4]);
    expect(ranked.leadingDocuments.map((h) => h.passage.docId)).toEqual(['b', 'a']);
    // b's best: 9/10 + w·1; b's second: 8/10 + w·(8/9)·1.
    expect(ranked.hits[0]!.score).toBeCloseTo(0.9 + CONTEXT_WEIGHT, 12);
    expect(ranked.hits[1]!.score).toBeCloseTo(0.8 + (CONTEXT_WEIGHT * 8) / 9, 12);
  });

  it('gives the same top results pruned (what ask asks) as ranked in full', () => {
    const docs = corpus(5).map((doc) => ({ ...doc, scope: 'global' as Scope }));
    const index = new PassageEngine();
    for (const doc of docs) add(index, doc);
    for (const question of ['tariff quota', 'embassy cable', 'licence royalty label music']) {
      const terms = analyze(question);
      const full = index.rank(terms, ['global']).ranked.hits.slice(0, 3);
      const pruned = index.rank(terms, ['global'], { limit: 12, documents: 3 }).ranked.hits.slice(0, 3);
      expect(pruned.map((hit) => hit.passage.key)).toEqual(full.map((hit) => hit.passage.key));
    }
  });
});
