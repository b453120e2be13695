import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order inside one transaction each; `PRAGMA user_version` records the
 * last one applied. Never edit a migration that has shipped: add a new one.
 */
const MIGRATIONS: ReadonlyArray<(db: Database.Database) => void> = [
  // 1: documents, keyed by (scope, id). `rev` comes from a global counter so that another process can
  // tell which documents changed since it last looked (see DocumentStore.changesSince).
  (db) => {
    db.exec(`
      CREATE TABLE documents (
        scope        TEXT NOT NULL,
        id           TEXT NOT NULL,
        title        TEXT NOT NULL,
        source_kind  TEXT NOT NULL CHECK (source_kind IN ('file', 'url')),
        source       TEXT NOT NULL,
        publisher    TEXT,
        author       TEXT,
        reference    TEXT,
        url          TEXT,
        date         TEXT,
        added_by     TEXT NOT NULL,
        added_at     TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        bytes        INTEGER NOT NULL,
        text         TEXT NOT NULL,
        rev          INTEGER NOT NULL,
        PRIMARY KEY (scope, id)
      ) STRICT;
      CREATE UNIQUE INDEX documents_source ON documents (scope, source_kind, source);
      CREATE INDEX documents_hash ON documents (scope, content_hash);
      CREATE TABLE revisions (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        rev  INTEGER NOT NULL
      ) STRICT;
      INSERT INTO revisions (id, rev) VALUES (1, 0);
      -- Identifies this database, so that an index snapshot is only ever caught up from its own store.
      CREATE TABLE store_info (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        store_id TEXT NOT NULL
      ) STRICT;
      INSERT INTO store_info (id, store_id) VALUES (1, lower(hex(randomblob(16))));
      -- Removed documents leave a tombstone so other processes can drop them from their index.
      CREATE TABLE removals (
        scope TEXT NOT NULL,
        id    TEXT NOT NULL,
        rev   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX removals_rev ON removals (rev);
    `);
  },
  // 2: the bot's activity records (see src/discord/records). Times are epoch milliseconds, so retention
  // is one indexed range delete per table. Votes copy the question and the cited passages, so feedback
  // stays meaningful after the answer's buttons (and its row) have expired.
  (db) => {
    db.exec(`
      CREATE TABLE answers (
        id             TEXT PRIMARY KEY,
        guild_id       TEXT,
        include_global INTEGER NOT NULL,
        asker_id       TEXT NOT NULL,
        asker_name     TEXT NOT NULL,
        question       TEXT NOT NULL,
        cited          TEXT NOT NULL,
        created_at     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX answers_created ON answers (created_at);
      CREATE TABLE votes (
        answer_id  TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        guild_id   TEXT,
        question   TEXT NOT NULL,
        cited      TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (answer_id, user_id)
      ) STRICT;
      CREATE INDEX votes_created ON votes (created_at);
      CREATE TABLE unanswered (
        id         INTEGER PRIMARY KEY,
        guild_id   TEXT,
        question   TEXT NOT NULL,
        normalized TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX unanswered_guild ON unanswered (guild_id, created_at);
      CREATE INDEX unanswered_created ON unanswered (created_at);
      CREATE TABLE guild_settings (
        guild_id       TEXT PRIMARY KEY,
        include_shared INTEGER NOT NULL,
        updated_by     TEXT NOT NULL,
        updated_at     INTEGER NOT NULL
      ) STRICT;
    `);
  },
  // 3: catching up with another connection's commits asks for the documents changed since a revision; without
  // this index that is a scan of every document's text, on every question after any other connection committed.
  (db) => {
    db.exec('CREATE INDEX documents_rev ON documents (rev);');
  },
  // 4: a document is named by its absolute path or URL (`origin`), never by its bare file name: teams add
  // folders full of README.md. Uploads and pasted text have no origin. `layout` says how the text is cut
  // into passages; stored Markdown files are re-read as Markdown.
  (db) => {
    db.exec(`
      DROP INDEX documents_source;
      ALTER TABLE documents ADD COLUMN origin TEXT;
      ALTER TABLE documents ADD COLUMN layout TEXT NOT NULL DEFAULT 'plain' CHECK (layout IN ('plain', 'markdown'));
      UPDATE documents SET origin = source WHERE source_kind = 'url';
      UPDATE documents SET layout = 'markdown'
        WHERE source_kind = 'file' AND (lower(source) LIKE '%.md' OR lower(source) LIKE '%.markdown');
      CREATE UNIQUE INDEX documents_origin ON documents (scope, origin) WHERE origin IS NOT NULL;
      CREATE INDEX documents_source_name ON documents (scope, source);
    `);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the schema up to date. Each step reads `user_version` inside its own IMMEDIATE transaction, so
 * the check and the DDL are one atomic step: two processes starting on a fresh DATA_DIR at once used to
 * both read version 0 and the second failed with "table documents already exists" (4 runs in 10).
 */
export function migrate(db: Database.Database): void {
  // The usual case, without taking the write lock: the version only ever grows.
  if (checkedVersion(db) === SCHEMA_VERSION) return;
  for (;;) {
    const applied = db
      .transaction(() => {
        const version = checkedVersion(db);
        const step = MIGRATIONS[version];
        if (!step) return false;
        step(db);
        db.pragma(`user_version = ${version + 1}`);
        return true;
      })
      .immediate();
    if (!applied) return;
  }
}

function checkedVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`The store's schema version ${version} is newer than this footnote (${SCHEMA_VERSION}); upgrade footnote.`);
  }
  return version;
}
