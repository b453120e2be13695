import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../documents/document.js';
import { analyze } from '../analysis/analyze.js';
import { PassageEngine } from '../passage-engine.js';
import { OPTIONS_HASH, SNAPSHOT_FORMAT, type SnapshotManifest } from './manifest.js';
import { postingsPath } from './snapshot.js';

const readSnapshot = (path: string, accept: () => undefined) => PassageEngine.load(path, accept);
const writeSnapshot = (path: string, index: PassageEngine, manifest: SnapshotManifest) => index.save(path, manifest);

const MANIFEST: SnapshotManifest = { format: SNAPSHOT_FORMAT, optionsHash: OPTIONS_HASH, corpusHash: 'corpus', storeId: 'store', storeRev: 3 };
const WORDS = 'zebra crossing council pedestrian lighthouse keeper harbour ferry timetable ticket quay tide'.split(' ');

function meta(id: string, scope: DocumentMeta['scope'] = 'global'): DocumentMeta {
  return { scope, id, title: `About ${id}`, source: { kind: 'file', name: `${id}.txt` }, addedBy: 'test', addedAt: '', contentHash: '' };
}

/** An index over several blocks (blocks of 16 passages), with a removed document and a tf > 255. */
function buildIndex(): PassageEngine {
  const index = new PassageEngine({ blockBits: 4 });
  for (let d = 0; d < 40; d++) {
    const passages = Array.from({ length: 3 }, (_, p) => {
      const text = Array.from({ length: 30 }, (_, w) => WORDS[(d * 7 + p * 3 + w * w) % WORDS.length]).join(' ');
      return { id: `doc-${d}#p${p + 1}`, docId: `doc-${d}`, ordinal: p + 1, text, paragraphStart: 1, paragraphEnd: 1, lineStart: p + 1, lineEnd: p + 1 };
    });
    index.add(meta(`doc-${d}`, d % 4 === 0 ? 'guild:7' : 'global'), passages);
  }
  index.add(meta('repeats'), [{ id: 'repeats#p1', docId: 'repeats', ordinal: 1, text: 'tide '.repeat(300), paragraphStart: 1, paragraphEnd: 1, lineStart: 1, lineEnd: 1 }]);
  index.remove('global', 'doc-5');
  return index;
}

const QUERIES = [['zebra'], ['tide'], ['harbour', 'ferry', 'ticket'], analyze('When does the ferry leave the quay at high tide?')];
const rankings = (index: PassageEngine) =>
  QUERIES.map((terms) => index.pass(terms, { scopes: ['global', 'guild:7'] }).hits.map((hit) => [hit.passage.key, hit.score, [...hit.matchedTerms]]));

describe('index snapshots', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'footnote-snapshot-'));
    path = join(dir, 'passages.snapshot.ndjson');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back an index that ranks exactly as the one written, blocks and all', async () => {
    const index = buildIndex();
    await writeSnapshot(path, index, MANIFEST);
    const loaded = await readSnapshot(path, () => undefined);
    expect(loaded.manifest).toEqual(MANIFEST);
    expect(loaded.index.passageCount).toBe(index.passageCount);
    expect(rankings(loaded.index)).toEqual(rankings(index));
    expect(loaded.index.passagesIn(['guild:7'])).toBe(index.passagesIn(['guild:7']));
  });

  it('keeps working after loading: adds and removals', async () => {
    const index = buildIndex();
    await writeSnapshot(path, index, MANIFEST);
    const { index: loaded } = await readSnapshot(path, () => undefined);
    for (const target of [index, loaded]) {
      target.add(meta('late'), [{ id: 'late#p1', docId: 'late', ordinal: 1, text: 'A late note about the lighthouse keeper.', paragraphStart: 1, paragraphEnd: 1, lineStart: 1, lineEnd: 1 }]);
      target.remove('global', 'doc-6');
    }
    expect(rankings(loaded)).toEqual(rankings(index));
    expect(loaded.pass(['late'], { scopes: ['global'] }).hits).toHaveLength(1);
  });

  it.each([
    ['a flipped byte', (bytes: Buffer) => bytes.fill(bytes[bytes.length >> 1]! ^ 1, bytes.length >> 1, (bytes.length >> 1) + 1), /corrupt/],
    ['a torn write', (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1), /truncated|corrupt/],
    ['a stray byte at the end', (bytes: Buffer) => Buffer.concat([bytes, Buffer.from([0])]), /corrupt|truncated/],
    ['another file', () => Buffer.from('not a postings file at all, but long enough to have a header and a digest'), /not one/],
  ])('rejects a postings file with %s', async (_name, corrupt, reason) => {
    await writeSnapshot(path, buildIndex(), MANIFEST);
    writeFileSync(postingsPath(path), corrupt(readFileSync(postingsPath(path))));
    await expect(readSnapshot(path, () => undefined)).rejects.toMatchObject({ code: 'snapshot_invalid', message: expect.stringMatching(reason) });
  });

  it('rejects a missing postings file, and one from another snapshot', async () => {
    const index = buildIndex();
    await writeSnapshot(path, index, MANIFEST);
    const older = join(dir, 'older.postings');
    copyFileSync(postingsPath(path), older);
    index.remove('global', 'doc-9');
    await writeSnapshot(path, index, { ...MANIFEST, storeRev: 4 });
    copyFileSync(older, postingsPath(path));
    await expect(readSnapshot(path, () => undefined)).rejects.toMatchObject({ message: expect.stringMatching(/belongs to another snapshot/) });
    rmSync(postingsPath(path));
    await expect(readSnapshot(path, () => undefined)).rejects.toMatchObject({ message: expect.stringMatching(/postings file is missing/) });
  });
});
