import { describe, expect, it } from 'vitest';
import { textFragmentUrl } from './text-fragment-url.js';

describe('textFragmentUrl', () => {
  it('names a short highlight whole', () => {
    expect(textFragmentUrl('https://example.org/a', 'The court cleared him.')).toBe('https://example.org/a#:~:text=The%20court%20cleared%20him.');
  });

  it('names a long highlight by its first and last words', () => {
    const url = textFragmentUrl('https://example.org/a', 'one two three four five six seven eight nine ten');
    expect(url).toBe('https://example.org/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten');
  });

  it('encodes the directive’s own syntax characters and parentheses', () => {
    expect(textFragmentUrl('https://example.org/(x)', 'a-b, c&d (e)')).toBe('https://example.org/%28x%29#:~:text=a%2Db%2C%20c%26d%20%28e%29');
  });

  it('keeps an existing fragment', () => {
    expect(textFragmentUrl('https://example.org/a#part', 'word')).toBe('https://example.org/a#part:~:text=word');
  });
});
