import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences.js';

function sentences(text: string): string[] {
  return splitSentences(text).map(({ start, end }) => text.slice(start, end));
}

describe('splitSentences', () => {
  it.each<[string, string, string[]]>([
    ['plain', 'It rained. Then it stopped.', ['It rained.', 'Then it stopped.']],
    [
      'U.S. before a name',
      'A spokesman for the U.S. Trade Representative spoke. He left.',
      ['A spokesman for the U.S. Trade Representative spoke.', 'He left.'],
    ],
    [
      'U.S. before lowercase',
      'Pirates outside of the U.S. are stealing billions. Before the U.S. will support it, it waits.',
      ['Pirates outside of the U.S. are stealing billions.', 'Before the U.S. will support it, it waits.'],
    ],
    ['U.S. ending a sentence', 'It is legal in the U.S. The RIAA disagrees.', ['It is legal in the U.S.', 'The RIAA disagrees.']],
    ['titles', 'Mr. Kvasov met Dr. Smith. They talked.', ['Mr. Kvasov met Dr. Smith.', 'They talked.']],
    ['St. Petersburg', 'Raids in St. Petersburg cut sales. Vendors moved.', ['Raids in St. Petersburg cut sales.', 'Vendors moved.']],
    ['month before a day', 'The date of the message is Aug. 31. Nobody knows why.', ['The date of the message is Aug. 31.', 'Nobody knows why.']],
    ['No. before a number', 'It ranked No. 5 in sales. Next year too.', ['It ranked No. 5 in sales.', 'Next year too.']],
    ['decimals and money', 'Sales hit $1.5 billion. Up 2.5%.', ['Sales hit $1.5 billion.', 'Up 2.5%.']],
    ['domain names', 'Visit allofmp3.com today. It is down.', ['Visit allofmp3.com today.', 'It is down.']],
    [
      'cable paragraph number',
      '5. In 2008, the music industry welcomed it. The film industry grew.',
      ['5. In 2008, the music industry welcomed it.', 'The film industry grew.'],
    ],
    [
      'a year ending a sentence',
      'Sales were up in 2008. In 2009 they fell.',
      ['Sales were up in 2008.', 'In 2009 they fell.'],
    ],
    ['E.O. before a number', 'E.O. 12958: N/A', ['E.O. 12958: N/A']],
    ['abbreviation before lowercase', 'The Recording Industry Assoc. of America objects. Fine.', ['The Recording Industry Assoc. of America objects.', 'Fine.']],
    ['e.g.', 'Some aspects (e.g., trademarks) improved. Others not.', ['Some aspects (e.g., trademarks) improved.', 'Others not.']],
    [
      'e.g. after an opening bracket, before a name',
      'Skilled in advanced tools (e.g. Litmus, Browser Stack, Test Rail). Others not.',
      ['Skilled in advanced tools (e.g. Litmus, Browser Stack, Test Rail).', 'Others not.'],
    ],
    ['initials', 'He read J. R. R. Tolkien. She did not.', ['He read J. R. R. Tolkien.', 'She did not.']],
    [
      'quote after the period',
      '"The labels don\'t respond." Then he hung up.',
      ['"The labels don\'t respond."', 'Then he hung up.'],
    ],
    [
      'curly quotes after the period',
      'He said: “There is no legal basis.” The RIAA disagreed.',
      ['He said: “There is no legal basis.”', 'The RIAA disagreed.'],
    ],
    [
      'quote continues the sentence',
      '"We pay royalties," Oleg Nezus of Roms told Reuters. He smiled.',
      ['"We pay royalties," Oleg Nezus of Roms told Reuters.', 'He smiled.'],
    ],
    ['question inside a quote with attribution', '"Why?" she asked. He shrugged.', ['"Why?" she asked.', 'He shrugged.']],
    ['exclamation and question', 'Really? Yes! Fine.', ['Really?', 'Yes!', 'Fine.']],
    ['ellipsis before a number', 'Currently released so far... 64621 / 251,287', ['Currently released so far... 64621 / 251,287']],
    ['paragraph break', 'Questionable status\n\nAlthough, the site looks set to relaunch.', ['Questionable status', 'Although, the site looks set to relaunch.']],
    ['no final punctuation', 'free publicity for', ['free publicity for']],
    ['whitespace runs', '  It rained.   Then  it stopped.  ', ['It rained.', 'Then  it stopped.']],
    ['empty', '   ', []],
  ])('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('returns ordered, trimmed spans that cover every non-space character', () => {
    const token = fc.oneof(
      fc.constantFrom('U.S.', 'Mr.', 'No.', 'Aug.', '5.', '$1.5', 'e.g.', 'end.', 'Why?', '"Yes."', '…', 'The', 'it'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
    );
    const text = fc.array(fc.tuple(token, fc.constantFrom(' ', '  ', '\n', '\n\n', '\t')), { maxLength: 40 }).map((parts) =>
      parts.map(([t, s]) => t + s).join(''),
    );
    fc.assert(
      fc.property(text, (input) => {
        const spans = splitSentences(input);
        let covered = '';
        let previousEnd = 0;
        for (const { start, end } of spans) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          const sentence = input.slice(start, end);
          expect(sentence).toBe(sentence.trim());
          expect(input.slice(previousEnd, start).trim()).toBe('');
          covered += sentence;
          previousEnd = end;
        }
        expect(input.slice(previousEnd).trim()).toBe('');
        expect(covered.replace(/\s+/gu, '')).toBe(input.replace(/\s+/gu, ''));
      }),
    );
  });
});

describe('splitSentences on Chinese and Japanese', () => {
  it('ends a sentence after 。！？； and their closing quotes, with no space after them', () => {
    const text = '他说：「今天下雨。」我们留在家里！真的吗？是的；明天再去。';
    const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['他说：「今天下雨。」', '我们留在家里！', '真的吗？', '是的；', '明天再去。']);
  });

  it('splits Japanese at 。', () => {
    const text = '吾輩は猫である。名前はまだ無い。';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['吾輩は猫である。', '名前はまだ無い。']);
  });
});
