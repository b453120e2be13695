import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordsOf } from './stopwords.js';

/** The definition, in full: whitespace-separated runs, edge punctuation stripped, lowercased, kept if a letter is left. */
function reference(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s+/u)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
    if (/\p{L}/u.test(word)) words.push(word.replace(/’/gu, "'"));
  }
  return words;
}

describe('wordsOf', () => {
  it('agrees with its definition on any text, its ASCII short path included', () => {
    const piece = fc.oneof(
      fc.constantFrom('Share', 'U.S.', "don't", 'it’s', '09MOSCOW521', '(Reuters)', 'ÉTÉ', 'naïve', '---', '42', 'a\u0010b', '\u0011', 'x1', '“Quoted”', 'İstanbul'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ maxLength: 6 }),
    );
    const text = fc.array(fc.tuple(piece, fc.constantFrom(' ', '\n', '\t', '  ', '\u00a0', '')), { maxLength: 20 }).map((parts) => parts.map(([p, sep]) => p + sep).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(wordsOf(t)).toEqual(reference(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps words and drops numbers and punctuation', () => {
    expect(wordsOf('  The U.S. (Reuters) -- 42 naïve “Quoted” 09MOSCOW521 ')).toEqual(['the', 'u.s', 'reuters', 'naïve', 'quoted', '09moscow521']);
  });
});
