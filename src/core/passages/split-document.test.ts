import { describe, expect, it } from 'vitest';
import { formatLocation } from '../answer/format-location.js';
import { splitDocument } from './split-document.js';

describe('splitDocument', () => {
  it('tells the page of each passage of a text whose pages end in form feeds', () => {
    const page = (n: number) => `Page ${n} opens with a sentence long enough to be a paragraph of its own, about topic ${n}. `.repeat(6);
    const text = [page(1), '\f', page(2), '\f', page(3)].join('\n');
    const passages = splitDocument({ id: 'report', text }, { maxChars: 700 });
    expect(passages.length).toBeGreaterThanOrEqual(3);
    for (const passage of passages) {
      const topic = /about topic (\d)/.exec(passage.text)![1];
      expect(passage.pageStart).toBe(Number(topic));
    }
    expect(formatLocation(passages[passages.length - 1]!)).toMatch(/^page 3, lines? 5/);
  });

  it('adds no pages to text without form feeds', () => {
    const [passage] = splitDocument({ id: 'notes', text: 'One short paragraph of notes.' });
    expect(passage!.pageStart).toBeUndefined();
    expect(formatLocation(passage!)).toBe('paragraph 1, line 1');
  });
});
