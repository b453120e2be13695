import { describe, expect, it } from 'vitest';
import { answerEntities } from './answer-entities.js';
import { answerTypeOf } from './answer-type.js';

describe('answerTypeOf', () => {
  it.each([
    ['How many member countries does the WTO have?', 'number'],
    ['how much is the home office stipend', 'number'],
    ['How long does it take to reach Senior?', 'duration'],
    ['When did Russia join?', 'time'],
    ['Who owns the store?', 'name'],
    ['Where are discs sold now?', 'name'],
    ['How do I fix ENOSPC?', undefined],
    ['Why is my build slow?', undefined],
  ])('reads "%s" as asking for %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});

describe('answerEntities', () => {
  const text = 'Judge Ivan Ivanov heard the case in Moscow. Denis Kvasov paid $5,000 in 2007.';

  it('finds numbers and times where the question asks for them', () => {
    expect(answerEntities(text, 'number', new Set())).toContain(text.indexOf('$5,000'));
    expect(answerEntities(text, 'time', new Set())).toContain(text.indexOf('2007'));
  });

  it('reads a number glued to letters as part of a name, not as a number', () => {
    const handbook = '37signals offers 20 days of vacation. Builds target es2015 at the lowest.';
    expect(answerEntities(handbook, 'number', new Set())).toEqual([handbook.indexOf('20 days')]);
  });

  it('leaves out a number the question already states', () => {
    const doc = 'Server responded with status code 431. Reduce your request header size below 8 KB.';
    expect(answerEntities(doc, 'number', new Set(['431']))).not.toContain(doc.indexOf('431'));
  });

  it('finds names the question does not already give', () => {
    const names = answerEntities(text, 'name', new Set(['moscow', 'ivan', 'ivanov']));
    expect(names).toContain(text.indexOf('Denis'));
    expect(names).not.toContain(text.indexOf('Moscow'));
  });
});
