import { describe, expect, it } from 'vitest';
import { splitMarkdownPassages } from './split-markdown-passages.js';

const split = (markdown: string, maxChars = 1000) => splitMarkdownPassages('doc', markdown, { maxChars });
const texts = (markdown: string, maxChars = 1000): string[] => split(markdown, maxChars).map((passage) => passage.text);

describe('splitMarkdownPassages', () => {
  it('cuts on headings and names each passage by its heading path, without repeating headings', () => {
    const passages = split('# Bot\n\nIntro.\n\n## Slash commands\n\nA.\n\n### Deferred responses\n\nB.\n\n## Events\n\nC.');
    expect(passages.map((passage) => [passage.section, passage.text])).toEqual([
      [undefined, 'Intro.'],
      ['Slash commands', 'A.'],
      ['Slash commands › Deferred responses', 'B.'],
      ['Events', 'C.'],
    ]);
  });

  it.each([
    ['blocks separated by a blank line', 'One\nline.\n\nTwo.', ['One line.\n\nTwo.']],
    ['a code block fenced with its lang', 'Run:\n\n```sh\nnpm i\nnpm t\n```', ['Run:\n\n```sh\nnpm i\nnpm t\n```']],
    ['a code block without lang', '```\nx\n```', ['```\nx\n```']],
    ['list items one per line', 'Steps:\n\n- a\n- b', ['Steps:\n\n• a\n• b']],
    ['table rows one per line', '| K | V |\n|---|---|\n| a | 1 |\n| b | 2 |', ['K: a · V: 1\nK: b · V: 2']],
    ['a container label leading its content', '::: tip Title\nBody.\n:::', ['Tip: Title\n\nBody.']],
    ['no container markers inside a list item', '- One.\n\n    :::tip\n    Body.\n    :::\n\n- Two.', ['• One.\n  Body.\n• Two.']],
    ['no front matter', '---\ntitle: T\ndescription: D\n---\n\nBody.', ['Body.']],
    [
      'no MDX imports, exports or comments, but the text inside components',
      "import Tabs from '@theme/Tabs';\nimport '../styles.css';\n\nexport const meta = {\n  sidebar: 2,\n};\n\n<Tabs>\n<TabItem value=\"npm\">\n\nRun the installer.\n\n</TabItem>\n</Tabs>\n\n{/* TODO: screenshots */}\n\n<Note>Never run it as root.</Note>",
      ['Run the installer.\n\nNever run it as root.'],
    ],
    ['prose that starts like an import', "Import the theme from 'vite' and export your config from one file.", ["Import the theme from 'vite' and export your config from one file."]],
  ])('writes %s', (_, markdown, expected) => {
    expect(texts(markdown)).toEqual(expected);
  });

  it('yields nothing for a document with no text blocks', () => {
    expect(split('---\ntitle: T\n---\n# T\n\n## A\n\n### B\n')).toEqual([]);
    expect(split('')).toEqual([]);
    expect(split('<!-- only a comment -->\n\n<style>a{}</style>')).toEqual([]);
  });

  it('cites the original lines and block ordinals of each passage', () => {
    const passages = split('---\ntitle: T\n---\n\n## A\n\nOne\ntwo.\n\n## B\n\n```js\nx()\n```');
    expect(passages.map((p) => [p.id, p.lineStart, p.lineEnd, p.paragraphStart, p.paragraphEnd])).toEqual([
      ['doc#p1', 7, 8, 1, 1],
      ['doc#p2', 12, 14, 2, 2],
    ]);
  });

  it('keeps a code block whole when it fits, even if the passage before it is cut', () => {
    const prose = 'Word '.repeat(30).trim() + '.';
    const code = Array.from({ length: 8 }, (_, i) => `line${i}()`).join('\n');
    const passages = texts(`${prose}\n\n\`\`\`js\n${code}\n\`\`\``, 150);
    expect(passages).toContain(`\`\`\`js\n${code}\n\`\`\``);
  });

  it('cuts a code block over the bound on line boundaries, each part fenced', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `const value${i} = ${i};`);
    const passages = split(`\`\`\`ts\n${lines.join('\n')}\n\`\`\``, 200);
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(200);
      expect(passage.text).toMatch(/^```ts\n[\s\S]*\n```$/u);
    }
    const code = passages.map((passage) => passage.text.slice(6, -4)).join('\n');
    expect(code).toBe(lines.join('\n'));
    expect(passages[1]?.lineStart).toBe((passages[0]?.lineEnd ?? 0) + 1);
  });

  it('cuts a code block into parts of about equal length, never ending in a runt of a line or two', () => {
    // 21 lines of 19 characters: filled to the bound, the last part would hold the closing brace alone.
    const lines = [...Array.from({ length: 20 }, (_, i) => `  handle(${String(i).padStart(2, '0')}, event);`), '};'];
    const passages = texts(`# Handler\n\n\`\`\`js\n${lines.join('\n')}\n\`\`\``, 200);
    expect(passages.length).toBe(3);
    const lengths = passages.map((text) => text.length);
    expect(Math.min(...lengths)).toBeGreaterThan(Math.max(...lengths) / 2);
    expect(passages.map((text) => text.slice(6, -4)).join('\n')).toBe(lines.join('\n'));
  });

  it('keeps a list with the sentence that introduces it', () => {
    const before = 'Filler sentence here. '.repeat(6).trim();
    const items = Array.from({ length: 5 }, (_, i) => `- item number ${i}`).join('\n');
    const passages = texts(`${before}\n\nYou can choose:\n\n${items}`, 200);
    const withList = passages.find((text) => text.includes('• item number 0'));
    expect(withList).toContain('You can choose:\n\n• item number 0');
  });

  it('keeps code with the sentence that introduces it with a colon', () => {
    const before = 'Filler sentence here. '.repeat(5).trim();
    const code = '```sh\nnpm install pako --save-exact\nnpm install pako-cli --global\nnpx pako --version && npx pako --help\nnpx pako deflate ./file.txt --level 9 --out ./file.gz\n```';
    const passages = texts(`${before}\n\nInstall it from npm:\n\n${code}`, 200);
    expect(passages.find((text) => text.includes('npm install pako'))).toContain('Install it from npm:\n\n```sh');
  });

  it('cuts a long list between items', () => {
    const items = Array.from({ length: 30 }, (_, i) => `- item number ${i} is here`).join('\n');
    for (const text of texts(items, 120)) {
      expect(text.length).toBeLessThanOrEqual(120);
      expect(text.split('\n').every((line) => line.startsWith('• item number'))).toBe(true);
    }
  });

  it('cuts a long paragraph between sentences, then words', () => {
    const sentence = 'This sentence has exactly seven words. ';
    const passages = texts(sentence.repeat(20), 100);
    for (const text of passages) expect(text.length).toBeLessThanOrEqual(100);
    expect(passages[0]).toMatch(/words\.$/u);
    const long = texts('word '.repeat(100), 50);
    expect(long.every((text) => text.length <= 50 && /^word( word)*$/u.test(text))).toBe(true);
  });

  it('reads a changelog of a thousand one-line items with no blank line between them as Markdown', () => {
    const items = Array.from({ length: 1500 }, (_, i) => `* Fix the **parser** for case ${i}. PR [#${i}](https://example.com/pull/${i}) by [@dev](https://example.com/dev).`);
    const markdown = `# Release Notes\n\n## 0.2.0\n\n### Fixes\n\n${items.join('\n')}\n\n## 0.1.0\n\nFirst release.`;
    expect(markdown.length).toBeGreaterThan(100_000);
    const passages = split(markdown, 1000);
    expect(passages[0]!.section).toBe('0.2.0 › Fixes');
    expect(passages[0]!.text).toMatch(/^• Fix the parser for case 0\. PR #0 by @dev\./);
    expect(passages[passages.length - 1]).toMatchObject({ section: '0.1.0', text: 'First release.' });
  });

  it('gives the same passages and ids for the same input', () => {
    const markdown = '# T\n\n## A\n\n' + 'Some text here. '.repeat(200) + '\n\n```js\nx()\n```';
    expect(split(markdown, 300)).toEqual(split(markdown, 300));
  });
});
