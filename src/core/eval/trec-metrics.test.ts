import { describe, expect, it } from 'vitest';
import { FootnoteError } from '../errors.js';
import { averagePrecision, evaluateRun, ndcgAt, parseQrels, recallAt } from './trec-metrics.js';

const rel = (...docs: string[]) => new Set(docs);
const ranks = (n: number, prefix = 'x') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('ndcgAt (binary gain, cutoff 10)', () => {
  it.each([
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal for R = 3: 1 + 1/log2(3) + 1/2 = 2.1309298
    ['scores relevant documents at ranks 1 and 3 of 3 relevant', ['a', 'x', 'b', 'y'], rel('a', 'b', 'c'), 1.5 / 2.1309298],
    ['is 1 for a perfect ranking', ['a', 'b'], rel('a', 'b'), 1],
    ['discounts a single relevant document at rank 2 by 1/log2(3)', ['x', 'a'], rel('a'), 0.6309298],
    ['counts a repeated document only at its first rank', ['x', 'x', 'a'], rel('a'), 0.6309298],
    ['ignores relevant documents below rank 10', [...ranks(10), 'a'], rel('a'), 0],
    // ideal DCG is capped at 10 relevant documents: 12 relevant, all 10 retrieved are relevant → 1
    ['caps the ideal ranking at 10 documents', ranks(10, 'r'), rel(...ranks(12, 'r')), 1],
    ['is 0 for an empty ranking', [], rel('a'), 0],
    ['is 0 when nothing is relevant', ['a'], rel(), 0],
  ])('%s', (_name, ranking, relevant, expected) => {
    expect(ndcgAt(ranking, relevant)).toBeCloseTo(expected, 6);
  });
});

describe('averagePrecision (top 1,000)', () => {
  it.each([
    // hits at ranks 1 and 3: (1/1 + 2/3) / 3 relevant
    ['averages precision at each relevant rank over all relevant documents', ['a', 'x', 'b', 'y'], rel('a', 'b', 'c'), (1 + 2 / 3) / 3],
    ['is 1 for a perfect ranking', ['a', 'b', 'x'], rel('a', 'b'), 1],
    ['counts a relevant document at rank 11', [...ranks(10), 'a'], rel('a'), 1 / 11],
    ['ignores relevant documents below rank 1,000', [...ranks(1000), 'a'], rel('a'), 0],
    ['counts a repeated document only once', ['a', 'a', 'b'], rel('a', 'b'), 1],
  ])('%s', (_name, ranking, relevant, expected) => {
    expect(averagePrecision(ranking, relevant)).toBeCloseTo(expected, 6);
  });
});

describe('recallAt (cutoff 100)', () => {
  it.each([
    ['is the fraction of relevant documents retrieved', ['a', 'x', 'b'], rel('a', 'b', 'c'), 2 / 3],
    ['ignores relevant documents below rank 100', [...ranks(100), 'a'], rel('a'), 0],
    ['counts a relevant document at rank 100', [...ranks(99), 'a'], rel('a'), 1],
  ])('%s', (_name, ranking, relevant, expected) => {
    expect(recallAt(ranking, relevant)).toBeCloseTo(expected, 6);
  });
});

describe('evaluateRun', () => {
  const qrels = new Map([
    ['q1', rel('a', 'b', 'c')],
    ['q2', rel()],
    ['q3', rel('z')],
  ]);
  const run = new Map([
    ['q1', ['a', 'x', 'b', 'y']],
    ['q2', ['a']],
    ['q4', ['a']],
  ]);
  const result = evaluateRun(run, qrels);

  it('averages over judged queries with a relevant document only', () => {
    expect([...result.perQuery.keys()]).toEqual(['q1', 'q3']);
    expect(result.mean.queries).toBe(2);
  });

  it('scores a judged query missing from the run as 0 (trec_eval -c)', () => {
    expect(result.perQuery.get('q3')).toEqual({ ndcg10: 0, ap: 0, recall100: 0 });
    expect(result.mean.ndcg10).toBeCloseTo(1.5 / 2.1309298 / 2, 6);
    expect(result.mean.ap).toBeCloseTo((1 + 2 / 3) / 3 / 2, 6);
    expect(result.mean.recall100).toBeCloseTo(2 / 3 / 2, 6);
  });

  it('returns zero means when nothing is judged', () => {
    expect(evaluateRun(run, new Map()).mean).toEqual({ ndcg10: 0, ap: 0, recall100: 0, queries: 0 });
  });
});

describe('parseQrels', () => {
  it.each([
    ['reads "qid docid rel" with tabs', '1\t28\t1\n1\t35\t1\n', [['1', ['28', '35']]]],
    ['reads TREC "qid iter docid rel"', '401 0 FT911-3 1\n401 0 FT911-4 2\n', [['401', ['FT911-3', 'FT911-4']]]],
    ['keeps a query whose judgements are all 0, with no relevant document', 'q1 d1 0\nq2 d2 1', [['q1', []], ['q2', ['d2']]]],
    ['skips blank lines, comments and CRLF endings', '# qrels\r\n\r\nq1 d1 1\r\n', [['q1', ['d1']]]],
  ])('%s', (_name, text, expected) => {
    const parsed = parseQrels(text);
    expect([...parsed].map(([q, docs]) => [q, [...docs]])).toEqual(expected);
  });

  it.each([
    ['a line with two columns', 'q1 d1'],
    ['a non-numeric judgement', 'q1 d1 yes'],
  ])('rejects %s', (_name, text) => {
    expect(() => parseQrels(text)).toThrow(FootnoteError);
    try {
      parseQrels(text);
    } catch (error) {
      expect((error as FootnoteError).code).toBe('input_rejected');
    }
  });
});
