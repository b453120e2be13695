import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sourceOrigin, type CorpusDocument, type DocumentMeta, type DocumentSource, type Scope } from '../documents/document.js';
import { FootnoteError } from '../errors.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { storageFailure } from './storage-failure.js';

export const STORE_FILE = 'footnote.db';

type DocumentRow = {
  scope: string;
  id: string;
  title: string;
  source_kind: 'file' | 'url';
  source: string;
  publisher: string | null;
  author: string | null;
  reference: string | null;
  url: string | null;
  date: string | null;
  added_by: string;
  added_at: string;
  content_hash: string;
  bytes: number;
  text: string;
  rev: number;
  origin: string | null;
  layout: 'plain' | 'markdown';
};

export type StoredSource = Extract<DocumentSource, { kind: 'file' | 'url' }>;
export type StoredDocument = CorpusDocument & { source: StoredSource };
export type StoredMeta = DocumentMeta & { source: StoredSource };
export type StoreChanges = { rev: number; upserts: StoredDocument[]; removals: Array<{ scope: Scope; id: string }> };

/** How the store's database file is opened (better-sqlite3's constructor; tests inject failures). */
export type OpenDatabase = (file: string | Buffer, options: Database.Options) => Database.Database;

const openDatabase: OpenDatabase = (file, options) => new Database(file, options);

/** Errors that mean DATA_DIR (or the file in it) cannot be written, as opposed to a damaged or busy store. */
const CANNOT_WRITE = /^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|EROFS|EACCES|EPERM|ENOTDIR)/;

const META_COLUMNS =
  'scope, id, title, source_kind, source, publisher, author, reference, url, date, added_by, added_at, content_hash, bytes, rev, origin, layout';

/**
 * The runtime document store: SQLite (WAL, synchronous=FULL) under DATA_DIR. A write is durable when
 * the call returns. Several processes may open the same file; `dataVersion()` tells one of them that
 * another has committed, and `changesSince(rev)` says what changed.
 */
export class DocumentStore {
  /**
   * @param readOnly why writes are impossible, when they are: the store was opened read-only (see open).
   */
  private constructor(
    private readonly db: Database.Database,
    readonly readOnly?: string,
  ) {}

  /**
   * Opens (creating if needed) the store under `dataDir`. When DATA_DIR cannot be written (a read-only
   * disk or folder, a file owned by someone else, a folder that cannot be created), the store opens
   * read-only instead, `readOnly` says why, and every write fails: the shipped corpus and what is
   * already stored can still be asked. With no store file yet, that is an empty store in memory.
   */
  static open(dataDir: string, options: { openDatabase?: OpenDatabase } = {}): DocumentStore {
    const open = options.openDatabase ?? openDatabase;
    const file = join(dataDir, STORE_FILE);
    try {
      return new DocumentStore(openForWriting(dataDir, file, open));
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      if (!CANNOT_WRITE.test(code)) throw openFailure(dataDir, error);
      const { db, reason } = openReadOnly(dataDir, file, open, `DATA_DIR is read-only (${dataDir}: ${(error as Error).message})`);
      return new DocumentStore(db, reason);
    }
  }

  /** The handle for the other tables (feedback, questions) that share this database file. */
  get database(): Database.Database {
    return this.db;
  }

  /** Changes whenever another connection commits (SQLite's `PRAGMA data_version`). */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** A random id made when the database was created. */
  storeId(): string {
    return (this.db.prepare('SELECT store_id FROM store_info WHERE id = 1').get() as { store_id: string }).store_id;
  }

  revision(): number {
    return (this.db.prepare('SELECT rev FROM revisions WHERE id = 1').get() as { rev: number }).rev;
  }

  get(scope: Scope, id: string): StoredDocument | undefined {
    const row = this.db.prepare(`SELECT ${META_COLUMNS}, text FROM documents WHERE scope = ? AND id = ?`).get(scope, id) as
      | DocumentRow
      | undefined;
    return row && toDocument(row);
  }

  has(scope: Scope, id: string): boolean {
    return this.db.prepare('SELECT 1 FROM documents WHERE scope = ? AND id = ?').get(scope, id) !== undefined;
  }

  /** The document an absolute path or URL names (see DocumentSource). */
  findByOrigin(scope: Scope, origin: string): StoredMeta | undefined {
    const row = this.db.prepare(`SELECT ${META_COLUMNS} FROM documents WHERE scope = ? AND origin = ?`).get(scope, origin) as
      | DocumentRow
      | undefined;
    return row && toMeta(row);
  }

