import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/answer/ask.js';
import type { DocumentMeta, Scope } from '../../src/core/documents/document.js';
import { splitPassages } from '../../src/core/passages/split-passages.js';
import { splitSentences } from '../../src/core/passages/split-sentences.js';
import { analyze, type Hit } from '../../src/core/engine/engine.js';
import { PassageEngine } from '../../src/core/engine/passage-engine.js';
import { CORPUS_DIR, EVAL_DIR, seededRandom } from '../helpers.js';

// D7: one server's private documents must not change another server's ranking (scores, order, gates),
// which a member could otherwise measure from Discord.

type Doc = { scope: Scope; id: string; title: string; text: string };

const seeds: Array<{ question: string }> = JSON.parse(readFileSync(join(EVAL_DIR, 'seed-questions.dev.json'), 'utf8'));
const offTopic: string[] = JSON.parse(readFileSync(join(EVAL_DIR, 'offtopic-questions.dev.json'), 'utf8'));
/** Questions answered, questions not covered, and one with a word only other servers' documents extend. */
const QUESTIONS = [...seeds.map((s) => s.question), ...offTopic.slice(0, 4), 'Who owns the zorbul music store?'];

const shipped: Doc[] = readdirSync(CORPUS_DIR).map((file) => ({
  scope: 'global',
  id: file,
  title: file.replace(/\.txt$/, '').replace(/-/g, ' '),
  text: readFileSync(join(CORPUS_DIR, file), 'utf8').replace(/^---[\s\S]*?---/, ''),
}));
const sentences = shipped.flatMap(({ text }) => splitSentences(text).map((span) => text.slice(span.start, span.end).replace(/\s+/g, ' ')));

const random = seededRandom;

/** A server's own documents: sentences of the shipped corpus, recombined. */
function serverDocuments(scope: Scope, count: number, seed: number): Doc[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, d) => ({
    scope,
    id: `${scope}-doc-${d}`,
    title: `Notes ${d} on trade and music`,
    text: Array.from({ length: 6 + Math.floor(next() * 10) }, () => sentences[Math.floor(next() * sentences.length)]).join(' '),
  }));
}

/**
 * Another server's many documents made of the questions' own words (and longer words they start, such
 * as "zorbulation"), short and very long, in titles too: were its passages counted, every df, N and
 * average length the questions see would move.
 */
function intruderDocuments(scope: Scope, count: number, seed: number): Doc[] {
  const next = random(seed);
  const words = [...QUESTIONS.join(' ').split(/\W+/).filter((w) => w.length > 2), 'zorbulation', 'ownership', 'storefront'];
  const pick = () => words[Math.floor(next() * words.length)]!;
  return Array.from({ length: count }, (_, d) => ({
    scope,
    id: `${scope}-intruder-${d}`,
    title: `${pick()} ${pick()}`,
    text: Array.from({ length: d % 7 === 0 ? 600 : 4 + Math.floor(next() * 30) }, pick).join(' ') + '.',
  }));
}

function add(index: PassageEngine, doc: Doc): void {
  const meta: DocumentMeta = { scope: doc.scope, id: doc.id, title: doc.title, source: { kind: 'file', name: doc.id }, addedBy: 'test', addedAt: '', contentHash: '' };
  index.add(meta, splitPassages(doc.id, doc.text, { maxChars: 1000 }));
}

function indexOf(...groups: Doc[][]): PassageEngine {
  const index = new PassageEngine({ blockBits: 8 });
  for (const group of groups) for (const doc of group) add(index, doc);
  return index;
}

/** Everything a question's ranking and answer show, named by scope and passage id (not by key, which differs between indexes). */
function observe(index: PassageEngine, scopes: readonly Scope[]): unknown[] {
  const named = (hits: readonly Hit[]) => hits.map((hit) => [`${hit.passage.scope}/${hit.passage.id}`, hit.score, [...hit.matchedTerms]]);
  return QUESTIONS.map((question) => {
    const terms = [...new Set(analyze(question))];
    const { firstPass, ranked } = index.rank(terms, scopes, { limit: 12, documents: 3 });
    const answer = ask(index, question, { scopes, now: () => 0 }); // a clock that stands still: tookMs is 0
    return {
      question,
      firstPass: [named(firstPass.hits), named(firstPass.feedback), named(firstPass.leadingDocuments), firstPass.total, firstPass.documents, [...firstPass.termMatches]],
      ranked: [named(ranked.hits), named(ranked.leadingDocuments)],
      answer,
    };
  });
}

describe('rankings that other servers cannot move (D7)', () => {
  const guild = serverDocuments('guild:1', 12, 1);
  // Over a thousand passages: removing them all squeezes the index (slots renumbered, counts redone).
  const intruders = intruderDocuments('guild:2', 1300, 2);
  const [before, during, after] = [intruders.slice(0, 400), intruders.slice(400, 900), intruders.slice(900)];

  it('ranks a server’s questions identically whether or not another server holds many documents with their words', () => {
    const alone = indexOf(shipped, guild);
    const expected = observe(alone, ['global', 'guild:1']);
    expect(expected.some((o) => (o as { answer: { kind: string } }).answer.kind === 'answer')).toBe(true);
    expect(expected.some((o) => (o as { answer: { kind: string } }).answer.kind === 'no-match')).toBe(true);

    const crowded = indexOf(before, shipped, during, guild, after);
    expect(crowded.passagesIn(['guild:2'])).toBeGreaterThan(crowded.passagesIn(['global', 'guild:1']));
    expect(observe(crowded, ['global', 'guild:1'])).toEqual(expected);
    // Nor does whether a word is retried as a prefix (the slower path: a measurable delay).
    expect(crowded.extendsAnyTerm('storefr', ['guild:2'])).toBe(true);
    expect(crowded.extendsAnyTerm('storefr', ['global', 'guild:1'])).toBe(false);

    for (const doc of intruders) crowded.remove(doc.scope, doc.id);
    expect(observe(crowded, ['global', 'guild:1'])).toEqual(expected);

    for (const doc of intruders.slice(0, 300)) add(crowded, doc);
    expect(observe(crowded, ['global', 'guild:1'])).toEqual(expected);
  });

  it('ranks a server that turned the shared corpus off on its own documents only, whatever the shared corpus and other servers hold', () => {
    const expected = observe(indexOf(guild), ['guild:1']);
    const crowded = indexOf(before, shipped, guild, during, after);
    expect(observe(crowded, ['guild:1'])).toEqual(expected);
    for (const doc of shipped) crowded.remove(doc.scope, doc.id);
    expect(observe(crowded, ['guild:1'])).toEqual(expected);
  });

  it('ranks the shared corpus alone exactly as when no server has documents', () => {
    const expected = observe(indexOf(shipped), ['global']);
    expect(observe(indexOf(before, shipped, guild, during), ['global'])).toEqual(expected);
  });
});
