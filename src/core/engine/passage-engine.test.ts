import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMeta, Scope } from '../documents/document.js';
import { splitSentences } from '../passages/split-sentences.js';
import { analyze } from './analysis/analyze.js';
import { MinisearchOracle } from '../../../tests/support/minisearch-reference.js';
import { seededRandom } from '../../../tests/helpers.js';
import { PassageEngine } from './passage-engine.js';
import { expandQuery, RM3 } from './rank/rank-with-feedback.js';
import type { Hit, SearchRequest } from './types.js';

const oracle = new MinisearchOracle();
/** Every match of one pass, best first. */
const everyMatch = (index: PassageEngine, terms: readonly string[], request: SearchRequest) => index.pass(terms, request).hits;

const REPO = join(import.meta.dirname, '..', '..', '..');
const SCOPES: Scope[] = ['global', 'guild:1', 'guild:2'];
const questions = [
  ...(JSON.parse(readFileSync(join(REPO, 'eval', 'seed-questions.dev.json'), 'utf8')) as Array<{ question: string }>).map((q) => q.question),
  ...(JSON.parse(readFileSync(join(REPO, 'eval', 'offtopic-questions.dev.json'), 'utf8')) as string[]),
];

const random = seededRandom;

/**
 * A few thousand passages: sentences of the shipped corpus recombined, with words of a made-up
 * vocabulary (Zipf-like, some non-ASCII, acronyms, numbers, apostrophes) mixed in so that terms span
 * every document frequency. Titles repeat across documents; some are empty.
 */
function buildCorpus(next: () => number): Array<{ meta: DocumentMeta; texts: string[] }> {
  const corpus = readdirSync(join(REPO, 'corpus')).map((file) => readFileSync(join(REPO, 'corpus', file), 'utf8').replace(/^---[\s\S]*?---/, ''));
  const sentences = corpus.flatMap((text) => splitSentences(text).map((span) => text.slice(span.start, span.end).replace(/\s+/g, ' ')));
  const made = Array.from({ length: 400 }, (_, i) => ['zorb', 'quill', 'Ménière', 'U.S.A.', "O'Neil's", '3.14', 'kvass', 'tundra', 'glyph', 'aqueduct'][i % 10]! + (i >= 10 ? `${i}` : ''));
  const word = () => made[Math.floor(made.length * next() ** 3)]!;
  const titles = ['Trade talks', 'Piracy report', '', 'The zorb quill', 'Ménière notes', 'Aqueduct glyph survey'];
  const docs: Array<{ meta: DocumentMeta; texts: string[] }> = [];
  for (let d = 0; d < 300; d++) {
    const texts = Array.from({ length: 3 + Math.floor(next() * 12) }, () => {
      const parts: string[] = [];
      while (parts.join(' ').length < 300 + next() * 600) parts.push(next() < 0.7 ? sentences[Math.floor(next() * sentences.length)]! : `${word()} ${word()} ${word()}.`);
      return parts.join(' ');
    });
    const scope = SCOPES[d % 3]!;
    docs.push({ meta: { scope, id: `doc-${d}`, title: titles[d % titles.length]!, source: { kind: 'file', name: `doc-${d}.txt` }, addedBy: 'test', addedAt: '', contentHash: '' }, texts });
  }
  return docs;
}

function add(index: PassageEngine, doc: { meta: DocumentMeta; texts: string[] }): void {
  const passages = doc.texts.map((text, i) => ({ id: `${doc.meta.id}#p${i + 1}`, docId: doc.meta.id, ordinal: i + 1, text, paragraphStart: i + 1, paragraphEnd: i + 1, lineStart: i + 1, lineEnd: i + 1 }));
  index.add(doc.meta, passages);
}

/** Same passages in the same order, the same matched terms, scores equal within 1e-9 relative. */
function expectSameHits(actual: readonly Hit[], expected: readonly Hit[]): void {
  expect(actual.map((hit) => hit.passage.key)).toEqual(expected.map((hit) => hit.passage.key));
  actual.forEach((hit, i) => {
    const reference = expected[i]!;
    expect(Math.abs(hit.score - reference.score)).toBeLessThanOrEqual(1e-9 * Math.abs(reference.score));
    expect([...hit.matchedTerms]).toEqual([...reference.matchedTerms]);
  });
}

/**
 * With prefix terms, minisearch sums a passage's prefix matches in the order of its radix tree, which
 * depends on the history of insertions (and changes when the index is reloaded); the compact index
 * sums them in term order. Scores then differ in the last bit or so, and passages whose scores are
 * that close may swap places. So: the same passages, the same scores within 1e-9, and an order that
 * minisearch's scores agree with up to 1e-12.
 */
