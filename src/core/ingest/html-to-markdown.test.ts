import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown.js';
import { scanHtml } from './html-text-scanner.js';
import { removeInlineBlobs } from './remove-inline-blobs.js';

// These run the HTML code in-process (no worker), to pin down its behaviour and its cost.

describe('htmlToMarkdown', () => {
  const cases: Array<{ name: string; html: string; text: string; title?: string }> = [
    {
      name: 'blocks become paragraphs, <br> a line break, inline markup is plain text',
      html: '<body><h2>Head</h2><p>One <b>bold</b> <i>word</i>.<br>Next line</p><div>Block</div>Loose text</body>',
      text: '## Head\n\nOne bold word.\nNext line\n\nBlock\n\nLoose text',
    },
    {
      name: 'lists become "-" items, tables pipe tables with a header row',
      html: '<ul><li>first<li>second</ul><table><tr><th>Name</th><th>Knots</th></tr><tr><td>Reef</td><td>2</td></tr></table>',
      text: '- first\n- second\n\n| Name | Knots |\n| --- | --- |\n| Reef | 2 |',
    },
    {
      name: 'preformatted text is a fenced block that keeps its spacing',
      html: '<p>Code:</p><pre>  if (x) {\n    y();\n  }</pre>',
      text: 'Code:\n\n```\n  if (x) {\n    y();\n  }\n```',
    },
    {
      name: 'hidden: [hidden], aria-hidden, display:none, visibility:hidden, <template>, <noscript>',
      html:
        '<p>shown</p><p hidden>a</p><div aria-hidden="true">b</div><span style="color:red; display : none">c</span>' +
        '<div style="visibility:hidden">d</div><template><p>e</p></template><noscript>f</noscript><p>end</p>',
      text: 'shown\n\nend',
    },
    {
      name: 'an unclosed hidden <p> ends at the next block, an unclosed hidden <li> at its sibling',
      html: '<p hidden>secret<p>visible<ul><li hidden>gone<li>kept</ul>',
      text: 'visible\n\n- kept',
    },
    {
      name: 'the page header is dropped, an article header is kept',
      html: '<header>Site</header><article><header><h1>Story</h1></header><p>Body.</p></article>',
      text: '# Story\n\nBody.',
      title: 'Story',
    },
    {
      name: 'entities decoded, &nbsp; becomes a space, "<" in text survives',
      html: '<p>caf&eacute; &amp; cr&#xE8;me&nbsp;br&ucirc;l&eacute;e, 1 &lt; 2 and 3 < 4</p>',
      text: 'café & crème brûlée, 1 < 2 and 3 < 4',
    },
    {
      name: 'comments, doctype, processing instructions and CDATA are not text',
      html: '<!doctype html><?xml version="1.0"?><!-- hidden <p>comment</p> --><p>visible</p>',
      text: 'visible',
    },
    {
      name: '"</p>" inside a script does not end anything',
      html: '<p>a</p><script>document.write("</p><p>INJECTED")</script><p>b</p>',
      text: 'a\n\nb',
    },
    {
      name: 'title: og:title first',
      html: '<head><title>Page | Site</title><meta property="og:title" content="The Page"></head><h1>Heading</h1><p>x</p>',
      text: '# Heading\n\nx',
      title: 'The Page',
    },
    {
      name: 'title: <title> next, whitespace collapsed, entities decoded',
      html: '<head><title>\n  Fish &amp;\n Chips </title></head><h1>Heading</h1><p>x</p>',
      text: '# Heading\n\nx',
      title: 'Fish & Chips',
    },
    { name: 'title: first <h1> last', html: '<h1>Only <em>heading</em></h1><p>x</p>', text: '# Only heading\n\nx', title: 'Only heading' },
  ];

  test.each(cases)('$name', ({ html, text, title }) => {
    expect(htmlToMarkdown(html)).toEqual({ text, ...(title ? { title } : {}) });
  });

  test('a long article is taken from Readability, without the surrounding lists of links', () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i} of the story, long enough to look like prose, with commas, clauses, and more words.</p>`);
    const html =
      `<html><body><div class="sidebar"><ul>${'<li><a href="/x">Link to elsewhere</a></li>'.repeat(5)}</ul></div>` +
      `<div class="content"><h2>Story</h2>${paragraphs.join('')}</div></body></html>`;
    const { text } = htmlToMarkdown(html);
    expect(text).toContain('Paragraph 0 of the story');
    expect(text).toContain('Paragraph 7 of the story');
    expect(text).not.toContain('Link to elsewhere');
  });

  test("Readability's article keeps h1 as \"#\" (Readability renames it h2) and the language of code", () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i} of the manual, long enough to look like prose, with commas, clauses, and more words.</p>`);
    const html =
      `<html><body><div class="sidebar"><ul>${'<li><a href="/x">Link to elsewhere</a></li>'.repeat(5)}</ul></div>` +
      `<div class="content"><h1>Setup</h1>${paragraphs.join('')}<h2>Install</h2><pre><code class="language-sh">npm install\nnpm test</code></pre></div></body></html>`;
    const { text } = htmlToMarkdown(html);
    expect(text).toMatch(/^# Setup$/m);
    expect(text).toMatch(/^## Install$/m);
    expect(text).toContain('```sh\nnpm install\nnpm test\n```');
    expect(text).not.toContain('Link to elsewhere');
  });
});

