import { describe, expect, test } from 'vitest';
import { joinPages, pageAtLine, pageStartLines, splitPages } from './pdf-pages.js';

describe('pdf pages', () => {
  test.each([
    { name: 'text without form feeds is not paged', text: 'one\ntwo', starts: [] },
    { name: 'two pages: the form feed line belongs to page 1', text: 'a\nb\n\f\nc', starts: [1, 4] },
    { name: 'an empty page still counts', text: 'a\n\f\n\n\f\nc', starts: [1, 3, 5] },
    { name: 'a form feed inside a line starts the page on that line', text: 'a\fb\nc', starts: [1, 1] },
    { name: 'a leading form feed line: page 1 is empty', text: '\f\nx', starts: [1, 2] },
  ])('pageStartLines: $name', ({ text, starts }) => {
    expect(pageStartLines(text)).toEqual(starts);
  });

  test.each([
    { starts: [], line: 3, page: undefined },
    { starts: [1, 4, 6], line: 1, page: 1 },
    { starts: [1, 4, 6], line: 3, page: 1 },
    { starts: [1, 4, 6], line: 4, page: 2 },
    { starts: [1, 4, 6], line: 5, page: 2 },
    { starts: [1, 4, 6], line: 99, page: 3 },
    { starts: [1, 3, 3, 5], line: 3, page: 3 },
  ])('pageAtLine($starts, $line) is $page', ({ starts, line, page }) => {
    expect(pageAtLine(starts, line)).toBe(page);
  });

  test('joinPages and splitPages round-trip, and a form feed inside a page becomes a line break', () => {
    const joined = joinPages(['one\ntwo', '', 'three\fthree b']);
    expect(joined).toBe('one\ntwo\n\f\n\n\f\nthree\nthree b');
    expect(splitPages(joined)).toEqual(['one\ntwo', '', 'three\nthree b']);
    expect(splitPages('no pages')).toEqual(['no pages']);
  });

  test('pageStartLines is linear on many form feeds without line breaks', () => {
    const text = 'x\f'.repeat(500_000);
    const started = performance.now();
    expect(pageStartLines(text)).toHaveLength(500_001);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
