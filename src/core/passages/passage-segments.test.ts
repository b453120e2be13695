import { describe, expect, it } from 'vitest';
import { passageSegments } from './passage-segments.js';

describe('passageSegments', () => {
  it.each([
    ['prose only', 'Run the server. It listens on 5173.', [['prose', 'Run the server. It listens on 5173.']]],
    [
      'prose, code, prose',
      'Install it:\n\n```sh\nnpm i vite\nnpx vite\n```\n\nThen open the page.',
      [['prose', 'Install it:\n\n'], ['code', 'npm i vite\nnpx vite', 'sh'], ['prose', '\nThen open the page.']],
    ],
    ['code alone, no language', '```\nconst a = 1;\n```', [['code', 'const a = 1;', '']]],
    ['an unclosed fence runs to the end', 'Look:\n```ts\nlet x', [['prose', 'Look:\n'], ['code', 'let x', 'ts']]],
    ['a longer fence holds a shorter one', '````md\n```js\nx\n```\n````', [['code', '```js\nx\n```', 'md']]],
  ])('%s', (_name, text, expected) => {
    const segments = passageSegments(text);
    expect(segments.map((s) => (s.kind === 'prose' ? ['prose', text.slice(s.start, s.end)] : ['code', text.slice(s.codeStart, s.codeEnd), s.lang]))).toEqual(expected);
    // The segments cover the text, in order, without gaps.
    expect(segments[0]!.start).toBe(0);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBeLessThanOrEqual(segments[i - 1]!.end + 1);
  });

  it('pairs 50,000 fence lines into 25,000 empty code blocks', () => {
    const segments = passageSegments('```\n'.repeat(50_000));
    expect(segments).toHaveLength(25_000);
    expect(segments.every((s) => s.kind === 'code')).toBe(true);
  });
});
