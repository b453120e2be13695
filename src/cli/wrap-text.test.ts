import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap-text.js';

describe('wrapText', () => {
  it.each([
    ['breaks at spaces', 'one two three four', 9, '', '', ['one two', 'three', 'four']],
    ['keeps a line that fits', 'one two', 20, '', '', ['one two']],
    ['prefixes the first line and the rest', 'alpha beta gamma', 12, '  - ', '    ', ['  - alpha', '    beta', '    gamma']],
    ['splits a word longer than a line', 'abcdefghij', 4, '', '', ['abcd', 'efgh', 'ij']],
    ['collapses runs of white space', 'a  b\n c', 10, '', '', ['a b c']],
    ['keeps an empty text as one (indented) line', '', 10, '> ', '> ', ['> ']],
  ])('%s', (_, text, width, indent, hanging, expected) => {
    expect(wrapText(text, width, indent, hanging)).toEqual(expected);
  });

  it('returns the text on one line without a width', () => {
    expect(wrapText('a long line that would wrap', undefined, '    ')).toEqual(['    a long line that would wrap']);
  });
});