function expectSameHitsUpToLastBits(actual: readonly Hit[], expected: readonly Hit[]): void {
  const byKey = new Map(expected.map((hit) => [hit.passage.key, hit]));
  expect(actual.map((hit) => hit.passage.key).sort()).toEqual(expected.map((hit) => hit.passage.key).sort());
  actual.forEach((hit, i) => {
    const reference = byKey.get(hit.passage.key)!;
    expect(Math.abs(hit.score - reference.score)).toBeLessThanOrEqual(1e-9 * Math.abs(reference.score));
    expect([...hit.matchedTerms]).toEqual([...reference.matchedTerms]);
    if (i > 0) expect(byKey.get(actual[i - 1]!.passage.key)!.score).toBeGreaterThanOrEqual(reference.score * (1 - 1e-12));
  });
}

/** The compact index's full and top-k results against the minisearch path, for one query. */
function expectSameRanking(index: PassageEngine, terms: readonly string[], request: SearchRequest): void {
  const expected = oracle.search(index, terms, request);
  if (request.prefixTerms) {
    expectSameHitsUpToLastBits(everyMatch(index, terms, request), expected);
    const ranking = index.pass(terms, { ...request, limit: 12, documents: 3 });
    expect([ranking.total, ranking.documents]).toEqual([expected.length, new Set(expected.map((hit) => `${hit.passage.scope}/${hit.passage.docId}`)).size]);
    return;
  }
  expectSameHits(everyMatch(index, terms, request), expected);
  const ranking = index.pass(terms, { ...request, limit: 12, documents: 3, feedback: RM3.feedbackPassages });
  expectSameHits(ranking.hits, expected.slice(0, 12));
  expect(ranking.total).toBe(expected.length);
  const documents = new Map<string, Hit>();
  for (const hit of expected) if (!documents.has(`${hit.passage.scope}/${hit.passage.docId}`)) documents.set(`${hit.passage.scope}/${hit.passage.docId}`, hit);
  expect(ranking.documents).toBe(documents.size);
  expectSameHits(ranking.leadingDocuments, [...documents.values()].slice(0, 3));
  const coordinated = [...expected].sort((a, b) => b.score * b.matchedTerms.length - a.score * a.matchedTerms.length || a.passage.key - b.passage.key);
  expectSameHits(ranking.feedback, coordinated.slice(0, RM3.feedbackPassages));
  for (const term of new Set(terms)) expect(ranking.termMatches.get(term)).toBe(expected.filter((hit) => hit.matchedTerms.includes(term)).length);
  if (new Set(terms).size === terms.length) expectSameTop(index, terms, request, everyMatch(index, terms, request));
}

/**
 * The pruned searches (rank with a limit, and rankTop) return exactly what scoring every match
 * (`everything`: `search`, no limit) returns: the same passages, feedback passages and documents, bit-identical scores, the same counts,
 * for any seeds (none, the right answer, poor guesses) and list sizes.
 */
function expectSameTop(index: PassageEngine, terms: readonly string[], request: SearchRequest, everything: readonly Hit[]): void {
  const exact = (hits: readonly Hit[]) => hits.map((hit) => [hit.passage.key, hit.score, [...hit.matchedTerms]]);
  const documents = new Map<string, Hit>();
  for (const hit of everything) if (!documents.has(`${hit.passage.scope}/${hit.passage.docId}`)) documents.set(`${hit.passage.scope}/${hit.passage.docId}`, hit);
  const coordinated = [...everything].sort((a, b) => b.score * b.matchedTerms.length - a.score * a.matchedTerms.length || a.passage.key - b.passage.key);
  for (const [limit, leading, feedback] of [[12, 3, 10], [1, 0, 0], [0, 5, 3], [40, 10, 10]] as const) {
    const ranking = index.pass(terms, { ...request, limit, documents: leading, feedback });
    expect(exact(ranking.hits)).toEqual(exact(everything.slice(0, limit)));
    expect(exact(ranking.leadingDocuments)).toEqual(exact([...documents.values()].slice(0, leading)));
    expect(ranking.feedback.map((hit) => hit.passage.key)).toEqual(coordinated.slice(0, feedback).map((hit) => hit.passage.key));
    expect([ranking.total, ranking.documents]).toEqual([everything.length, documents.size]);
    for (const [seedName, seeds] of [['none', []], ['the best', ranking.hits.slice(0, 4)], ['poor', everything.slice(-7)], ['many', everything.slice(0, 30)]] as const) {
      const top = index.passTop(terms, { scopes: request.scopes, ...(request.termWeights && { termWeights: request.termWeights }), limit, documents: leading, seeds });
      expect(exact(top.hits), `seeds: ${seedName}`).toEqual(exact(ranking.hits));
      expect(exact(top.leadingDocuments), `seeds: ${seedName}`).toEqual(exact(ranking.leadingDocuments));
    }
  }
}