describe('htmlToMarkdown keeps the structure as Markdown', () => {
  const cases: Array<{ name: string; html: string; text: string }> = [
    {
      name: 'h1 to h3 become "#" to "###" lines',
      html: '<h1>Guide</h1><p>Intro.</p><h2>Knots</h2><p>Tie them.</p><h3>Bowline</h3><p>A loop.</p>',
      text: '# Guide\n\nIntro.\n\n## Knots\n\nTie them.\n\n### Bowline\n\nA loop.',
    },
    {
      name: '<pre><code class="language-ts"> becomes a ts fence with the same lines, blank ones included',
      html: '<p>Example:</p><pre><code class="language-ts">const a = 1;\n\n\nif (a &lt; 2) {\n  log(a);\n}</code></pre>',
      text: 'Example:\n\n```ts\nconst a = 1;\n\n\nif (a < 2) {\n  log(a);\n}\n```',
    },
    {
      name: 'a fence is longer than any backtick run in the code',
      html: '<pre><code>use ``` to fence\n````</code></pre>',
      text: '`````\nuse ``` to fence\n````\n`````',
    },
    {
      name: 'a table becomes a pipe table: header, separator, rows padded, cells on one line, pipes escaped',
      html:
        '<table><thead><tr><th>Knot</th><th>Use</th></tr></thead><tbody>' +
        '<tr><td>Reef</td><td><p>join</p><p>two ends</p></td></tr><tr><td>a | b</td></tr></tbody></table>',
      text: '| Knot | Use |\n| --- | --- |\n| Reef | join two ends |\n| a \\| b |  |',
    },
    {
      name: 'nested lists are indented under their item; ordered lists keep their start',
      html: '<ul><li>rope<ul><li>nylon</li><li>hemp</li></ul></li><li>chain</li></ul><ol start="3"><li>three</li><li>four</li></ol>',
      text: '- rope\n  - nylon\n  - hemp\n- chain\n\n3. three\n4. four',
    },
    {
      name: 'an item with two paragraphs keeps the second under its marker',
      html: '<ol><li><p>First.</p><p>More.</p></li><li>Second.</li></ol>',
      text: '1. First.\n\n   More.\n2. Second.',
    },
    {
      name: 'a block quote is prefixed with ">"',
      html: '<blockquote><p>Quoted.</p><p>Again<br>and on.</p></blockquote>',
      text: '> Quoted.\n>\n> Again\n> and on.',
    },
    {
      name: 'links keep their label, images are dropped',
      html: '<p>See <a href="https://example.com/guide">the guide</a> <img src="x.png" alt="a picture">now.</p>',
      text: 'See the guide now.',
    },
  ];

  test.each(cases)('$name', ({ html, text }) => {
    expect(htmlToMarkdown(`<html><body>${html}</body></html>`).text).toBe(text);
  });
});

describe('htmlToMarkdown escapes literal text so it reads back as the same text', () => {
  // Each escaped form was checked against micromark with GFM (mdast-util-from-markdown): it parses
  // back to the literal text, as one paragraph (or one cell).
  const cases: Array<{ name: string; html: string; text: string }> = [
    { name: 'emphasis markers', html: '<p>*stars* and _x_ but snake_case</p>', text: '\\*stars\\* and \\_x\\_ but snake_case' },
    { name: 'a "#" at a line start', html: '<p># not heading</p>', text: '\\# not heading' },
    { name: 'an ordered-list marker at a line start', html: '<p>1. not list<br>2) nor this</p>', text: '1\\. not list\n2\\) nor this' },
    { name: 'bullets, quotes and setext underlines at a line start', html: '<p>- a<br>+ b<br>&gt; c<br>---<br>===</p>', text: '\\- a\n\\+ b\n\\> c\n\\---\n\\===' },
    { name: 'link brackets, code ticks, tildes and backslashes', html: '<p>[x](y) `z` ~w~ a\\b</p>', text: '\\[x\\](y) \\`z\\` \\~w\\~ a\\\\b' },
    { name: 'HTML-looking text and character references', html: '<p>&lt;b&gt; 1 &lt; 2 &amp;amp; AT&amp;T</p>', text: '\\<b> 1 < 2 \\&amp; AT&T' },
    { name: 'a pipe in a table cell', html: '<table><tr><th>h</th></tr><tr><td>a | b</td></tr></table>', text: '| h |\n| --- |\n| a \\| b |' },
    { name: 'trailing "#" in a heading', html: '<h2>Issue #</h2><p>x</p>', text: '## Issue \\#\n\nx' },
  ];

  test.each(cases)('$name', ({ html, text }) => {
    expect(htmlToMarkdown(`<html><body>${html}</body></html>`).text).toBe(text);
  });
});

