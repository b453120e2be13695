import { describe, expect, it } from 'vitest';
import { everydayWords } from './everyday-words.js';
import { coverageOf, coverageWeights, statedTerms } from './question-coverage.js';

const idf = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('coverageWeights', () => {
  const everyday = everydayWords();

  it('weighs an ordinary word the corpus never uses like a typical word of the question', () => {
    const { weights } = coverageWeights('who wrote the leave policy', idf({ wrote: 6, leav: 2, polici: 3 }), idf({ leav: 10, polici: 5 }), everyday);
    expect(weights.get('wrote')).toBe(2);
  });

  it('keeps the full weight of a name the corpus never uses', () => {
    const { weights } = coverageWeights('leave policy for Jira', idf({ jira: 6, leav: 2, polici: 3 }), idf({ leav: 10, polici: 5 }), everyday);
    expect(weights.get('jira')).toBe(6);
  });

  it('reads the words of an identifier as words, whatever their capitals', () => {
    const { weights } = coverageWeights('VITE_MAX_ITEMS is ignored', idf({ vite_max_item: 9, vite: 1, max: 4, item: 6, ignor: 3 }), idf({ vite: 10, max: 5, ignor: 5 }), everyday);
    expect(weights.get('item')).toBe(3);
    // Written as a name, the same capitals keep the word's full weight.
    const { weights: named } = coverageWeights('ITEMS is ignored', idf({ item: 6, ignor: 3 }), idf({ ignor: 5 }), everyday);
    expect(named.get('item')).toBe(6);
  });
});

describe('statedTerms', () => {
  const question = coverageWeights('pip install error', idf({ pip: 5, instal: 2, error: 2 }), idf({ pip: 1, instal: 5, error: 5 }), everydayWords());

  it('ignores words in URLs', () => {
    const text = 'See https://example.com/pip/install for the error.';
    expect([...statedTerms(text, undefined, question)].sort()).toEqual(['error']);
  });

  it('counts the headings the passage sits under', () => {
    expect(statedTerms('Run it again.', 'Install › Pip', question).has('pip')).toBe(true);
  });

  it('measures the share of the question weight a passage states', () => {
    expect(coverageOf(new Set(['error']), question.weights)).toBeCloseTo(2 / 6);
  });
});
