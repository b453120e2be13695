import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import { CORPUS_DIR, EVAL_DIR, tempDir } from '../helpers.js';

const seeds: Array<{ question: string; answer: string }> = JSON.parse(readFileSync(join(EVAL_DIR, 'seed-questions.dev.json'), 'utf8'));
const offTopic: string[] = JSON.parse(readFileSync(join(EVAL_DIR, 'offtopic-questions.dev.json'), 'utf8'));
const collapse = (s: string) => s.replace(/\s+/g, ' ');

describe('answers on the shipped corpus', () => {
  const data = tempDir();
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: data.path });
  });
  afterAll(async () => {
    await kb.close();
    data.remove();
  });

  it.each(seeds)('cites a passage containing the answer in the top 3 for "$question"', ({ question, answer }) => {
    const result = kb.ask(question);
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    const texts = result.results.slice(0, 3).map((r) => collapse(r.text));
    expect(texts.some((t) => t.includes(answer))).toBe(true);
  });

  // The target is 90%; footnote reaches 13 of 15 (86.7%). The two misses need synonymy
  // ("buying" / "purchase", "owns" / "owner") to outweigh a stronger lexical match; WordNet's related
  // words are sought only for question words no passage uses (see related-words), which these are not.
  // This floor guards against regressions.
  it('puts the answer in the first passage for at least 13 of the 15 dev questions', () => {
    const first = seeds.filter(({ question, answer }) => {
      const result = kb.ask(question);
      return result.kind === 'answer' && collapse(result.results[0]!.text).includes(answer);
    });
    expect(first.length).toBeGreaterThanOrEqual(13);
  });

  it('answers the README’s question with the passage that gives the reason', () => {
    const result = kb.ask('Why did the US want the site shut down?');
    expect(result.kind).toBe('answer');
    if (result.kind === 'answer') expect(collapse(result.results[0]!.highlight)).toContain('in order to appease US objections');
  });

  it('highlights a verbatim part of each cited passage', () => {
    for (const { question } of seeds) {
      const result = kb.ask(question);
      if (result.kind !== 'answer') continue;
      for (const r of result.results) {
        expect(r.text.slice(r.highlightStart, r.highlightStart + r.highlight.length)).toBe(r.highlight);
        expect(r.highlight.length).toBeGreaterThan(0);
      }
    }
  });

  it.each(offTopic)('says honestly that the sources do not cover "%s"', (question) => {
    expect(kb.ask(question).kind).toBe('no-match');
  });

  it('never quotes page chrome', () => {
    for (const question of ['Share this post on Pinterest', 'Bookmark with what are these', 'Browse by tag and classification']) {
      const result = kb.ask(question);
      if (result.kind !== 'answer') continue;
      for (const r of result.results) expect(r.text).not.toMatch(/Pin It on Pinterest|Bookmark with:|Browse by tag|Don't show this again/);
    }
  });

  it.each([
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['x'.repeat(4001), 'too_long'],
    ['🎵🎶 ?!', 'no_terms'],
    ['what is the', 'no_terms'],
  ])('rejects unusable input %#', (question, reason) => {
    const result = kb.ask(question);
    expect(result.kind).toBe('rejected');
    if (result.kind === 'rejected') expect(result.reason).toBe(reason);
  });

  it('answers questions in other scripts and with control characters without failing', () => {
    expect(kb.ask('Кто владелец сайта?').kind).toBe('no-match');
    expect(kb.ask('Who is\u0000 Denis\u202E Kvasov?').kind).toBe('answer');
  });

  it('answers or says no match to questions made only of identifiers, of rare words, or of one word 300 times (timed by npm run bench)', () => {
    const identifiers = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `musicStoreOwner${i}` : `wto.accession.talks${i}`)).join(' ');
    const rare = Array.from({ length: 60 }, (_, i) => `zqx${(i * 7919).toString(36)}vw`).join(' ');
    expect(kb.ask(identifiers).kind).toBe('no-match');
    expect(kb.ask(rare).kind).toBe('no-match');
    const repeated = kb.ask(Array(300).fill('piracy').join(' '));
    expect(repeated.kind).toBe('answer');
    if (repeated.kind === 'answer') expect(repeated.results[0]!.text.toLowerCase()).toContain('pira');
  });

  it('never returns two near-identical passages', () => {
    for (const { question } of seeds) {
      const result = kb.ask(question, { top: 10 });
      if (result.kind !== 'answer') continue;
      const texts = result.results.map((r) => r.text);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
});
