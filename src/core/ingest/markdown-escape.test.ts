import { describe, expect, test } from 'vitest';
import { escapeHeadingEnd, escapeInline, escapeLineStart, fencedCode } from './markdown-escape.js';
import { pipeTable } from './markdown-table.js';

describe('escapeInline', () => {
  test.each([
    { text: 'plain words, 3 > 2', escaped: 'plain words, 3 > 2' },
    { text: '*a* **b** `c` [d](e) ~f~ \\', escaped: '\\*a\\* \\*\\*b\\*\\* \\`c\\` \\[d\\](e) \\~f\\~ \\\\' },
    { text: '_x_ snake_case __init__', escaped: '\\_x\\_ snake_case \\_\\_init\\_\\_' },
    { text: '<b> <!-- </a> 1 < 2 <', escaped: '\\<b> \\<!-- \\</a> 1 < 2 \\<' },
    { text: '&amp; &#35; &x AT&T &', escaped: '\\&amp; \\&#35; &x AT&T \\&' },
    { text: 'a | b', escaped: 'a \\| b' },
  ])('$text', ({ text, escaped }) => {
    expect(escapeInline(text)).toBe(escaped);
  });
});

describe('escapeLineStart', () => {
  test.each([
    { line: '# h', escaped: '\\# h' },
    { line: '###### h', escaped: '\\###### h' },
    { line: '#hashtag', escaped: '#hashtag' },
    { line: '####### seven', escaped: '####### seven' },
    { line: '> q', escaped: '\\> q' },
    { line: '- item', escaped: '\\- item' },
    { line: '+ item', escaped: '\\+ item' },
    { line: '-5 degrees', escaped: '-5 degrees' },
    { line: '---', escaped: '\\---' },
    { line: '- - -', escaped: '\\- - -' },
    { line: '==', escaped: '\\==' },
    { line: ':---', escaped: '\\:---' },
    { line: '---:', escaped: '\\---:' },
    { line: '1. one', escaped: '1\\. one' },
    { line: '12) twelve', escaped: '12\\) twelve' },
    { line: '1.5 litres', escaped: '1.5 litres' },
    { line: '2024. A year', escaped: '2024\\. A year' },
  ])('$line', ({ line, escaped }) => {
    expect(escapeLineStart(line)).toBe(escaped);
  });

  test('trailing "#"s of a heading are escaped, one by one', () => {
    expect(escapeHeadingEnd('Issue ##')).toBe('Issue \\#\\#');
    expect(escapeHeadingEnd('C# basics')).toBe('C# basics');
  });
});

describe('fencedCode and pipeTable', () => {
  test.each([
    { code: 'x = 1', language: 'py', block: '```py\nx = 1\n```' },
    { code: 'a ``` b', language: undefined, block: '````\na ``` b\n````' },
    { code: 'x', language: 'c++ `bad`', block: '```c++bad\nx\n```' },
  ])('fences $code', ({ code, language, block }) => {
    expect(fencedCode(code, language)).toBe(block);
  });

  test('the first row is the header, short rows are padded, empty rows dropped', () => {
    expect(pipeTable([['a', 'b'], ['', ''], ['c']])).toBe('| a | b |\n| --- | --- |\n| c |  |');
    expect(pipeTable([['', '']])).toBe('');
  });
});
