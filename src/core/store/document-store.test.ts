import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../hash.js';
import { DocumentStore, type StoredDocument } from './document-store.js';
import { tempDir } from '../../../tests/helpers.js';

function doc(overrides: Partial<StoredDocument> = {}): StoredDocument {
  const text = overrides.text ?? 'Some text about copyright.';
  return {
    scope: 'guild:111111111111111111',
    id: 'notes',
    title: 'Notes',
    source: { kind: 'file', name: 'notes.txt' },
    addedBy: 'user-1',
    addedAt: '2026-01-01T00:00:00.000Z',
    contentHash: sha256Hex(text),
    text,
    ...overrides,
  };
}

describe('DocumentStore', () => {
  let temp: ReturnType<typeof tempDir>;
  let dir: string;
  beforeEach(() => {
    temp = tempDir('footnote-store-');
    dir = temp.path;
  });
  afterEach(() => temp.remove());

  it('keeps a document across close and reopen', () => {
    const store = DocumentStore.open(dir);
    store.put(doc());
    store.close();
    const reopened = DocumentStore.open(dir);
    expect(reopened.get('guild:111111111111111111', 'notes')?.text).toBe('Some text about copyright.');
    reopened.close();
  });

  it('keys documents by scope and id, so two servers never see each other', () => {
    const store = DocumentStore.open(dir);
    store.put(doc({ scope: 'guild:111111111111111111', text: 'first server' }));
    store.put(doc({ scope: 'guild:222222222222222222', text: 'second server' }));
    expect(store.get('guild:111111111111111111', 'notes')?.text).toBe('first server');
    expect(store.get('guild:222222222222222222', 'notes')?.text).toBe('second server');
    expect(store.list(['guild:111111111111111111']).map((d) => d.scope)).toEqual(['guild:111111111111111111']);
    store.close();
  });

  it('records removals so that another process can drop them from its index', () => {
    const store = DocumentStore.open(dir);
    store.put(doc());
    const before = store.revision();
    expect(store.remove('guild:111111111111111111', 'notes')).toBe(true);
    expect(store.remove('guild:111111111111111111', 'notes')).toBe(false);
    const changes = store.changesSince(before);
    expect(changes.removals).toEqual([{ scope: 'guild:111111111111111111', id: 'notes' }]);
    expect(changes.upserts).toEqual([]);
    store.close();
  });

  it("notices another connection's commit through data_version", () => {
    const a = DocumentStore.open(dir);
    const b = DocumentStore.open(dir);
    const version = a.dataVersion();
    const rev = a.revision();
    b.put(doc());
    expect(a.dataVersion()).not.toBe(version);
    expect(a.changesSince(rev).upserts.map((d) => d.id)).toEqual(['notes']);
    a.close();
    b.close();
  });

  it('rolls back a transaction whose check throws, leaving nothing behind', () => {
    const store = DocumentStore.open(dir);
    const rev = store.revision();
    expect(() =>
      store.transaction(() => {
        store.put(doc());
        throw new Error('quota');
      }),
    ).toThrow('quota');
    expect(store.has('guild:111111111111111111', 'notes')).toBe(false);
    expect(store.revision()).toBe(rev);
    store.close();
  });
});

describe('DocumentStore.changesSince with another connection committing', () => {
  let temp: ReturnType<typeof tempDir>;
  let dir: string;
  let reader: DocumentStore;
  let writer: DocumentStore;
  const named = (id: string) => doc({ scope: 'global', id, source: { kind: 'file', name: `${id}.txt` }, text: `The text of ${id}.` });
  beforeEach(() => {
    temp = tempDir('footnote-store-');
    dir = temp.path;
    reader = DocumentStore.open(dir);
    writer = DocumentStore.open(dir);
  });
  afterEach(() => {
    reader.close();
    writer.close();
    temp.remove();
  });

  /** Makes `commit` run once, just before the reader's connection prepares its next statement reading `table`. */
  function commitBeforeReading(table: string, commit: () => void): void {
    const db = reader.database;
    const prepare = db.prepare.bind(db);
    let pending = true;
    db.prepare = ((sql: string) => {
      if (pending && sql.includes(`FROM ${table}`)) {
        pending = false;
        commit();
      }
      return prepare(sql);
    }) as typeof db.prepare;
  }

  it.each(['documents', 'removals', 'revisions'])(
    'returns the changes and the revision of one moment, when the commit lands just before it reads %s',
    (table) => {
      writer.put(named('first'));
      expect(reader.changesSince(0)).toMatchObject({ rev: 1, upserts: [{ id: 'first' }] });
      writer.put(named('second'));
      commitBeforeReading(table, () => writer.put(named('third')));

      const seen: string[] = [];
      let rev = 1;
      for (let call = 0; call < 3; call++) {
        const changes = reader.changesSince(rev);
        seen.push(...changes.upserts.map((d) => d.id));
        rev = changes.rev;
      }
      // Read in three statements, the revision counted "third" while the documents read had not: it was skipped for good.
      expect(rev).toBe(3);
      expect(seen.sort()).toEqual(['second', 'third']);
    },
  );
});
