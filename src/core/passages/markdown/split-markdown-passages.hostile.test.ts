import { describe, expect, it } from 'vitest';
import { readMarkdown } from './read-markdown.js';
import { splitMarkdownPassages } from './split-markdown-passages.js';

/**
 * Hostile input: each case must finish well under two seconds (the bound asserted, generous for a
 * loaded CI machine) without overflowing the stack, and still give bounded passages.
 */
const BUDGET_MS = 2000;

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

function splitFast(markdown: string, maxChars = 1000) {
  const { result, ms } = timed(() => splitMarkdownPassages('h', markdown, { maxChars }));
  expect(ms).toBeLessThan(BUDGET_MS);
  for (const passage of result) expect(passage.text.length).toBeLessThanOrEqual(maxChars);
  return result;
}

describe('splitMarkdownPassages on hostile input', () => {
  it('cuts a 5 MB single-line document full of markup', () => {
    const tokens = ['alpha', 'beta.', 'Gamma', '*em*', '`code`', '[label](https://x.y)', '**b**'];
    const line = tokens.join(' ').concat(' ').repeat(Math.ceil(5_000_000 / (tokens.join(' ').length + 1)));
    expect(line.length).toBeGreaterThanOrEqual(5_000_000);
    const passages = splitFast(line);
    expect(passages.length).toBeGreaterThan(4000);
    expect(passages.every((passage) => passage.lineStart === 1 && passage.lineEnd === 1)).toBe(true);
  });

  it('reads one-line list items full of markup, with no blank line between them, in time', () => {
    // Each item is a paragraph of its own (too-complex): the cost is linear, about 3 µs a character.
    const item = '* alpha *em* `code` [label](https://x.y) **b** _u_ beta.\n';
    const markdown = item.repeat(Math.floor(200_000 / item.length));
    const passages = splitFast(markdown);
    expect(passages.length).toBeGreaterThan(100);
    expect(passages[0]!.text).toMatch(/^• alpha em code label b u beta\./);
  });

  it('reads 100,000 lines that open a component tag and never close it, in time', () => {
    // Each looks ahead at most 40 lines for the ">" closing it.
    const passages = splitFast(`${'<Aside\n'.repeat(100_000)}\nThe end.`);
    expect(passages[passages.length - 1]!.text).toMatch(/The end\.$/);
  });

  it('reads a line of unclosed template tags in time', () => {
    // Each "{%" or "{{" opens a tag that never closes: looked for to the end of the line, 400 KB took 10 s.
    const passages = splitFast(`${'{%'.repeat(100_000)} ${'{{'.repeat(100_000)}\n\nThe {{ site.name }} end.`);
    expect(passages[passages.length - 1]!.text).toBe('The end.');
  });

  it('reads paragraphs that open like MDX imports but run on in spaces, in time', () => {
    // Each paragraph just under the size that sends a page to the plain reader (too-complex).
    const paragraph = `import a${' '.repeat(19_000)}b`;
    const passages = splitFast(Array.from({ length: 70 }, () => paragraph).concat('export const meta = { x: 1 }').join('\n\n'));
    const text = passages.map((passage) => passage.text).join(' ');
    expect(text).toMatch(/^import a\b/u);
    expect(text).not.toContain('export');
  });

  it('reads lines that open like snippet imports but run on in spaces, in time', () => {
    const line = `<<< ./a.yaml${' '.repeat(19_000)}b`;
    const passages = splitFast(Array.from({ length: 70 }, () => line).concat('<<< ./deploy.yaml#content [deploy.yml]').join('\n\n'));
    const text = passages.map((passage) => passage.text).join(' ');
    expect(text).toMatch(/^<<< \.\/a\.yaml\b/u);
    expect(text).not.toContain('deploy.yaml');
  });

  it('cuts a 5 MB single token at the bound', () => {
    const passages = splitFast('x'.repeat(5_000_000));
    expect(passages).toHaveLength(5000);
  });

  it('reads an unclosed code fence as code to the end, cut on line boundaries', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `const v${i} = ${i}; // line`);
    const passages = splitFast(`Intro.\n\n\`\`\`js\n${lines.join('\n')}`);
    expect(passages[0]?.text).toBe('Intro.');
    const parts = passages.slice(1);
    for (const part of parts) expect(part.text).toMatch(/^```js\n[^`]+\n```$/u);
    expect(parts.map((part) => part.text.slice('```js\n'.length, -'\n```'.length)).join('\n')).toBe(lines.join('\n'));
    expect(parts[parts.length - 1]?.lineEnd).toBe(lines.length + 3);
  });

  it('cuts a single over-long line in an unclosed fence at the bound', () => {
    const passages = splitFast('```\n' + 'y'.repeat(300_000), 500);
    expect(passages.length).toBeGreaterThanOrEqual(600);
    expect(passages.every((passage) => /^```\ny+\n```$/u.test(passage.text))).toBe(true);
  });

  it.each([
    ['10,000 list items, each indented deeper', () => Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')],
    ['10,000 nested list markers on one line', () => `${'- '.repeat(10_000)}deep`],
    ['10,000 nested quote markers on one line', () => `${'>'.repeat(10_000)} deep`],
    ['10,000 lines of ever deeper quotes', () => Array.from({ length: 10_000 }, (_, i) => `${'>'.repeat(i + 1)} quote ${i}`).join('\n')],
    ['100,000 open brackets', () => '['.repeat(100_000)],
    ['100,000 emphasis markers', () => '*a '.repeat(33_000)],
    ['a FAQ block of 8,000 <details> entries with no blank line between', () => `<details>\n${'</details><details><summary>Why?</summary>\nBecause.\n'.repeat(8_000)}`],
    ['10,000 unclosed <details> and <summary> tags', () => `<details><summary>${'<details <summary '.repeat(10_000)}`],
    ['10,000 <h1> tags left open above the first heading', () => `<p>\n${'<h1 align="center">Title '.repeat(10_000)}\n</p>\n\n# Real\n\nText.`],
  ])('survives %s', (_, build) => {
    const markdown = build();
    const passages = splitFast(markdown);
    expect(passages.length).toBeGreaterThan(0);
  });

  it('reads deep nesting as plain paragraphs, markers left out', () => {
    const markdown = `${'>'.repeat(10_000)} deep words`;
    expect(readMarkdown(markdown).blocks.map((block) => block.text)).toEqual(['deep words']);
  });

  it('still reads front matter when it falls back to plain paragraphs', () => {
    const doc = readMarkdown(`---\ntitle: Deep\n---\n${'- '.repeat(1000)}x`);
    expect(doc.title).toBe('Deep');
    expect(doc.blocks.map((block) => [block.text, block.lineStart])).toEqual([['x', 4]]);
  });
});

describe('readMarkdown on large but ordinary input', () => {
  it('still parses a long table (rows are not one paragraph)', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `| option${i} | value number ${i} |`);
    const { result, ms } = timed(() => readMarkdown(`| Option | Value |\n| --- | --- |\n${rows.join('\n')}`));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(result.blocks[0]?.kind).toBe('table');
    expect(result.blocks[0]?.units[1499]?.text).toBe('Option: option1499 · Value: value number 1499');
  });
});
