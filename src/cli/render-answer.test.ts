import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../core/answer/answer.js';
import { renderAnswerText } from './render-answer.js';

const ANSI = /\u001b\[/;
const HIGHLIGHT = 'The keeper lit the lamp at dusk and logged the fog signal every hour until the morning boat came in.';

const citation = (over: Partial<Citation> = {}): Citation => ({
  rank: 1,
  score: 3.2,
  scope: 'global',
  docId: 'lighthouse-keeping',
  passageId: 'lighthouse-keeping#1',
  title: 'Lighthouse keeping',
  location: 'paragraph 1, lines 1–2',
  paragraphStart: 1,
  paragraphEnd: 1,
  lineStart: 1,
  lineEnd: 2,
  text: HIGHLIGHT,
  highlight: HIGHLIGHT,
  highlightStart: 0,
  ...over,
});

const answer = (matched: { passages: number; documents: number }, results = [citation()]): Answer => ({
  kind: 'answer',
  query: 'When was the lamp lit?',
  results,
  related: [],
  matched,
  tookMs: 1.5,
});

describe('renderAnswerText', () => {
  it('says "1 matching passage from 1 document" in the footer', () => {
    expect(renderAnswerText(answer({ passages: 1, documents: 1 }))).toMatch(/^1 of 1 matching passage from 1 document · 1\.5 ms$/m);
  });

  it('says which typed words it read as others, in the footer and with a no-match', () => {
    const readAs = [{ typed: 'lmap', read: 'lamp' }];
    expect(renderAnswerText({ ...(answer({ passages: 1, documents: 1 }) as Extract<Answer, { kind: 'answer' }>), readAs })).toMatch(/^1 of 1 matching passage from 1 document · read “lmap” as “lamp” · 1\.5 ms$/m);
    expect(renderAnswerText({ kind: 'no-match', query: 'lmap oil', readAs, related: [], tookMs: 1 })).toContain('(I read “lmap” as “lamp”.)');
    expect(renderAnswerText(answer({ passages: 1, documents: 1 }))).not.toContain('read “');
  });

  it('uses plurals for any other count', () => {
    expect(renderAnswerText(answer({ passages: 7, documents: 2 }))).toMatch(/^1 of 7 matching passages from 2 documents · /m);
  });

  it('keeps every line within the given width, the quote indented under its citation', () => {
    const text = renderAnswerText(answer({ passages: 12, documents: 3 }), { width: 40 });
    const lines = text.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    const quote = lines.findIndex((line) => line.startsWith('    “The keeper'));
    expect(quote).toBeGreaterThan(0);
    expect(lines[quote + 1]).toMatch(/^ {5}\S/);
    // Wrapping only moves line breaks: the words of the highlight are all there, in order.
    expect(text.replace(/\s+/g, ' ')).toContain(HIGHLIGHT.replace(/\.$/, ''));
  });

  it('leaves lines unwrapped without a width (a pipe or a file)', () => {
    expect(renderAnswerText(answer({ passages: 1, documents: 1 }))).toContain(`    “${HIGHLIGHT}”`);
  });

  it('shows the highlight in bold where colour is allowed, and never an escape code otherwise', () => {
    const bold = renderAnswerText(answer({ passages: 1, documents: 1 }), { width: 40, color: true });
    const lines = bold.split('\n');
    const quote = lines.slice(lines.findIndex((line) => line.includes('“')), lines.findIndex((line) => line.includes('”')) + 1);
    expect(quote.length).toBeGreaterThan(1);
    for (const line of quote) expect(line).toMatch(/^ {4,5}\u001b\[1m[^\u001b]+\u001b\[22m$/);
    expect(lines.filter((line) => !quote.includes(line)).join('\n')).not.toMatch(ANSI);
    expect(renderAnswerText(answer({ passages: 1, documents: 1 }), { width: 40, color: false })).not.toMatch(ANSI);
  });

  it('keeps a code block line for line, however narrow the terminal', () => {
    const text = 'Run this:\n\n```sh\nnpm install --save-exact footnote-with-a-very-long-package-name\n```\n';
    const at = text.indexOf('npm');
    const code = citation({ text, highlight: 'npm install --save-exact footnote-with-a-very-long-package-name', highlightStart: at });
    const rendered = renderAnswerText(answer({ passages: 1, documents: 1 }, [code]), { width: 30 });
    expect(rendered).toContain('    npm install --save-exact footnote-with-a-very-long-package-name');
  });

  it('shows the code a highlight introduces with a colon, and no code after one that does not', () => {
    const text = 'Install:\n\nnode.js:\n\n```sh\nnpm install pako\n```\n\nThen import it. It is fast.\n\n```js\nimport pako from "pako"\n```';
    const introducing = renderAnswerText(answer({ passages: 1, documents: 1 }, [citation({ text, highlight: 'Install:', highlightStart: 0 })]));
    expect(introducing.split('\n').slice(1, 4)).toEqual(['    “Install:”', '    sh:', '    npm install pako']);
    const plain = renderAnswerText(answer({ passages: 1, documents: 1 }, [citation({ text, highlight: 'Then import it.', highlightStart: text.indexOf('Then') })]));
    expect(plain).not.toContain('import pako');
  });

  it('quotes a highlight of two paragraphs as one indented quote, in a pipe too', () => {
    const text = 'Option 3: A tiny wrapper file\n\nCreate load-env.mjs:';
    const rendered = renderAnswerText(answer({ passages: 1, documents: 1 }, [citation({ text, highlight: text, highlightStart: 0 })]));
    expect(rendered.split('\n')[1]).toBe('    “Option 3: A tiny wrapper file Create load-env.mjs:”');
  });
});
