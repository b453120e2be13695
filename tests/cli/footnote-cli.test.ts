import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import { CORPUS_DIR, tempDir } from '../helpers.js';
import { runFootnote } from './run-footnote.js';

describe('the footnote binary', () => {
  const data = tempDir('footnote-cli-');
  const env = () => ({ DATA_DIR: join(data.path, 'data') });
  afterAll(() => data.remove());

  it('answers the README question with numbered citations and a quoted highlight', async () => {
    const result = await runFootnote(['ask', 'Why did the US want the site shut down?'], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\[1\] .+, paragraphs? \d+.*lines? \d+/m);
    expect(result.stdout).toMatch(/^ {4}“.+”$/m);
  });

  it('prints exactly one JSON object with --json', async () => {
    const result = await runFootnote(['ask', 'What did the prosecution fail to present in the Kvasov trial?', '--json', '--top', '2'], env());
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ kind: 'answer', noMatch: false, query: 'What did the prosecution fail to present in the Kvasov trial?' });
    expect(answer.results).toHaveLength(2);
    for (const [i, r] of answer.results.entries()) {
      expect(r).toMatchObject({ rank: i + 1, docId: expect.any(String), passageId: expect.any(String), title: expect.any(String), location: expect.any(String) });
      expect(typeof r.score).toBe('number');
      expect(r.text).toContain(r.highlight);
    }
    expect(answer.results[0].highlight).toContain('persuasive evidence');
    expect(Array.isArray(answer.related)).toBe(true);
  });

  it('reports no match honestly, with an empty result list', async () => {
    const result = await runFootnote(['ask', 'Who painted the Mona Lisa?', '--json'], env());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'no-match', noMatch: true, results: [] });
  });

  it.each([[''], ['   '], ['x'.repeat(5000)]])('rejects an unusable question on stderr with exit code 1 (%#)', async (question) => {
    const result = await runFootnote(['ask', question, '--json'], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('adds, lists, finds and removes a document', async () => {
    const file = join(data.path, 'lighthouse.md');
    writeFileSync(file, '# Lighthouse keeping\n\nThe keeper lit the lamp at dusk and logged the fog signal every hour.\n');
    const added = await runFootnote(['docs', 'add', file], env());
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toContain('Added "Lighthouse keeping" as lighthouse-keeping');

    const listed = await runFootnote(['docs', 'list', '--json'], env());
    const docs = JSON.parse(listed.stdout) as Array<{ id: string; readOnly: boolean }>;
    expect(docs.filter((d) => d.readOnly)).toHaveLength(4);
    expect(docs.map((d) => d.id)).toContain('lighthouse-keeping');

    const answer = JSON.parse((await runFootnote(['ask', 'When did the keeper light the lamp?', '--json'], env())).stdout);
    expect(answer.results[0].docId).toBe('lighthouse-keeping');

    expect((await runFootnote(['docs', 'remove', 'lighthouse-keeping'], env())).code).toBe(0);
    const after = JSON.parse((await runFootnote(['ask', 'When did the keeper light the lamp?', '--json'], env())).stdout);
    expect(after.noMatch).toBe(true);
  });

  it('finds documents by title or id with docs find, despite a typo', async () => {
    const file = join(data.path, 'harbour.md');
    writeFileSync(file, '# Harbour ferries\n\nThe first ferry leaves the quay at six.\n');
    expect((await runFootnote(['docs', 'add', file], env())).code).toBe(0);
    expect((await runFootnote(['docs', 'find', 'harbor', 'ferr'], env())).stdout).toMatch(/^harbour-ferries {2}Harbour ferries$/m);
    const found = JSON.parse((await runFootnote(['docs', 'find', 'harbour', '--json'], env())).stdout);
    expect(found[0]).toEqual({ scope: 'global', id: 'harbour-ferries', title: 'Harbour ferries' });
    expect((await runFootnote(['docs', 'remove', 'harbour-ferries'], env())).code).toBe(0);
    expect((await runFootnote(['docs', 'find', 'harbour'], env())).stdout.trim()).toBe('No document title or id matches.');
  });

  it("answers a server's question as the bot does: without the shared corpus once the server turned it off", async () => {
    const guild = '765432109876543210';
    const question = 'What did the prosecution fail to present in the Kvasov trial?';
    const before = JSON.parse((await runFootnote(['ask', question, '--guild', guild, '--json'], env())).stdout);
    expect(before.kind).toBe('answer');
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: join(data.path, 'data') });
    kb.settings.set(guild, { includeShared: false }, 'moderator', Date.now());
    await kb.close();
    const after = JSON.parse((await runFootnote(['ask', question, '--guild', guild, '--json'], env())).stdout);
    expect(after.noMatch).toBe(true);
  });

  it("keeps a server's documents out of other servers and out of global answers", async () => {
    const file = join(data.path, 'vault.txt');
    writeFileSync(file, 'The vault combination is changed every quarter by the treasurer.\n');
    expect((await runFootnote(['docs', 'add', file, '--guild', '123456789012345678'], env())).code).toBe(0);
    const own = JSON.parse((await runFootnote(['ask', 'Who changes the vault combination?', '--guild', '123456789012345678', '--json'], env())).stdout);
    const other = JSON.parse((await runFootnote(['ask', 'Who changes the vault combination?', '--guild', '876543210987654321', '--json'], env())).stdout);
    const global = JSON.parse((await runFootnote(['ask', 'Who changes the vault combination?', '--json'], env())).stdout);
    expect(own.kind).toBe('answer');
    expect(other.noMatch).toBe(true);
    expect(global.noMatch).toBe(true);
  });

  describe('bad input: a one-line error, a non-zero exit, and nothing changed', () => {
    const files = join(data.path, 'bad');
    beforeAll(() => {
      mkdirSync(files, { recursive: true });
      writeFileSync(join(files, 'empty.txt'), '');
      writeFileSync(join(files, 'fake.pdf'), 'this is plain text, not a PDF');
      writeFileSync(join(files, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      writeFileSync(join(files, 'corrupt.pdf'), '%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not a real pdf\n%%EOF');
      writeFileSync(join(files, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    });

    it.each([
      ['empty.txt', /empty|no (readable )?text/i],
      ['fake.pdf', /PDF/],
      ['image.png', /\.txt|supported|can read/i],
      ['corrupt.pdf', /PDF/],
      ['huge.txt', /MB/],
      ['missing.txt', /no such file/i],
      ['http://127.0.0.1:9/secret', /private|loopback/i],
      ['http://localhost/admin', /private|loopback/i],
      ['http://169.254.169.254/latest/meta-data', /private|loopback|link-local/i],
      ['ftp://example.com/file.txt', /http/i],
    ])('refuses %s', async (target, message) => {
      const before = (await runFootnote(['docs', 'list', '--json'], env())).stdout;
      const path = /^[a-z]+:\/\//.test(target) ? target : join(files, target);
      const result = await runFootnote(['docs', 'add', path], env());
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect((await runFootnote(['docs', 'list', '--json'], env())).stdout).toBe(before);
    });

    it('refuses to remove a shipped document and explains where to change it', async () => {
      const result = await runFootnote(['docs', 'remove', 'russia-2009-special-301-ipr-review'], env());
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/shipped corpus/);
    });
  });

  it('prints a TREC run for a test collection', async () => {
    const docs = join(data.path, 'docs.jsonl');
    const queries = join(data.path, 'queries.jsonl');
    writeFileSync(
      docs,
      [
        { id: 'd1', title: 'Heat transfer', text: 'Convection and conduction move heat through fluids and solids.' },
        { id: 'd2', title: 'Library catalogues', text: 'Card catalogues index books by author and subject.' },
        { id: 'd3', title: 'Boiling', text: 'Boiling water transfers heat by convection currents.' },
      ]
        .map((d) => JSON.stringify(d))
        .join('\n'),
    );
    writeFileSync(queries, `${JSON.stringify({ id: 'q1', text: 'heat convection' })}\n${JSON.stringify({ id: 'q2', text: 'book catalogue' })}\n`);
    const result = await runFootnote(['trec-run', '--docs', docs, '--queries', queries, '--top', '10'], env());
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => l.split(' '));
    for (const line of lines) expect(line).toHaveLength(6);
    expect(lines.filter((l) => l[0] === 'q1').map((l) => l[2]).sort()).toEqual(['d1', 'd3']);
    expect(lines.find((l) => l[0] === 'q2')).toEqual(['q2', 'Q0', 'd2', '1', expect.stringMatching(/^\d+\.\d{6}$/), 'footnote']);
  });

  it('explains its usage when called wrongly', async () => {
    const result = await runFootnote(['ask'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: footnote ask');
  });
});
