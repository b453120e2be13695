import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { baseForms, irregularVerbs } from './irregular-verbs.js';

describe('irregularVerbs', () => {
  it('maps past forms and participles to their base, and leaves a form that is a base itself', () => {
    const verbs = irregularVerbs();
    expect(['said', 'bought', 'wrote', 'written', 'paid', 'left'].map((form) => verbs.get(form))).toEqual(['say', 'buy', 'write', 'write', 'pay', 'leave']);
    // "saw" is a verb of its own (to saw), "lay" too: they stay as they are.
    expect(verbs.has('saw')).toBe(false);
    expect(verbs.has('lay')).toBe(false);
  });

  it('lets a question in the present find a text in the past', () => {
    expect(analyze('What did Spicer say?')).toEqual(analyze('Spicer said'));
    expect(analyze('who wrote the policy')).toEqual(analyze('written the policy'));
    expect(analyze('buy music')).toEqual(analyze('bought music'));
  });

  it('fails naming the file when the list is damaged', () => {
    expect(() => baseForms([], '/x/verbs.json')).toThrow(expect.objectContaining({ code: 'resource_invalid', message: expect.stringContaining('/x/verbs.json') }));
    expect(() => baseForms({ go: [['went', 'gone']] }, '/x/verbs.json')).toThrow(/"say" or "write" is missing/);
    expect(() => baseForms({ say: [['said', 7]], write: [['wrote', 'written']] }, '/x/verbs.json')).toThrow(/a form of "say" is not a word/);
  });
});
