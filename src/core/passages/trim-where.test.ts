import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charClass, trimWhere } from './trim-where.js';

// The classes the passage splitter trims with, and the regular expressions they replace.
const CLASSES: Array<[name: string, one: RegExp, both: RegExp, end: RegExp]> = [
  ['edge punctuation', /[^\p{L}\p{N}]/u, /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, /[^\p{L}\p{N}]+$/u],
  ['space, punctuation, symbols', /[\s\p{P}\p{S}]/u, /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, /[\s\p{P}\p{S}]+$/u],
  ['closing quotes and brackets', /["'”’»)\]}]/u, /^["'”’»)\]}]+|["'”’»)\]}]+$/gu, /["'”’»)\]}]+$/u],
  ['not a letter', /\P{L}/u, /^\P{L}+|\P{L}+$/gu, /\P{L}+$/u],
];

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', 'É', '1', ')', '”', '!', '.', ' ', '\u00a0', '\n', '€', '𝐚', '\ud800', '\udc00'), maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);

describe('trimWhere', () => {
  it.each(CLASSES)('trims %s exactly as the regular expression it replaces', (_, one, both, end) => {
    const inClass = charClass(one);
    fc.assert(
      fc.property(text, (t) => {
        expect(trimWhere(t, inClass)).toBe(t.replace(both, ''));
        expect(trimWhere(t, inClass, 'end')).toBe(t.replace(end, ''));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes linear time on a million characters of the class, inside a word or at its ends', () => {
    const inClass = charClass(/[^\p{L}\p{N}]/u);
    const run = '!'.repeat(1_000_000);
    const started = performance.now();
    expect(trimWhere(`a${run}b`, inClass)).toBe(`a${run}b`);
    expect(trimWhere(`${run}a${run}`, inClass)).toBe('a');
    expect(trimWhere(`a${run}`, inClass, 'end')).toBe('a');
    // The regular expression needed 20 to 30 s for 100 KB of "a!!!…!b"; the loop reads 3 MB in well under a second.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