  /** Documents whose file name is `name` (uploads of the same name ask before they replace one). */
  findByFileName(scope: Scope, name: string): StoredMeta[] {
    const rows = this.db
      .prepare(`SELECT ${META_COLUMNS} FROM documents WHERE scope = ? AND source_kind = 'file' AND source = ? ORDER BY added_at DESC, id`)
      .all(scope, name) as DocumentRow[];
    return rows.map(toMeta);
  }

  getMeta(scope: Scope, id: string): StoredMeta | undefined {
    const row = this.db.prepare(`SELECT ${META_COLUMNS} FROM documents WHERE scope = ? AND id = ?`).get(scope, id) as DocumentRow | undefined;
    return row && toMeta(row);
  }

  findByHash(scope: Scope, contentHash: string): DocumentMeta | undefined {
    const row = this.db
      .prepare(`SELECT ${META_COLUMNS} FROM documents WHERE scope = ? AND content_hash = ? LIMIT 1`)
      .get(scope, contentHash) as DocumentRow | undefined;
    return row && toMeta(row);
  }

  /** Metadata of every document in the given scopes, newest first. */
  list(scopes: readonly Scope[]): DocumentMeta[] {
    if (scopes.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT ${META_COLUMNS} FROM documents WHERE scope IN (${scopes.map(() => '?').join(',')}) ORDER BY added_at DESC, id`)
      .all(...scopes) as DocumentRow[];
    return rows.map(toMeta);
  }

  /** Totals for quotas. */
  usage(scope: Scope): { documents: number; bytes: number } {
    return this.db
      .prepare('SELECT COUNT(*) AS documents, COALESCE(SUM(bytes), 0) AS bytes FROM documents WHERE scope = ?')
      .get(scope) as { documents: number; bytes: number };
  }

  /**
   * Inserts or replaces the document (scope, id) and removes `replacing` (an older document of the same
   * source under another id) in the same transaction.
   */
  put(doc: StoredDocument, replacing?: string): void {
    this.transaction(() => {
      const rev = this.bump();
      if (replacing !== undefined && replacing !== doc.id) this.deleteRow(doc.scope, replacing, rev);
      this.db
        .prepare(
          `INSERT OR REPLACE INTO documents (scope, id, title, source_kind, source, publisher, author, reference, url, date,
             added_by, added_at, content_hash, bytes, text, rev, origin, layout)
           VALUES (@scope, @id, @title, @source_kind, @source, @publisher, @author, @reference, @url, @date,
             @added_by, @added_at, @content_hash, @bytes, @text, @rev, @origin, @layout)`,
        )
        .run({
          scope: doc.scope,
          id: doc.id,
          title: doc.title,
          source_kind: doc.source.kind,
          source: sourceValue(doc.source),
          publisher: doc.publisher ?? null,
          author: doc.author ?? null,
          reference: doc.reference ?? null,
          url: doc.url ?? null,
          date: doc.date ?? null,
          added_by: doc.addedBy,
          added_at: doc.addedAt,
          content_hash: doc.contentHash,
          bytes: Buffer.byteLength(doc.text, 'utf8'),
          text: doc.text,
          rev,
          origin: sourceOrigin(doc.source) ?? null,
          layout: doc.layout ?? 'plain',
        });
    });
  }

  /** Removes (scope, id); false when there was no such document. */
  remove(scope: Scope, id: string): boolean {
    return this.transaction(() => {
      if (!this.has(scope, id)) return false;
      this.deleteRow(scope, id, this.bump());
      return true;
    });
  }

  /**
   * Everything committed after revision `rev` (by this process or another), and the revision it leads to.
   * One read transaction: in WAL mode every read in it sees the snapshot taken at its first SELECT, so the
   * revision returned is exactly the one the changes reach. Read as three statements, a commit landing
   * between them moved a process's revision past a document it never received, and the index snapshot
   * it saved then hid that document from every later process. `rev <= current` says the same again.
   */
  changesSince(rev: number): StoreChanges {
    return this.db.transaction((): StoreChanges => {
      const current = this.revision();
      if (current === rev) return { rev, upserts: [], removals: [] };
      const upserts = (
        this.db.prepare(`SELECT ${META_COLUMNS}, text FROM documents WHERE rev > ? AND rev <= ?`).all(rev, current) as DocumentRow[]
      ).map(toDocument);
      const removals = this.db.prepare('SELECT scope, id FROM removals WHERE rev > ? AND rev <= ? ORDER BY rev').all(rev, current) as Array<{
        scope: Scope;
        id: string;
      }>;
      return { rev: current, upserts, removals };
    }).deferred();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private bump(): number {
    return (this.db.prepare('UPDATE revisions SET rev = rev + 1 WHERE id = 1 RETURNING rev').get() as { rev: number }).rev;
  }

  private deleteRow(scope: Scope, id: string, rev: number): void {
    this.db.prepare('DELETE FROM documents WHERE scope = ? AND id = ?').run(scope, id);
    this.db.prepare('INSERT INTO removals (scope, id, rev) VALUES (?, ?, ?)').run(scope, id, rev);
  }

  /**
   * Runs `work` in one IMMEDIATE transaction (taking the write lock up front, so that checks made inside
   * see the state the write lands on). Storage failures become a FootnoteError that says nothing changed.
   */
  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      // Only SQLite's own failures are storage errors; anything a check threw passes through as is.
      throw storageFailure(error, 'The document store could not save the change') ?? error;
    }
  }
}

function openForWriting(dataDir: string, file: string, open: OpenDatabase): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = open(file, {});
  try {
    db.pragma('busy_timeout = 5000');
    enableWal(db);
    // FULL: an acknowledged add survives power loss, not only a process crash.
    db.pragma('synchronous = FULL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The store for reading only. SQLite reads a WAL database read-only only when its -wal and -shm files
 * exist or can be created; after a clean shutdown they are gone, so the file is then read into memory
 * (marked as a rollback-journal database, bytes 18-19 of its header, so that the in-memory copy opens):
 * with no -wal file, the main file is the whole store.
 */
function openReadOnly(dataDir: string, file: string, open: OpenDatabase, reason: string): { db: Database.Database; reason: string } {
  let db: Database.Database;
  try {
    if (!existsSync(file)) {
      db = open(':memory:', {});
      migrate(db);
      db.pragma('query_only = ON');
      return { db, reason: `${reason}; it holds no documents yet` };
    }
    try {
      db = open(file, { readonly: true, fileMustExist: true });
      db.pragma('user_version');
    } catch (error) {
      const wal = `${file}-wal`;
      if (existsSync(wal) && statSync(wal).size > 0) throw error;
      const image = readFileSync(file);
      image[18] = 1;
      image[19] = 1;
      db = open(image, { readonly: true });
    }
  } catch (error) {
    throw openFailure(dataDir, error);
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new FootnoteError(
      'store_failed',
      `The document store in ${dataDir} has schema version ${version}, this footnote needs ${SCHEMA_VERSION}, and ${reason}: ` +
        'open it once with a writable DATA_DIR (or with the matching footnote).',
    );
  }
  return { db, reason };
}

function openFailure(dataDir: string, error: unknown): FootnoteError {
  const code = String((error as { code?: unknown }).code ?? '');
  // The folder or file cannot be written (SQLite needs to, even to read a WAL database): say where to look.
  const hint = CANNOT_WRITE.test(code) || code.startsWith('SQLITE_IOERR')
    ? ' (footnote must be able to write there: check that the folder exists, belongs to the user running footnote, and is not on a read-only or full disk)'
    : '';
  return new FootnoteError('store_failed', `The document store in ${dataDir} cannot be opened: ${(error as Error).message}${hint}`, {
    cause: error,
  });
}

/** How long opening waits for another connection to finish switching a fresh file to WAL (as busy_timeout). */
const WAL_SWITCH_WAIT_MS = 5000;

/**
 * `PRAGMA journal_mode = WAL`, retried while another connection is switching the same fresh file: SQLite
 * answers SQLITE_BUSY there at once, without the busy timeout (seen when processes start together on a
 * fresh DATA_DIR).
 */
function enableWal(db: Database.Database): void {
  const deadline = Date.now() + WAL_SWITCH_WAIT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // a 10 ms synchronous pause
    }
  }
}

function sourceValue(source: StoredSource): string {
  return source.kind === 'url' ? source.url : source.name;
}

function toMeta(row: DocumentRow): StoredMeta {
  const source: StoredSource =
    row.source_kind === 'url'
      ? { kind: 'url', url: row.source }
      : { kind: 'file', name: row.source, ...(row.origin !== null && { path: row.origin }) };
  return {
    scope: row.scope as Scope,
    id: row.id,
    title: row.title,
    source,
    ...(row.publisher !== null && { publisher: row.publisher }),
    ...(row.author !== null && { author: row.author }),
    ...(row.reference !== null && { reference: row.reference }),
    ...(row.url !== null && { url: row.url }),
    ...(row.date !== null && { date: row.date }),
    addedBy: row.added_by,
    addedAt: row.added_at,
    contentHash: row.content_hash,
    ...(row.layout !== 'plain' && { layout: row.layout }),
  };
}

function toDocument(row: DocumentRow): StoredDocument {
  return { ...toMeta(row), text: row.text };
}
