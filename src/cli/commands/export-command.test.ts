import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliTestContext } from '../../../tests/bot/cli-test-context.js';
import { CORPUS_DIR, tempDir } from '../../../tests/helpers.js';
import { readCorpusDir } from '../../core/corpus/read-corpus-dir.js';
import { sha256Hex } from '../../core/hash.js';
import { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { DocumentStore } from '../../core/store/document-store.js';
import { exportCommand } from './export-command.js';

const OURS = '333333333333333333';
const THEIRS = '444444444444444444';

describe('footnote export', () => {
  let dir: ReturnType<typeof tempDir>;
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir, CORPUS_DIR });
  beforeEach(async () => {
    dir = tempDir('footnote-export-');
    dataDir = join(dir.path, 'data');
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
    const bytes = (text: string) => new TextEncoder().encode(text);
    await kb.add({ scope: `guild:${OURS}`, input: { kind: 'file', name: 'tides.md', bytes: bytes('# Tide table\n\nThe *spring* tide peaks at noon.\n') }, addedBy: 'mod' });
    await kb.add({ scope: `guild:${OURS}`, input: { kind: 'text', text: 'The ferry leaves at six.' }, title: 'Ferry times', addedBy: 'mod' });
    await kb.add({ scope: `guild:${THEIRS}`, input: { kind: 'text', text: 'Their secret is kept elsewhere.' }, title: 'Their notes', addedBy: 'other' });
    await kb.close();
  });
  afterEach(() => dir.remove());

  it("writes the server's own documents, with front matter, as a folder footnote reads back as a corpus", async () => {
    const out = join(dir.path, 'export');
    const ctx = cliTestContext(['--guild', OURS, '--out', out], env());
    expect(await exportCommand(ctx)).toBe(0);
    expect(ctx.output).toEqual([`Exported 2 documents of server ${OURS} to ${out}:`, '  ferry-times.txt', '  tide-table.md']);
    expect(readdirSync(out).sort()).toEqual(['ferry-times.txt', 'tide-table.md']);
    const tide = readFileSync(join(out, 'tide-table.md'), 'utf8');
    expect(tide).toMatch(/^---\n# exported from footnote: "guild:333333333333333333"\n# source: "tides\.md"\n# added by "mod" at "\d{4}-.+"\ntitle: Tide table\nid: tide-table\nlayout: markdown\nsource_sha256: [0-9a-f]{64}\n---\n# Tide table\n\nThe \*spring\* tide peaks at noon\.\n$/);
    // Read back by the shipped corpus's reader: same ids, titles and text (its checksum verified).
    const docs = await readCorpusDir(out);
    expect(docs.map((d) => [d.id, d.title])).toEqual([
      ['ferry-times', 'Ferry times'],
      ['tide-table', 'Tide table'],
    ]);
    expect(docs[1]!.text).toBe('# Tide table\n\nThe *spring* tide peaks at noon.\n');
    expect(JSON.stringify(docs)).not.toContain('secret');
  });

  it('exports an empty server as an empty folder', async () => {
    const out = join(dir.path, 'none');
    const ctx = cliTestContext(['--guild', '555555555555555555', '--out', out], env());
    expect(await exportCommand(ctx)).toBe(0);
    expect(ctx.output).toEqual([`Exported 0 documents of server 555555555555555555 to ${out}.`]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('never overwrites a file: it stops before writing anything', async () => {
    const out = join(dir.path, 'export');
    expect(await exportCommand(cliTestContext(['--guild', OURS, '--out', out], env()))).toBe(0);
    writeFileSync(join(out, 'ferry-times.txt'), 'edited by hand');
    await expect(exportCommand(cliTestContext(['--guild', OURS, '--out', out], env()))).rejects.toThrow(/already holds ferry-times\.txt, tide-table\.md; export into another folder/);
    expect(readFileSync(join(out, 'ferry-times.txt'), 'utf8')).toBe('edited by hand');
  });

  it('keeps hostile ids and metadata inside the folder and inside their front matter', async () => {
    // Ids the bot and the CLI never make, written straight into the store (a tampered or foreign database).
    const store = DocumentStore.open(dataDir);
    const evil = (id: string, n: number) => {
      const text = `Tampered text ${n}.`;
      store.put({
        scope: `guild:${OURS}`,
        id,
        title: `Evil ${n}\n---\ntitle: injected`,
        source: { kind: 'file', name: `../../evil-${n}.md\n# x` },
        addedBy: 'x"\ntitle: pwned\n#',
        addedAt: '2026-01-01T00:00:00.000Z',
        contentHash: sha256Hex(text),
        text,
      });
    };
    ['../../etc/passwd', '..', '/tmp/abs', 'C:\\Windows\\x', '.hidden'].forEach(evil);
    store.close();
    const out = join(dir.path, 'export');
    expect(await exportCommand(cliTestContext(['--guild', OURS, '--out', out], env()))).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(7);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+\.(txt|md)$/);
    expect(names.filter((n) => n.startsWith('doc-'))).toHaveLength(5);
    expect(readdirSync(dir.path).sort()).toEqual(['data', 'export']);
    const docs = await readCorpusDir(out);
    for (const doc of docs.filter((d) => d.text.startsWith('Tampered'))) {
      expect(doc.title).toMatch(/^Evil \d\n---\ntitle: injected$/);
    }
  });

  it('gives back the same documents when what it wrote is added again', async () => {
    const out = join(dir.path, 'export');
    expect(await exportCommand(cliTestContext(['--guild', OURS, '--out', out], env()))).toBe(0);
    const before = DocumentStore.open(dataDir);
    const original = before.list([`guild:${OURS}`]).map((m) => before.get(m.scope, m.id)!);
    before.close();
    const elsewhere = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: join(dir.path, 'elsewhere') });
    for (const name of readdirSync(out)) {
      const result = await elsewhere.add({
        scope: `guild:${OURS}`,
        input: { kind: 'file', name, path: join(out, name), bytes: new Uint8Array(readFileSync(join(out, name))) },
        addedBy: 'restorer',
      });
      expect(result.kind).toBe('added');
    }
    const copy = elsewhere.list([`guild:${OURS}`]).filter((d) => !d.readOnly);
    await elsewhere.close();
    const same = (d: { id: string; title: string; contentHash: string; layout?: string }) => [d.id, d.title, d.contentHash, d.layout ?? 'plain'];
    expect(copy.map(same).sort()).toEqual(original.map(same).sort());
    expect(copy.find((d) => d.id === 'tide-table')!.passages).toBe(1);
  });

  it('needs a server id', async () => {
    await expect(exportCommand(cliTestContext([], env()))).rejects.toThrow(/--guild must be a Discord server id/);
    await expect(exportCommand(cliTestContext(['--guild', '../x'], env()))).rejects.toThrow(/--guild must be a Discord server id/);
  });
});