describe('htmlToMarkdown on pages too deep for Readability', () => {
  test('the linear scanner still yields headings, escaped paragraphs and fenced preformatted text', () => {
    const deep = '<div>'.repeat(300);
    const html = `<html><body>${deep}<h2>Deep #1</h2><p>1. *text*</p><pre>a\n  b</pre>${'</div>'.repeat(300)}</body></html>`;
    expect(htmlToMarkdown(html).text).toBe('## Deep #1\n\n1\\. \\*text\\*\n\n```\na\n  b\n```');
  });
});

describe('htmlToMarkdown stays linear on hostile markup', () => {
  const MB = 1024 * 1024;
  const cases: Array<{ name: string; html: string; contains?: string }> = [
    { name: '5 MB data: URI in an attribute', html: `<p>a</p><img src="data:image/png;base64,${'A'.repeat(5 * MB)}"><p>b</p>`, contains: 'a\n\nb' },
    { name: '5 MB unterminated attribute', html: `<p>a</p><img src="${'A'.repeat(5 * MB)}`, contains: 'a' },
    { name: '200,000 nested <div>', html: `${'<div>'.repeat(200_000)}deep${'</div>'.repeat(200_000)}`, contains: 'deep' },
    { name: '300,000 unclosed inline tags', html: `${'<b>x '.repeat(300_000)}`, contains: 'x x x' },
    { name: '300,000 unclosed <script>', html: `<p>ok</p>${'<script>'.repeat(300_000)}`, contains: 'ok' },
    { name: '300,000 "<a \\"" fragments', html: `<p>ok</p>${'<a "'.repeat(300_000)}`, contains: 'ok' },
    { name: '300,000 comment openers', html: `<p>ok</p>${'<!--'.repeat(300_000)}`, contains: 'ok' },
  ];

  test.each(cases)('$name', ({ html, contains }) => {
    const started = performance.now();
    const { text } = htmlToMarkdown(html);
    expect(performance.now() - started).toBeLessThan(5_000);
    if (contains !== undefined) expect(text).toContain(contains);
  });

  test('50,000 flat paragraphs go through Readability in linear time', () => {
    const html = `<html><body>${Array.from({ length: 50_000 }, (_, i) => `<p>Paragraph ${i} with a few words.</p>`).join('')}</body></html>`;
    const started = performance.now();
    const { text } = htmlToMarkdown(html);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(text.split('\n\n')).toHaveLength(50_000);
  });

  test('the scanner reports depth and element count, which keep deep pages away from Readability', () => {
    expect(scanHtml('<div><div><p>x<p>y</div></div><img><br>')).toMatchObject({ maxDepth: 2, elementCount: 6 });
    expect(scanHtml('<div>'.repeat(1000)).maxDepth).toBe(1000);
  });
});

describe('removeInlineBlobs', () => {
  test.each([
    { name: 'keeps prose and short tokens', input: 'a sha256 of 0123456789abcdef0123456789abcdef stays', output: 'a sha256 of 0123456789abcdef0123456789abcdef stays' },
    { name: 'drops a long base64 run and its data: prefix', input: `x data:image/png;base64,${'QUJD'.repeat(300)} y`, output: 'x  y' },
    { name: 'drops a bare long run', input: `x ${'A'.repeat(1000)} y`, output: 'x  y' },
    { name: 'keeps a run just under the threshold', input: `x ${'A'.repeat(999)} y`, output: `x ${'A'.repeat(999)} y` },
  ])('$name', ({ input, output }) => {
    expect(removeInlineBlobs(input)).toBe(output);
  });

  test('is linear on many runs just under the threshold', () => {
    const input = `${'A'.repeat(999)} `.repeat(10_000);
    const started = performance.now();
    expect(removeInlineBlobs(input)).toBe(input);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
