import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import type { AddRequest, DocumentInput } from '../../src/core/knowledge/add-input.js';
import { CORPUS_DIR, tempDir } from '../helpers.js';

const bytes = (t: string) => new TextEncoder().encode(t);
const file = (name: string, t: string, path?: string): DocumentInput => ({ kind: 'file', name, bytes: bytes(t), ...(path !== undefined && { path }) });
const README_A = '# Payments service\n\nThe payments service settles card refunds within three days.\n';
const README_B = '# Search service\n\nThe search service rebuilds its index every night at two.\n';
const GUILD = 'guild:111111111111111111' as const;

describe('which document an add writes', () => {
  let data: ReturnType<typeof tempDir>;
  let kb: KnowledgeBase;
  const add = (request: Omit<AddRequest, 'scope' | 'addedBy'> & { addedBy?: string }) => kb.add({ scope: GUILD, addedBy: 'mod', ...request });
  const stored = () => kb.list([GUILD]).map((d) => d.id).sort();

  beforeEach(async () => {
    data = tempDir();
    kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: data.path, clock: () => new Date('2026-05-01T10:00:00Z') });
  });
  afterEach(async () => {
    await kb.close();
    data.remove();
  });

  it('keeps two README.md files with their own ids (the --id case that used to replace)', async () => {
    const a = await add({ input: file('README.md', README_A, '/repo/a/README.md'), id: 'a-readme' });
    const b = await add({ input: file('README.md', README_B, '/repo/b/README.md'), id: 'b-readme' });
    expect([a.kind, b.kind]).toEqual(['added', 'added']);
    expect(stored()).toEqual(['a-readme', 'b-readme']);
    const answer = kb.ask('When are card refunds settled?', { scopes: [GUILD] });
    expect(answer.kind === 'answer' && answer.results[0]!.docId).toBe('a-readme');
  });

  it('titles a README.md or index.md with no title of its own by its folder, and an upload by its name', async () => {
    const text = (n: number) => `Card refunds are settled within ${n} working days.\n`;
    const readme = await add({ input: file('README.md', text(1), '/repo/payments/README.md') });
    const index = await add({ input: file('index.md', `<p align="center"><img alt="logo" src="l.svg"></p>\n\n${text(2)}`, '/site/guide/index.md') });
    const notes = await add({ input: file('notes.md', text(3), '/repo/payments/notes.md') });
    const upload = await add({ input: file('README.md', text(4)) });
    expect([readme.title, index.title, notes.title, upload.title]).toEqual(['payments/README.md', 'guide/index.md', 'notes.md', 'README.md']);
  });

  it('never replaces by file name alone: two uploads named notes.txt are two documents', async () => {
    const first = await add({ input: file('notes.txt', 'Standup is at nine every weekday.') });
    const second = await add({ input: file('notes.txt', 'The office closes early on Fridays.') });
    expect(second.kind).toBe('added');
    expect(second.id).not.toBe(first.id);
    expect(stored()).toHaveLength(2);
  });

  it('gives a folder file the id of its relative path, and a second file of the same path another id', async () => {
    const one = await add({ input: file('index.md', README_A, '/a/guide/index.md'), suggestedId: 'guide/index' });
    const two = await add({ input: file('index.md', README_B, '/b/guide/index.md'), suggestedId: 'guide/index' });
    expect([one.id, two.id]).toEqual(['guide-index', 'guide-index-2']);
  });

  it('replaces the document with the same absolute path, and says what it replaced', async () => {
    await add({ input: file('README.md', README_A, '/repo/a/README.md'), addedBy: 'alice' });
    const again = await add({ input: file('README.md', `${README_A}\nRefunds over 500 euros need a second approval.\n`, '/repo/a/README.md') });
    expect(again).toMatchObject({ kind: 'replaced', id: 'payments-service', replaced: { id: 'payments-service', title: 'Payments service', addedBy: 'alice', addedAt: '2026-05-01T10:00:00.000Z' } });
    expect(stored()).toEqual(['payments-service']);
  });

  it('replaces the document named by --id, whatever its file name', async () => {
    await add({ input: file('one.md', README_A), id: 'handbook' });
    const replaced = await add({ input: file('two.md', README_B), id: 'handbook' });
    expect(replaced).toMatchObject({ kind: 'replaced', id: 'handbook', replaced: { title: 'Payments service' } });
    expect(stored()).toEqual(['handbook']);
  });

  it('changes nothing when the same path brings the same text again', async () => {
    await add({ input: file('README.md', README_A, '/repo/a/README.md') });
    const revision = kb.database.prepare('SELECT rev FROM revisions').get();
    const again = await add({ input: file('README.md', README_A, '/repo/a/README.md') });
    expect(again.kind).toBe('unchanged');
    expect(kb.database.prepare('SELECT rev FROM revisions').get()).toEqual(revision);
  });

  it('refuses the same text as a new document, naming the one that holds it', async () => {
    await add({ input: file('README.md', README_A, '/repo/a/README.md') });
    await expect(add({ input: file('copy.md', README_A, '/repo/copy.md') })).rejects.toThrow(/already here as "payments-service"/);
  });

  it('adds a batch with one refusal: the others are stored and searchable, the refusal says why', async () => {
    const outcomes = await kb.addMany(
      [
        async () => ({ scope: GUILD, addedBy: 'mod', input: file('a.md', README_A, '/x/a.md') }),
        async () => ({ scope: GUILD, addedBy: 'mod', input: file('empty.txt', '') }),
        async () => ({ scope: GUILD, addedBy: 'mod', input: file('b.md', README_B, '/x/b.md') }),
      ],
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['done', 'failed', 'done']);
    expect(outcomes[1]!.kind === 'failed' && outcomes[1]!.error.message).toMatch(/empty/);
    const answer = kb.ask('When does the search service rebuild its index?', { scopes: [GUILD] });
    expect(answer.kind === 'answer' && answer.results[0]!.docId).toBe('search-service');
  });

  it('keeps a Markdown page with nothing to quote, under its front matter title', async () => {
    const result = await add({ input: file('index.md', '---\ntitle: Home\nlayout: home\n---\n\n<Home />\n', '/site/index.md') });
    expect(result).toMatchObject({ kind: 'added', title: 'Home', passages: 0 });
    expect(stored()).toEqual(['home']);
  });

  it('refuses Markdown whose front matter is broken, naming the file', async () => {
    await expect(add({ input: file('broken.md', '---\ntitle: [unclosed\n---\n\nBody text here.\n') })).rejects.toThrow(
      /^"broken\.md": the front matter is not valid YAML \(line 2/,
    );
    expect(stored()).toEqual([]);
  });
});
