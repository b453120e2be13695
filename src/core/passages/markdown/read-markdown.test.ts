import { describe, expect, it } from 'vitest';
import { FootnoteError } from '../../errors.js';
import { readMarkdown } from './read-markdown.js';

const texts = (markdown: string): string[] => readMarkdown(markdown).blocks.map((block) => block.text);

describe('readMarkdown', () => {
  describe('reads blocks as a reader sees them', () => {
    it.each([
      ['joins the wrapped lines of a paragraph', 'One line\nwrapped here\nand here.', ['One line wrapped here and here.']],
      ['keeps a wrapped line starting with a digit in its paragraph', 'It was released in\n2024. It is fast.', ['It was released in 2024. It is fast.']],
      ['keeps a wrapped line starting with a list-like number in its paragraph', 'The limit is\n10) per request.', ['The limit is 10) per request.']],
      ['removes emphasis, strong and code marks', 'Use *this* and **that** with `npm i`.', ['Use this and that with npm i.']],
      ['keeps a link label and drops its URL', 'See [the guide](https://example.com/guide "Guide") now.', ['See the guide now.']],
      ['drops an autolink whose label is its URL', 'Visit <https://example.com> today.', ['Visit today.']],
      ['reads an image as its alt text', 'A ![diagram of the flow](flow.png) here.', ['A diagram of the flow here.']],
      ['reads a reference link by its label', 'See [docs][d].\n\n[d]: https://example.com/docs', ['See docs.']],
      ['drops HTML comments, even across blank lines', 'Before.\n\n<!-- a\n\nhidden\n\ncomment -->\n\nAfter.', ['Before.', 'After.']],
      ['drops script blocks with blank lines inside', 'A.\n\n<script setup>\nimport x from "y"\n\nconst z = 1\n</script>\n\nB.', ['A.', 'B.']],
      ['drops style blocks with blank lines inside', 'A.\n\n<style scoped>\n.a { color: red }\n\n.b { color: blue }\n</style>\n\nB.', ['A.', 'B.']],
      ['reads a component by its text attribute', 'Option <Badge type="warning" text="experimental"/> here.', ['Option experimental here.']],
      ['reads a link component by its anchor', 'See <DocsLink path="guide/api-hmr#hot-accept"/>.', ['See hot accept.']],
      ['reads a link component by its last path segment', 'See <DocsLink path="/guide/static-deploy"/>.', ['See static deploy.']],
      ['keeps the inner text of unknown tags', 'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>Done.', ['Press Ctrl+C. Done.']],
      ['reads an HTML block as text', '<div class="note">\n  <p>Careful &amp; <em>slow</em></p>\n</div>', ['Careful & slow']],
      ['drops template interpolations in HTML', '<div>{{ dep.name }} Repo</div>', ['Repo']],
      ['writes list items one per line, nested two spaces in', '- one\n- two\n  - two a\n  - two b\n- three', ['• one\n• two\n  • two a\n  • two b\n• three']],
      ['writes ordered list items with bullets too', '1. first\n2. second', ['• first\n• second']],
      ['reads block quotes as ordinary blocks', '> Quoted *text*\n> continues.', ['Quoted text continues.']],
      ['drops thematic breaks and definitions', 'A.\n\n---\n\n[x]: https://x.y\n\nB.', ['A.', 'B.']],
      // Static site generators fill these in: they are no words of the page.
      ['keeps the label of a link whose target is a template tag', 'See [Overtime and comp time]({% page "/travel/overtime/" %}): Yes.', ['See Overtime and comp time: Yes.']],
      ['drops template tags and what a comment tag encloses', 'A {{ site.name }} page.\n\n{% image "a.png" "alt" %}\n\n{% comment %}\nTODO: hide\n{% endcomment %}\n\nB {{< ref "x" >}} here.', ['A page.', 'B here.']],
      ['drops footnote references and reads a footnote by its text', 'Pins the version[^1] in CI.\n\n[^1]: Since v2.', ['Pins the version in CI.', 'Since v2.']],
      ['drops the boxes of a task list', '- [ ] write docs\n- [x] ship it', ['• write docs\n• ship it']],
      ['drops heading ids and attribute lists', 'Keep notes in a shared doc. {#google-doc}\n\nA tip.\n{: .note}', ['Keep notes in a shared doc.', 'A tip.']],
      ['drops a template tag written over several lines', '{% include "step-indicator.html"\nsteps: travel-steps.steps\nhide_steps: step_indicator.hide_steps %}\n\nNow for the fun part! {% page "/x/" %}', ['Now for the fun part!']],
      ['keeps the words after a "{%" that no tag closes before a blank line', 'Type {% to open\na tag.\n\nThen %} closes it.', ['Type {% to open a tag.', 'Then %} closes it.']],
      ['keeps template tags in code', 'Use `{% raw %}` to escape.\n\n```liquid\n{% if a %}b{% endif %}\n```', ['Use {% raw %} to escape.', '{% if a %}b{% endif %}']],
    ])('%s', (_, markdown, expected) => {
      expect(texts(markdown)).toEqual(expected);
    });
  });

  describe('reads tables as rows', () => {
    it.each([
      ['pairs each cell with its header', '| Option | Default |\n| --- | --- |\n| base | `/` |\n| mode | dev |', ['Option: base · Default: /\nOption: mode · Default: dev']],
      ['joins plain cells when there is no header text', '| | |\n| - | - |\n| a | b |', ['a · b']],
      ['leaves empty cells out', '| A | B |\n| - | - |\n| x | |', ['A: x']],
      ['reads a table with no body as its header', '| A | B |\n| - | - |', ['A · B']],
    ])('%s', (_, markdown, expected) => {
      expect(texts(markdown)).toEqual(expected);
      expect(readMarkdown(markdown).blocks[0]?.kind).toBe('table');
    });
  });

  describe('reads an HTML table pasted into Markdown as rows', () => {
    const table = (header: string) =>
      `Channels:\n\n<table>\n  <tr>\n   ${header}\n  </tr>\n  <tr>\n   <td>#team-ops\n   </td>\n   <td>All <em>Operations</em>\n   </td>\n  </tr>\n  <tr>\n   <td>#payroll</td><td>Payroll &amp; People</td>\n  </tr>\n</table>\n\nAfter.`;

    it.each([
      ['a <th> header row', '<th>Channel</th><th>Members</th>'],
      ['an all-bold first row', '<td><strong>Channel</strong>\n   </td>\n   <td><strong>Members</strong></td>'],
    ])('pairs each cell with its header, from %s', (_, header) => {
      const markdown = table(header);
      const document = readMarkdown(markdown);
      const lineOf = (text: string) => markdown.slice(0, markdown.indexOf(text)).split('\n').length;
      expect(document.blocks.map((block) => [block.kind, block.text])).toEqual([
        ['paragraph', 'Channels:'],
        ['table', 'Channel: #team-ops · Members: All Operations\nChannel: #payroll · Members: Payroll & People'],
        ['paragraph', 'After.'],
      ]);
      // Each row cites its own line: that of its <tr>.
      expect(document.blocks[1]!.units.map((unit) => unit.marks[0]!.line)).toEqual([lineOf('#team-ops') - 1, lineOf('#payroll') - 1]);
    });

    it('joins the cells of a table with no header row, and keeps the text around it', () => {
      const markdown = '<div>Our channels\n<table><tr><td>#ops</td><td>Operations</td></tr><tr><td>#hr</td><td>People</td></tr></table>\nAsk in either.</div>';
      expect(texts(markdown)).toEqual(['Our channels\n#ops · Operations\n#hr · People\nAsk in either.']);
    });

    it('reads a table cut by a blank line (two HTML blocks) as text, as before', () => {
      expect(texts('<table>\n<tr><td>a</td>\n\n<td>b</td></tr>\n</table>')).toEqual(['a', 'b']);
    });
  });

  it('keeps code whole with its line breaks and the first word of its info string as lang', () => {
    const [block] = readMarkdown('Text.\n\n```ts twoslash\nconst a = 1\n\n  const b = 2\n```').blocks.slice(1);
    expect(block).toMatchObject({ kind: 'code', lang: 'ts', text: 'const a = 1\n\n  const b = 2', lineStart: 3, lineEnd: 7 });
  });

  it('reads a bracketed info string as a file title, not a lang', () => {
    expect(readMarkdown('```[.env]\nA=1\n```').blocks[0]?.lang).toBeUndefined();
  });

  it('keeps indented code whole, without a lang', () => {
    const [block] = readMarkdown('Text.\n\n    a()\n    b()').blocks.slice(1);
    expect(block).toMatchObject({ kind: 'code', text: 'a()\nb()', lineStart: 3, lineEnd: 4 });
    expect(block?.lang).toBeUndefined();
  });

  describe('containers', () => {
    it.each([
      ['labels a tip with its title', '::: tip Title\nUse **this**.\n:::', ['Tip: Title', 'Use this.']],
      ['labels a container without a title by its type', ':::warning\nCareful.\n:::', ['Warning', 'Careful.']],
      ['labels details and danger containers', '::: details Click me\nHidden.\n:::\n\n::: danger\nNo.\n:::', ['Details: Click me', 'Hidden.', 'Danger', 'No.']],
      ['parses the content of a container as Markdown', '::: info\n- a\n- b\n\n```js\nx()\n```\n:::', ['Info', '• a\n• b', 'x()']],
      ['labels nested containers', ':::: tip Outer\nA.\n\n::: warning Inner\nB.\n:::\n::::', ['Tip: Outer', 'A.', 'Warning: Inner', 'B.']],
      ['leaves markers inside code fences alone', '```md\n::: tip\nx\n:::\n```', ['::: tip\nx\n:::']],
      ['reads an unclosed container to the end', '::: tip\nA.\n\nB.', ['Tip', 'A.', 'B.']],
      ['reads a container title as plain text', '::: tip `NODE_ENV` in *.env* files\nX.\n:::', ['Tip: NODE_ENV in .env files', 'X.']],
      ['drops an empty container', 'A.\n\n::: tip\n:::\n\nB.', ['A.', 'B.']],
      // MkDocs admonitions: the content is the indented lines below the marker, prose and not code.
      ['labels an admonition and reads its indented content as Markdown', 'A.\n\n!!! warning "Back up first"\n    Take a *backup*.\n\n    - one\n    - two\n\nB.', ['A.', 'Warning: Back up first', 'Take a backup.', '• one\n• two', 'B.']],
      ['labels a GitHub alert and reads the rest of its quote', 'A.\n\n> [!WARNING]\n> Back up *first*.\n\n> Just a quote.', ['A.', 'Warning', 'Back up first.', 'Just a quote.']],
      ['reads a collapsible admonition whose content follows a blank line', '??? tip\n\n    You can run it twice.\n\nAfter.', ['Tip', 'You can run it twice.', 'After.']],
      // pymdownx blocks (FastAPI's docs): "///" markers, a title after "|".
      ['labels a pymdownx block and reads its content', 'A.\n\n/// tip | Use a venv\n\nRun *this* first.\n\n///\n\nB.', ['A.', 'Tip: Use a venv', 'Run this first.', 'B.']],
      ['closes each block with its own marker', '::: tip\nA.\n\n/// note\nB.\n///\n\nC.\n:::\n\nD.', ['Tip', 'A.', 'Note', 'B.', 'C.', 'D.']],
      // (Its tag is HTML, left out as any tag is.)
      ['leaves a TypeScript triple-slash directive as text, opening nothing', '/// <reference types="vite/client" />\n\nA.\n\n///\n\nB.', ['///', 'A.', '///', 'B.']],
    ])('%s', (_, markdown, expected) => {
      expect(texts(markdown)).toEqual(expected);
    });

    it('keeps a label with the content it introduces, at the marker line', () => {
      const [label, content] = readMarkdown('Intro.\n\n::: tip Title\nBody.\n:::').blocks.slice(1);
      expect(label).toMatchObject({ kind: 'label', lineStart: 3, keepWithNext: true });
      expect(content).toMatchObject({ text: 'Body.', lineStart: 4 });
    });
  });

  describe('pictures', () => {
    it('leaves out a paragraph of pictures only: a row of badges, a cover image', () => {
      const markdown =
        '[![npm version](https://img.shields.io/npm/v/x.svg)](https://npm.im/x) [![build status](https://ci/badge.svg)](https://ci)\n\n' +
        '![Vite 8 Announcement Cover Image](/og-image.webp)\n\nThe library parses dates.';
      expect(texts(markdown)).toEqual(['The library parses dates.']);
    });

    it('keeps an image in a sentence by its alt text', () => {
      expect(texts('Click the ![gear](gear.svg) icon to open settings.')).toEqual(['Click the gear icon to open settings.']);
    });

    it("reads a README's HTML header by its words, not its logo, badges or the links around them", () => {
      const header =
        '<p align="center">\n  <img src="logo.svg" alt="Zod logo" />\n  <h1 align="center">Zod</h1>\n  <p align="center">Schema validation</p>\n</p>\n\n' +
        '<p align="center">\n<a href="https://codeclimate.com/x/maintainability"><img src="https://img.shields.io/badge.svg"/></a>\n<a href="https://zod.dev/api">Docs</a>\n</p>';
      expect(texts(header)).toEqual(['Zod Schema validation', 'Docs']);
    });

    it('still reads a component with no inner text from its attributes', () => {
      expect(texts('Read <DocsLink path="guide/api-hmr#hot-accept"/> first.\n\n<p><Badge text="new"/> Fresh.</p>')).toEqual(['Read hot accept first.', 'new Fresh.']);
    });
  });

  describe('MDX components', () => {
    it('reads a heading right below a self-closing component as a heading, not as HTML text', () => {
      const { blocks } = readMarkdown('Intro.\n\n<IntroductionTab client:load />\n## The Stack\n\nThe stack is a set of tools.');
      expect(blocks.map((block) => [block.headingPath, block.text])).toEqual([
        [[], 'Intro.'],
        [['The Stack'], 'The stack is a set of tools.'],
      ]);
    });

    it('leaves out a component tag written over several lines, its props one per line', () => {
      const selfClosing = 'Compare the tools.\n\n<CarbonComparison\n\tlabels={{\n\t\tframework: \'Framework\',\n\t}}\n/>\n\n## More\n\nText.';
      expect(readMarkdown(selfClosing).blocks.map((block) => [block.headingPath, block.text])).toEqual([
        [[], 'Compare the tools.'],
        [['More'], 'Text.'],
      ]);
      expect(texts('Intro.\n\n<Tabs\n  groupId="pm"\n  values={[{ label: "npm", value: "npm" }]}>\n<TabItem value="npm">\n\nRun `npm i`.\n\n</TabItem>\n</Tabs>\n\nAfter.')).toEqual(['Intro.', 'Run npm i.', 'After.']);
      // A line that only looks like one, with no tag closing before the paragraph ends, is text.
      expect(texts('<Warning\nThis is prose.\n\nMore.')).toEqual(['<Warning This is prose.', 'More.']);
    });

    it('leaves lowercase HTML and the text inside opening tags to CommonMark', () => {
      expect(texts('<Tabs>\n  <TabItem value="npm">\n    Indented text.\n  </TabItem>\n</Tabs>')).toEqual(['Indented text.']);
      expect(texts('<div/>\n## Not a heading\n\nText.')).toEqual(['## Not a heading', 'Text.']);
    });

    it('drops a VitePress snippet import, in a list item too, and keeps prose that starts with "<<<"', () => {
      expect(texts('Here is the workflow:\n\n<<< ./deploy.yaml#content [.github/workflows/deploy.yml]\n\nPush to main.')).toEqual(['Here is the workflow:', 'Push to main.']);
      expect(texts('1. Create a workflow:\n\n   <<< @/snippets/deploy.yml{2-4}\n\n2. Push.')).toEqual(['• Create a workflow:\n• Push.']);
      expect(texts('<<< is how you import a snippet.')).toEqual(['<<< is how you import a snippet.']);
      // pymdownx snippets and FastAPI's includes stand for another file too.
      expect(texts('Declare it:\n\n{* ../../docs_src/query_params/tutorial001_py310.py hl[9] *}\n\n--8<-- "includes/abbreviations.md"\n\nDone.')).toEqual(['Declare it:', 'Done.']);
    });

    it('cites code lines at their own lines after blanked markers and tags', () => {
      const { blocks } = readMarkdown('::: warning Careful now\nBe careful.\n:::\n<Divider />\n\n```js\nconst a = 1;\n```');
      const code = blocks.find((block) => block.kind === 'code');
      expect(code?.units.map((unit) => unit.marks[0]?.line)).toEqual([7]);
    });
  });

  describe('headings', () => {
    it('gives each block the path of its enclosing headings, the title heading excluded', () => {
      const doc = readMarkdown('# Guide\n\nIntro.\n\n## Setup\n\nA.\n\n### Linux\n\nB.\n\n## Use\n\nC.');
      expect(doc.blocks.map((block) => [block.text, block.headingPath])).toEqual([
        ['Intro.', []],
        ['A.', ['Setup']],
        ['B.', ['Setup', 'Linux']],
        ['C.', ['Use']],
      ]);
    });

    it('reads a FAQ entry heading under another as the next entry, not a part of it', () => {
      const doc = readMarkdown(
        '# Leave\n\n## FAQ\n\n#### Q: Can I work part-time?\n\nNo.\n\n##### Q: Can I extend my leave? (US only)\n\nYes.\n\n###### Details\n\nAsk HR.\n\n' +
          '##### Q. Who approves it?\n\nYour manager.\n\n## What is Amplitude?\n\n### How do I get access?\n\nAsk IT.',
      );
      expect(doc.blocks.map((block) => [block.text, block.headingPath])).toEqual([
        ['No.', ['FAQ', 'Q: Can I work part-time?']],
        ['Yes.', ['FAQ', 'Q: Can I extend my leave? (US only)']],
        // A heading that is no entry stays a part of the entry above it.
        ['Ask HR.', ['FAQ', 'Q: Can I extend my leave? (US only)', 'Details']],
        ['Your manager.', ['FAQ', 'Q. Who approves it?']],
        // Questions without the "Q:" of a FAQ entry nest as their levels say: this one is about Amplitude.
        ['Ask IT.', ['What is Amplitude?', 'How do I get access?']],
      ]);
    });

    it('reads heading text without markup', () => {
      const doc = readMarkdown('# Config\n\n## The `base` option <Badge text="new"/> [link](x)\n\nText.');
      expect(doc.blocks[0]?.headingPath).toEqual(['The base option new link']);
    });

    it('reads each <details> summary as a section under the heading it stands in, until </details>', () => {
      const doc = readMarkdown(
        '# dotenv\n\n## FAQ\n\n<details><summary>Should I commit my `.env` file?</summary><br/>\n\nNo. Keep it out of git.\n\n</details>\n' +
          '<details><summary>How do I use it with <code>import</code>?</summary>\n\nImport the config first:\n\n```js\nimport "dotenv/config"\n```\n\n</details>\n\nAsk in the forum for more.',
      );
      expect(doc.blocks.map((block) => [block.text, block.headingPath, block.lineStart])).toEqual([
        ['No. Keep it out of git.', ['FAQ', 'Should I commit my .env file?'], 7],
        ['Import the config first:', ['FAQ', 'How do I use it with import?'], 12],
        ['import "dotenv/config"', ['FAQ', 'How do I use it with import?'], 14],
        ['Ask in the forum for more.', ['FAQ'], 20],
      ]);
      // The sections are apart: a passage never runs from one answer into the next.
      const [first, second, code, after] = doc.blocks.map((block) => block.sectionIndex);
      expect(new Set([first, second, after]).size).toBe(3);
      expect(code).toBe(second);
    });

    it('keeps the words of a <details> block that has no summary', () => {
      const doc = readMarkdown('# Page\n\n## Notes\n\n<details>\nHidden until opened.\n</details>');
      expect(doc.blocks.map((block) => [block.text, block.headingPath])).toEqual([['Hidden until opened.', ['Notes']]]);
    });

    it('leaves badges out of section headings', () => {
      const doc = readMarkdown('# Package\n\n## Install [![build](https://ci/badge.svg)](https://ci) <img src="b.svg" alt="npm"/>\n\nText.');
      expect(doc.blocks[0]?.headingPath).toEqual(['Install']);
    });

    it('counts lines of the original Markdown, front matter included', () => {
      const doc = readMarkdown('---\ntitle: T\n---\n\n# T\n\nOne\ntwo.\n\n- a\n- b');
      expect(doc.blocks.map((block) => [block.lineStart, block.lineEnd])).toEqual([[7, 8], [10, 11]]);
    });
  });

  describe('titles', () => {
    it.each([
      ['takes the front matter title first', '---\ntitle: From YAML\n---\n# Heading\n\nText.', 'From YAML'],
      ['reads a front matter title as a site shows it, its HTML rendered', '---\ntitle: Travel <em>before</em> onboarding &amp; after\n---\n\nText.', 'Travel before onboarding & after'],
      ['takes the first depth-1 heading otherwise', '## Not this\n\n# The title\n\nText.', 'The title'],
      ['reads a title heading without markup', '# The *real* `title`\n\nText.', 'The real title'],
      ['never takes a style block as the title', '<style scoped>\nh1 { color: red }\n</style>\n\n# Team\n\nText.', 'Team'],
      ['never takes a script block as the title', '<script setup>\nconst x = 1\n</script>\n\nText only.', undefined],
      ['has no title without front matter title or depth-1 heading, when the first heading is one of several', '## Setup\n\nText.\n\n## Usage\n\nMore.', undefined],
      ['takes the heading a page opens with when all others are below it (a book chapter)', '## Installation\n\nText.\n\n### On Linux\n\nMore.', 'Installation'],
      [
        'leaves the badges out of a title heading',
        '# dotenv [![NPM version](https://img.shields.io/npm/v/dotenv.svg)](https://www.npmjs.com/package/dotenv) <a href="https://npm.im/dotenv"><img src="b.svg" title="npm package"/></a>\n\nText.',
        'dotenv',
      ],
      ['reads a title heading that is only an image by its alt text', '# ![Zod](logo.svg)\n\nText.', 'Zod'],
      [
        "takes a README's HTML h1 above its first heading",
        '<p align="center">\n  <img src="logo.svg" alt="Zod logo" />\n  <h1 align="center">Zod &amp; friends</h1>\n</p>\n\n## Install\n\nText.',
        'Zod & friends',
      ],
      ['never takes an HTML h1 of only a logo and badges', '<h1 align="center">\n<img alt="tsx" src="logo.svg">\n<a href="https://npm.im/tsx"><img src="badge.svg"></a>\n</h1>\n\nText.', undefined],
      ['never takes an HTML h1 below the first heading', '## Section\n\n<h1>Not a title</h1>\n\nText.\n\n## Other\n\nMore.', undefined],
      ['takes a Markdown title heading over an HTML h1', '<h1>In HTML</h1>\n\n# In Markdown\n\nText.', 'In Markdown'],
    ])('%s', (_, markdown, title) => {
      expect(readMarkdown(markdown).title).toBe(title);
    });

    it('keeps a first heading that differs from the front matter title as a section', () => {
      const doc = readMarkdown('---\ntitle: Handbook\n---\n# Welcome\n\nText.');
      expect(doc.blocks[0]?.headingPath).toEqual(['Welcome']);
    });
  });

  describe('front matter', () => {
    it('reads title, date, author and description as strings, other keys ignored', () => {
      const doc = readMarkdown('---\ntitle: Hello\ndate: 2024-05-01\nauthor: [Ann, Bo]\ndescription: About\nlayout: home\n---\n\nBody.');
      expect(doc.metadata).toEqual({ title: 'Hello', date: '2024-05-01', author: 'Ann, Bo', description: 'About' });
      expect(texts('---\ntitle: Hello\n---\n\nBody.')).toEqual(['Body.']);
    });

    it('yields no blocks for a document with only front matter and headings', () => {
      expect(readMarkdown('---\ntitle: x\n---\n# x\n## y\n').blocks).toEqual([]);
    });

    it.each([
      ['invalid YAML', '---\ntitle: [unclosed\n---\n\nBody.', /front matter is not valid YAML \(line \d+/u],
      ['a mapping with a bad indent', '---\ntitle: a\n  bad: b\nc: d\n---\nBody.', /front matter is not valid YAML \(line [2-4]/u],
      ['a list instead of a mapping', '---\n- a\n- b\n---\n\nBody.', /front matter is not valid YAML.*mapping.*line 2/u],
    ])('rejects %s as input_rejected, saying where', (_, markdown, message) => {
      expect(() => readMarkdown(markdown)).toThrow(FootnoteError);
      expect(() => readMarkdown(markdown)).toThrow(message);
      try {
        readMarkdown(markdown);
      } catch (error) {
        expect((error as FootnoteError).code).toBe('input_rejected');
      }
    });
  });
});
