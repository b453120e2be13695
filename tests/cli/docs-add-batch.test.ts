import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { runFootnote } from './run-footnote.js';

/** A team's docs folder: the ordinary names that used to collide, plus things footnote must skip. */
const PAGES: Record<string, string> = {
  'README.md': '# Handbook\n\nStart here: the handbook explains how the team works.\n',
  'payments/README.md': '# Payments\n\nCard refunds are settled within three working days.\n',
  'search/README.md': '# Search\n\nThe search index is rebuilt every night at two.\n',
  'guide/index.md': '# Guide\n\nThe guide walks a new engineer through the first week.\n',
  'ops/index.md': '# Operations\n\nOn-call engineers acknowledge pages within fifteen minutes.\n',
  'notes.txt': 'Standup is at nine on weekdays and at ten on Mondays.\n',
  // A Docusaurus page: MDX imports, components and a comment around the text.
  'guide/desk.mdx':
    "---\ntitle: Desk app\n---\nimport Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n<Tabs>\n<TabItem value=\"mac\">\n\nInstall the desk booking app from the self-service portal.\n\n</TabItem>\n</Tabs>\n\n{/* TODO: screenshots */}\n",
  'logo.png': '\u0089PNG\r\n',
  '.vitepress/config.md': '# Site config\n\nNot a page of the docs.\n',
  'node_modules/pkg/README.md': '# A dependency\n\nNot ours.\n',
};