describe('PassageEngine (compact index against minisearch)', () => {
  const next = random(20240611);
  const corpus = buildCorpus(next);
  // Blocks of 256 passages (instead of 16,384), so that scoring crosses block boundaries here.
  const index = new PassageEngine({ blockBits: 8 });
  const vocabulary: string[] = [];
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;

  beforeAll(() => {
    for (const doc of corpus) add(index, doc);
    vocabulary.push(...new Set(corpus.flatMap((doc) => doc.texts.flatMap((text) => analyze(text)))));
  });

  it('holds a few thousand passages in three scopes', () => {
    expect(index.passageCount).toBeGreaterThan(2000);
  });

  it('ranks single terms as minisearch does', () => {
    for (let i = 0; i < 60; i++) expectSameRanking(index, [pick(vocabulary)], { scopes: ['global'] });
  });

  it('ranks keyword queries as minisearch does, repeated terms included', () => {
    for (let i = 0; i < 60; i++) {
      const terms = Array.from({ length: 2 + Math.floor(next() * 4) }, () => pick(vocabulary));
      expectSameRanking(index, i % 5 === 0 ? [...terms, terms[0]!] : terms, { scopes: SCOPES });
    }
  });

  it('ranks natural questions as minisearch does', () => {
    for (const question of questions) expectSameRanking(index, analyze(question), { scopes: ['global', 'guild:1'] });
  });

  it('ranks RM3-weighted queries as minisearch does', () => {
    for (const question of questions) {
      const terms = [...new Set(analyze(question))];
      const first = index.pass(terms, { scopes: SCOPES, feedback: RM3.feedbackPassages });
      const termWeights = expandQuery(index, terms, first.feedback);
      expectSameRanking(index, [...termWeights.keys()], { scopes: SCOPES, termWeights });
    }
  });

  it('matches unmatched words as prefixes as minisearch does', () => {
    for (let i = 0; i < 40; i++) {
      const word = pick(vocabulary.filter((term) => term.length >= 5));
      const prefix = word.slice(0, 3 + Math.floor(next() * (word.length - 3)));
      const terms = [prefix, pick(vocabulary)];
      expectSameRanking(index, terms, { scopes: SCOPES, prefixTerms: new Set([prefix]), termWeights: new Map([[prefix, 0.6]]) });
    }
  });

  it('skips the prefix retry for a word no indexed term starts with, ranking exactly as with it', () => {
    expect(index.extendsAnyTerm('qzxv', SCOPES)).toBe(false);
    expect(index.extendsAnyTerm('zor', SCOPES)).toBe(true);
    const exact = (hits: readonly Hit[]) => hits.map((hit) => [hit.passage.key, hit.score]);
    let compared = 0;
    for (const question of questions) {
      const words = [...new Set(analyze(question))];
      const plain = index.pass(words, { scopes: SCOPES, limit: 1 });
      if (words.some((word) => plain.termMatches.get(word) === 0)) continue; // its own retry would blur the comparison
      compared++;
      const terms = [...words, 'qzxv'];
      const { firstPass } = index.rank(terms, SCOPES, { limit: 9, documents: 3 });
      const retried = index.pass(terms, { scopes: SCOPES, feedback: RM3.feedbackPassages, limit: 9, documents: 3, prefixTerms: new Set(['qzxv']) });
      expect(exact(firstPass.hits)).toEqual(exact(retried.hits));
      expect(exact(firstPass.feedback)).toEqual(exact(retried.feedback));
      expect([firstPass.total, firstPass.documents]).toEqual([retried.total, retried.documents]);
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('keeps to the searched scopes', () => {
    for (const scopes of [['guild:2'], ['guild:1', 'guild:2'], ['guild:3']] as Scope[][]) {
      for (let i = 0; i < 20; i++) expectSameRanking(index, [pick(vocabulary), pick(vocabulary)], { scopes });
    }
  });

  it('never lets a feedback term outweigh a question word, however long the question', () => {
    for (const length of [3, 12, 150]) {
      const terms = [...new Set(Array.from({ length: length * 2 }, () => pick(vocabulary)))].slice(0, length);
      const first = index.pass(terms, { scopes: SCOPES, feedback: RM3.feedbackPassages });
      const weights = expandQuery(index, terms, first.feedback);
      const typed = RM3.originalWeight / terms.length;
      const added = [...weights].filter(([term]) => !terms.includes(term));
      expect(added.length).toBeGreaterThan(0);
      for (const [, weight] of added) expect(weight).toBeLessThanOrEqual(typed);
      // A short question leaves the cap loose: feedback still adds its 0.3 of the mass.
      if (length === 3) expect([...weights.values()].reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 9);
    }
  });

  it('adds the feedback terms of highest P(t|R), ties in term order, as summing over the analysed passages gives them', () => {
    let tied = 0;
    for (const question of questions) {
      const terms = [...new Set(analyze(question))];
      const first = index.pass(terms, { scopes: SCOPES, feedback: RM3.feedbackPassages });
      if (first.feedback.length === 0) continue;
      const total = first.feedback.reduce((sum, hit) => sum + hit.score, 0);
      // Each occurrence adds its passage's share, passage by passage: the engine's sums, to the last bit.
      const relevance = new Map<string, number>();
      for (const hit of first.feedback) {
        const title = index.getDocument(hit.passage.scope, hit.passage.docId)!.meta.title;
        const analysed = analyze(`${title}\n${hit.passage.text}`);
        const share = hit.score / total / analysed.length;
        const counts = new Map<string, number>();
        for (const term of analysed) counts.set(term, (counts.get(term) ?? 0) + 1);
        for (const [term, tf] of counts) {
          let p = relevance.get(term) ?? 0;
          for (let i = 0; i < tf; i++) p += share;
          relevance.set(term, p);
        }
      }
      const ranked = [...relevance].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, RM3.feedbackTerms);
      tied += ranked.filter(([, p], i) => i > 0 && p === ranked[i - 1]![1]).length;
      const added = ranked.map(([term]) => term).filter((term) => !terms.includes(term));
      expect([...expandQuery(index, terms, first.feedback).keys()]).toEqual([...terms, ...added]);
    }
    expect(tied).toBeGreaterThan(0); // ties were there to be ordered
  });

  it('counts the same terms per passage as analysing it again (what RM3 reads)', () => {
    const doc = corpus[7]!;
    for (const passage of index.documentPassages(doc.meta.scope, doc.meta.id)) {
      const counts = new Map<string, number>();
      for (const term of analyze(`${doc.meta.title}\n${passage.text}`)) counts.set(term, (counts.get(term) ?? 0) + 1);
      const read = new Map<string, number>();
      index.forEachPassageTerm(passage, (id, tf) => read.set(index.termOf(id), tf));
      expect([...read].sort()).toEqual([...counts].sort());
    }
  });

  it('still agrees after removals (squeezed out once numerous) and re-adds', () => {
    oracle.search(index, ['zorb'], { scopes: SCOPES }); // built now; rebuilt after the changes
    for (const doc of corpus.filter((_, d) => d % 3 !== 2).slice(0, 150)) index.remove(doc.meta.scope, doc.meta.id);
    for (let i = 0; i < 30; i++) expectSameRanking(index, [pick(vocabulary), pick(vocabulary)], { scopes: SCOPES });
    for (const doc of corpus.slice(0, 40)) add(index, doc);
    for (let i = 0; i < 30; i++) expectSameRanking(index, [pick(vocabulary), pick(vocabulary), pick(vocabulary)], { scopes: SCOPES });
    expect(index.passagesIn(SCOPES)).toBe(index.passageCount);
  });
});

describe('PassageEngine over uneven scopes (one tiny, one huge), against minisearch holding just the searched scopes', () => {
  const next = random(20261204);
  // The shared corpus huge; a middling server whose passages are three times longer; a tiny server of
  // three documents, two of them one very long passage. Their average lengths, df and N are far from
  // the whole index's, so the top-k bounds (taken at the whole index's average) must scale to stay
  // bounds (term-bounds).
  const long = (texts: string[]) => Array.from({ length: Math.ceil(texts.length / 3) }, (_, i) => texts.slice(3 * i, 3 * i + 3).join(' '));
  const corpus = buildCorpus(next).map((doc, d) => (d % 5 === 4 ? { meta: { ...doc.meta, scope: 'guild:long' as Scope }, texts: long(doc.texts) } : { ...doc, meta: { ...doc.meta, scope: 'global' as Scope } }));
  const tiny = [
    ...corpus.slice(0, 2).map((doc, d) => ({ meta: { ...doc.meta, scope: 'guild:tiny' as Scope, id: `tiny-${d}` }, texts: [`${doc.texts.join(' ')} ${doc.texts.join(' ')}`] })),
    { meta: { ...corpus[2]!.meta, scope: 'guild:tiny' as Scope, id: 'tiny-2' }, texts: corpus[2]!.texts.slice(0, 4).map((text) => text.slice(0, 120)) },
  ];
  const index = new PassageEngine({ blockBits: 8 });
  const tinyVocabulary = [...new Set(tiny.flatMap((doc) => doc.texts.flatMap((text) => analyze(`${doc.meta.title}\n${text}`))))];
  const vocabulary = [...new Set(corpus.flatMap((doc) => doc.texts.flatMap((text) => analyze(text))))];
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const scopeSets: Scope[][] = [['guild:tiny'], ['global', 'guild:tiny'], ['global'], ['guild:long'], ['guild:tiny', 'guild:long']];

  beforeAll(() => {
    corpus.forEach((doc, d) => {
      add(index, doc);
      if (d % 100 === 50) add(index, tiny[Math.floor(d / 100)]!); // the tiny server's passages sit among the others' blocks
    });
  });

  it('holds a tiny scope of a few passages next to thousands', () => {
    expect(index.passagesIn(['guild:tiny'])).toBeLessThan(10);
    expect(index.passagesIn(['global'])).toBeGreaterThan(1000);
  });

  it('counts the passages of the searched scopes that use a term, and none for a term no passage uses', () => {
    const all = [...corpus, ...tiny];
    const using = (term: string, scopes: readonly Scope[]) =>
      all.filter((doc) => scopes.includes(doc.meta.scope)).reduce((sum, doc) => sum + doc.texts.filter((text) => analyze(`${doc.meta.title}\n${text}`).includes(term)).length, 0);
    for (const scopes of scopeSets) {
      const terms = [pick(tinyVocabulary), pick(vocabulary), pick(vocabulary), 'qzxvnothing'];
      expect(index.passagesUsing(terms, scopes)).toEqual(terms.map((term) => using(term, scopes)));
    }
  });

  it('prunes to exactly the exhaustive ranking, for keyword queries in each scope set', () => {
    for (const scopes of scopeSets) {
      for (let i = 0; i < 12; i++) {
        const terms = [...new Set([pick(tinyVocabulary), pick(tinyVocabulary), ...(i % 2 === 0 ? [pick(vocabulary)] : [])])];
        expectSameRanking(index, terms, { scopes });
      }
    }
  });

  it('prunes to exactly the exhaustive ranking, for RM3-weighted questions in each scope set', () => {
    for (const scopes of scopeSets) {
      for (const question of questions.slice(0, 8)) {
        const terms = [...new Set(analyze(question))];
        const first = index.pass(terms, { scopes, feedback: RM3.feedbackPassages });
        const termWeights = expandQuery(index, terms, first.feedback);
        expectSameRanking(index, [...termWeights.keys()], { scopes, termWeights });
      }
    }
  });
});

describe('top-k bounds at a searched scope far longer than the index', () => {
  it('finds the best passage of a server whose passages are a hundred times longer on average than the shared corpus’s', () => {
    const index = new PassageEngine({ blockBits: 8 });
    const filler = (count: number, from: number) => Array.from({ length: count }, (_, i) => `lorem${(from + i) % 5000}x`).join(' ');
    const doc = (scope: Scope, id: string, texts: string[]) => ({ meta: { scope, id, title: 'Notes', source: { kind: 'file', name: id }, addedBy: 'test', addedAt: '', contentHash: '' } as DocumentMeta, texts });
    // One huge passage matching "xylofon" once, early; later, after hundreds of short shared passages,
    // a medium one matching "quasark" once. At the server's own average length (~10,000 words) the
    // medium passage scores higher; at the index's (~150) its factor is several times smaller, so a
    // bound taken there and not scaled would let top-k skip it.
    add(index, doc('guild:tiny', 'huge', [`xylofon ${filler(20000, 0)}`]));
    for (const shared of buildCorpus(random(99))) add(index, { ...shared, meta: { ...shared.meta, scope: 'global' } });
    add(index, doc('guild:tiny', 'medium', [`quasark ${filler(500, 7)}`]));
    const terms = ['quasark', 'xylofon'].map((word) => analyze(word)[0]!);
    const exhaustive = everyMatch(index, terms, { scopes: ['guild:tiny'] });
    expect(exhaustive.map((hit) => hit.passage.docId)).toEqual(['medium', 'huge']);
    expectSameRanking(index, terms, { scopes: ['guild:tiny'] });
  });
});
