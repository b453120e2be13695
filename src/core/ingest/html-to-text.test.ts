import { describe, expect, test } from 'vitest';
import { htmlToText } from './html-to-text.js';
import { scanHtml } from './html-text-scanner.js';
import { removeInlineBlobs } from './remove-inline-blobs.js';

// These run the HTML code in-process (no worker), to pin down its behaviour and its cost.

describe('htmlToText', () => {
  const cases: Array<{ name: string; html: string; text: string; title?: string }> = [
    {
      name: 'blocks become paragraphs, <br> a line break, inline markup joins',
      html: '<body><h2>Head</h2><p>One <b>bold</b> <i>word</i>.<br>Next line</p><div>Block</div>Loose text</body>',
      text: 'Head\n\nOne bold word.\nNext line\n\nBlock\n\nLoose text',
    },
    {
      name: 'lists and tables: items are paragraphs, a row is one line with tab-separated cells',
      html: '<ul><li>first<li>second</ul><table><tr><th>Name</th><th>Knots</th></tr><tr><td>Reef</td><td>2</td></tr></table>',
      text: 'first\n\nsecond\n\nName\tKnots\n\nReef\t2',
    },
    {
      name: 'preformatted text keeps its spacing',
      html: '<p>Code:</p><pre>  if (x) {\n    y();\n  }</pre>',
      text: 'Code:\n\n  if (x) {\n    y();\n  }',
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
      text: 'visible\n\nkept',
    },
    {
      name: 'the page header is dropped, an article header is kept',
      html: '<header>Site</header><article><header><h1>Story</h1></header><p>Body.</p></article>',
      text: 'Story\n\nBody.',
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
      text: 'Heading\n\nx',
      title: 'The Page',
    },
    {
      name: 'title: <title> next, whitespace collapsed, entities decoded',
      html: '<head><title>\n  Fish &amp;\n Chips </title></head><h1>Heading</h1><p>x</p>',
      text: 'Heading\n\nx',
      title: 'Fish & Chips',
    },
    { name: 'title: first <h1> last', html: '<h1>Only <em>heading</em></h1><p>x</p>', text: 'Only heading\n\nx', title: 'Only heading' },
  ];

  test.each(cases)('$name', ({ html, text, title }) => {
    expect(htmlToText(html)).toEqual({ text, ...(title ? { title } : {}) });
  });

  test('a long article is taken from Readability, without the surrounding lists of links', () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i} of the story, long enough to look like prose, with commas, clauses, and more words.</p>`);
    const html =
      `<html><body><div class="sidebar"><ul>${'<li><a href="/x">Link to elsewhere</a></li>'.repeat(5)}</ul></div>` +
      `<div class="content"><h2>Story</h2>${paragraphs.join('')}</div></body></html>`;
    const { text } = htmlToText(html);
    expect(text).toContain('Paragraph 0 of the story');
    expect(text).toContain('Paragraph 7 of the story');
    expect(text).not.toContain('Link to elsewhere');
  });
});

describe('htmlToText stays linear on hostile markup', () => {
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
    const { text } = htmlToText(html);
    expect(performance.now() - started).toBeLessThan(5_000);
    if (contains !== undefined) expect(text).toContain(contains);
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