describe('footnote docs add with folders and many files', () => {
  const work = tempDir('footnote-batch-');
  const env = () => ({ DATA_DIR: join(work.path, 'data'), CORPUS_DIR: join(work.path, 'empty-corpus') });
  const docs = join(work.path, 'docs');
  const listed = async () => JSON.parse((await runFootnote(['docs', 'list', '--json'], env())).stdout) as Array<{ id: string; title: string; source: string }>;

  beforeAll(() => {
    mkdirSync(join(work.path, 'empty-corpus'));
    for (const [path, text] of Object.entries(PAGES)) {
      mkdirSync(dirname(join(docs, path)), { recursive: true });
      writeFileSync(join(docs, path), text);
    }
    symlinkSync(docs, join(docs, 'guide', 'loop'));
    symlinkSync(join(docs, 'missing.md'), join(docs, 'dangling.md'));
  });
  afterAll(() => work.remove());

  it('adds every supported file of a folder once, each under the id of its relative path, and lists what it skipped', async () => {
    const result = await runFootnote(['docs', 'add', docs], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Added 7, replaced 0, unchanged 0, failed 0, skipped 3 \(/m);
    expect(result.stdout).toMatch(/logo\.png: not a type footnote reads/);
    expect(result.stdout).toMatch(/guide\/loop\/: a link back to a folder already read/);
    expect(result.stdout).toMatch(/dangling\.md: a broken link/);
    expect((await listed()).map((d) => d.id).sort()).toEqual(['guide-desk', 'guide-index', 'notes', 'ops-index', 'payments-readme', 'readme', 'search-readme']);
    const answer = JSON.parse((await runFootnote(['ask', 'When is the search index rebuilt?', '--json'], env())).stdout);
    expect(answer.results[0].docId).toBe('search-readme');
    const desk = JSON.parse((await runFootnote(['ask', 'How do I install the desk booking app?', '--json'], env())).stdout);
    expect(desk.results[0]).toMatchObject({ docId: 'guide-desk', text: 'Install the desk booking app from the self-service portal.' });
  });

  it('changes nothing when the same folder is added again', async () => {
    const result = await runFootnote(['docs', 'add', docs, '--json'], env());
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.added).toEqual([]);
    expect(summary.replaced).toEqual([]);
    expect(summary.unchanged).toHaveLength(7);
    expect(summary.skipped.map((s: { source: string }) => s.source).sort()).toEqual(['dangling.md', 'guide/loop/', 'logo.png']);
  });

  it('replaces an edited file of the folder, and says what it replaced', async () => {
    writeFileSync(join(docs, 'payments', 'README.md'), '# Payments\n\nCard refunds are settled within two working days.\n');
    const result = await runFootnote(['docs', 'add', docs, '--json'], env());
    const summary = JSON.parse(result.stdout);
    expect(summary.replaced).toEqual([
      expect.objectContaining({ source: 'payments/README.md', id: 'payments-readme', replaced: expect.objectContaining({ id: 'payments-readme', title: 'Payments', addedBy: 'cli' }) }),
    ]);
    expect(summary.unchanged).toHaveLength(6);
  });

  it('keeps two README.md given their own --id (they used to replace each other)', async () => {
    for (const [dir, text] of [['a', 'The kettle is descaled weekly.'], ['b', 'The printer toner is in the cupboard.']] as const) {
      mkdirSync(join(work.path, dir));
      writeFileSync(join(work.path, dir, 'README.md'), `# Office ${dir}\n\n${text}\n`);
    }
    const a = await runFootnote(['docs', 'add', join(work.path, 'a', 'README.md'), '--id', 'a-readme'], env());
    const b = await runFootnote(['docs', 'add', join(work.path, 'b', 'README.md'), '--id', 'b-readme'], env());
    expect(a.stdout).toMatch(/^Added "Office a" as a-readme/);
    expect(b.stdout).toMatch(/^Added "Office b" as b-readme/);
    expect((await listed()).map((d) => d.id)).toEqual(expect.arrayContaining(['a-readme', 'b-readme']));
  });

  it('goes on past a file it cannot read, naming it on stderr, and exits 1', async () => {
    const mixed = join(work.path, 'mixed');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'empty.txt'), '');
    writeFileSync(join(mixed, 'fine.txt'), 'The coffee machine is descaled on the first Monday of each month.\n');
    const result = await runFootnote(['docs', 'add', mixed, join(work.path, 'nowhere.md')], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^empty\.txt: .*empty/m);
    expect(result.stderr).toMatch(/nowhere\.md: no such file/);
    expect(result.stdout).toMatch(/^Added "The coffee machine/m);
    expect(result.stdout).toMatch(/Added 1, replaced 0, unchanged 0, failed 1, skipped 1/);
  });

  it('prints the same summary as JSON for removals', async () => {
    const result = await runFootnote(['docs', 'remove', 'notes', '--json'], env());
    expect(JSON.parse(result.stdout)).toEqual({ removed: { id: 'notes', title: expect.any(String), source: 'notes.txt' } });
    const missing = await runFootnote(['docs', 'remove', 'notes', '--json'], env());
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('footnote docs add with one path under a new --id', () => {
  const work = tempDir('footnote-move-');
  const env = () => ({ DATA_DIR: join(work.path, 'data'), CORPUS_DIR: join(work.path, 'empty-corpus') });
  afterAll(() => work.remove());

  it('moves the document to the new id, since the path names one document, and says so', async () => {
    mkdirSync(join(work.path, 'empty-corpus'));
    const file = join(work.path, 'README.md');
    writeFileSync(file, '# Garden\n\nThe roses are pruned in March.\n');
    await runFootnote(['docs', 'add', file], env());
    const moved = await runFootnote(['docs', 'add', file, '--id', 'garden-notes'], env());
    expect(moved.stdout).toMatch(/^Replaced "Garden" \(added by cli on \d{4}-\d\d-\d\d\) with "Garden" as garden-notes \(was garden\)/);
    const ids = JSON.parse((await runFootnote(['docs', 'list', '--json'], env())).stdout).map((d: { id: string }) => d.id);
    expect(ids).toEqual(['garden-notes']);
  });
});

describe('footnote docs add with hostile Markdown in the folder', () => {
  const work = tempDir('footnote-hostile-md-');
  const env = () => ({ DATA_DIR: join(work.path, 'data'), CORPUS_DIR: join(work.path, 'empty-corpus') });
  afterAll(() => work.remove());

  it('names each bad file in one line and adds the rest', async () => {
    mkdirSync(join(work.path, 'empty-corpus'));
    const dir = join(work.path, 'docs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n\nThe body of a page with broken front matter.\n');
    writeFileSync(join(dir, 'one-line.md'), `# One line\n\n${'The quick brown fox jumps over the lazy dog. '.repeat(115_000)}\n`);
    writeFileSync(join(dir, 'unclosed.md'), `# Unclosed\n\nSetup steps follow.\n\n\`\`\`sh\n${'echo step\n'.repeat(3000)}`);
    // 10,000 list items nested in one another (each "- " opens a list inside the item before it).
    writeFileSync(join(dir, 'nested.md'), `# Nested\n\n${'- '.repeat(10_000)}innermost item\n\n${'> '.repeat(10_000)}innermost quote\n`);
    writeFileSync(join(dir, 'fine.md'), '# Fine\n\nThe fire drill is on the first Tuesday of the month.\n');
    const result = await runFootnote(['docs', 'add', dir, '--json'], env());
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.failed).toEqual([{ source: 'broken.md', code: 'input_rejected', reason: expect.stringMatching(/^"broken\.md": the front matter is not valid YAML/) }]);
    expect(summary.added.map((a: { source: string }) => a.source).sort()).toEqual(['fine.md', 'nested.md', 'one-line.md', 'unclosed.md']);
    for (const added of summary.added) expect(added.passages).toBeGreaterThan(0);
    const answer = JSON.parse((await runFootnote(['ask', 'When is the fire drill?', '--json'], env())).stdout);
    expect(answer.results[0].docId).toBe('fine');
    const code = JSON.parse((await runFootnote(['ask', 'echo step setup', '--json'], env())).stdout);
    expect(code.results[0].text).toMatch(/^(Setup steps follow\.\n\n)?```sh\necho step\necho step/);
  }, 60_000);
});
