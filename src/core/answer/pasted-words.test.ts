import { describe, expect, it } from 'vitest';
import { pastedWords, repeatsPasted, typedWords } from './pasted-words.js';

describe('pastedWords', () => {
  it('are the sentences that ask nothing, and of a question the quoted parts and what follows a colon', () => {
    expect(pastedWords('can pnpm audit bump the versions in the lockfile instead of adding overrides?')).toEqual([]);
    expect(pastedWords("why does it fail with 'error while loading shared libraries'?")).toEqual(['error', 'while', 'loading', 'shared', 'libraries', '']);
    expect(pastedWords('the console says: Access to script at x has been blocked. why?')).toEqual([...typedWords('the console says: Access to script at x has been blocked.'), '']);
    expect(pastedWords('why do I get this, it says: request header fields too large?')).toEqual(['request', 'header', 'fields', 'too', 'large', '']);
  });

  it('are the whole question when it reads like a message: a digit, a dotted name, a capital inside', () => {
    expect(pastedWords('how do I fix Server responded with status code 431?')).toEqual([...typedWords('how do I fix Server responded with status code 431?'), '']);
    expect(pastedWords('why do I get error while loading shared libraries libatomic.so.1?')).toContain('libatomic.so.1');
  });
});

describe('repeatsPasted', () => {
  const pasted = pastedWords("the console says: Access to script at 'file:///C:/me/dist/index.js' from origin 'null' has been blocked");

  it('finds six words of the pasted message in a row anywhere in a sentence, whatever its first words', () => {
    expect(repeatsPasted("Access to script at 'file:///C:/proj/dist/index.js' from origin 'null' has been blocked by CORS policy", pasted)).toBe(true);
  });

  it('does not find a shorter run, or words of the message out of order', () => {
    expect(repeatsPasted('The origin null has been blocked.', pasted)).toBe(false);
    expect(repeatsPasted('Blocked has been null origin from script to access.', pasted)).toBe(false);
  });
});
