import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ask, type AskOptions } from '../answer/ask.js';
import type { Answer } from '../answer/answer.js';
import { everydayWords } from '../answer/everyday-words.js';
import { relatedWords } from '../answer/related-words.js';
import { entityTagger } from '../answer/answer-entities.js';
import { parseFrontMatter } from '../corpus/parse-front-matter.js';
import { readCorpusDir } from '../corpus/read-corpus-dir.js';
import { visibleScopes, type CorpusDocument, type DocumentMeta, type Scope } from '../documents/document.js';
import { FootnoteError, isFootnoteError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { silentLogger, type Logger } from '../logger.js';
import { splitDocument } from '../passages/split-document.js';
import { DEFAULT_MAX_CHARS, type Passage } from '../passages/split-passages.js';
import {
  createEngine,
  irregularVerbs,
  loadEngine,
  OPTIONS_HASH,
  removeStrayTemporaries,
  SNAPSHOT_FORMAT,
  type Engine,
  type IndexedPassage,
  type SnapshotManifest,
} from '../engine/engine.js';
import { DocumentStore, type OpenDatabase } from '../store/document-store.js';
import type { AddOutcome, AddRequest, AddResult, PendingAdd, Quota } from './add-input.js';
import { GuildSettings } from './guild-settings.js';
import { prepareDocument, type ExtractionSettings } from './prepare-document.js';
import { TitleSearch, type FoundDocument } from './title-search.js';
import { writeDocument } from './write-document.js';

export type KnowledgeBaseOptions = {
  corpusDir: string;
  dataDir: string;
  logger?: Logger;
  /** Passage bound in characters (default 1,000: passages are quoted in Discord embeds). */
  passageMaxChars?: number;
  maxQuestionChars?: number;
  extraction?: ExtractionSettings;
  /** Per-scope limits for documents added at runtime (the shipped corpus is not counted). */
  quota?: (scope: Scope) => Quota;
  /** Wall clock for `addedAt`. */
  clock?: () => Date;
  /** Delay before a changed index is written to its snapshot (default 5 s; the bot runs for days). */
  snapshotDelayMs?: number;
  /** How the store's database file is opened (tests inject a read-only disk). */
  openDatabase?: OpenDatabase;
};

/** Where a question is asked: a server (its documents, and the shared corpus unless it turned that off), or no server (the shared corpus). `scopes` overrides that choice. */
export type AskRequest = { guildId?: string; scopes?: readonly Scope[]; top?: number };
export type ListedDocument = DocumentMeta & { passages: number; readOnly: boolean };

const SNAPSHOT_FILE = join('index', 'passages.snapshot.ndjson');

/** The options with every default filled in, once: the rest of the class never writes `?? 1000` again. */
type ResolvedOptions = Required<Omit<KnowledgeBaseOptions, 'maxQuestionChars' | 'openDatabase'>> & Pick<KnowledgeBaseOptions, 'maxQuestionChars' | 'openDatabase'>;

function resolveOptions(options: KnowledgeBaseOptions): ResolvedOptions {
  return {
    ...options,
    logger: options.logger ?? silentLogger,
    passageMaxChars: options.passageMaxChars ?? DEFAULT_MAX_CHARS,
    extraction: options.extraction ?? {},
    quota: options.quota ?? (() => ({})),
    clock: options.clock ?? (() => new Date()),
    // The bot runs for days: a snapshot a few seconds after the last change is soon enough.
    snapshotDelayMs: options.snapshotDelayMs ?? 5000,
  } satisfies ResolvedOptions;
}

/**
 * The knowledge base: the shipped corpus (read-only, global), the runtime store, and the live passage
 * index over both. Every read first catches up with writes other processes committed to the store.
 */
export class KnowledgeBase {
  private rev = 0;
  private dataVersion = 0;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private dirty = false;
  private closed = false;
  private guildSettings: GuildSettings | undefined;

  /** The shipped corpus's metadata (from the snapshot, or from the corpus folder when rebuilding). */
  private shipped: ReadonlyMap<string, DocumentMeta> = new Map();
  private index: Engine = createEngine();
  /** Title and id search over the indexed documents, built on first use and then kept up to date. */
  private titles: TitleSearch | undefined;
  /** The passages `addMany` just cut, by content hash, for the index to reuse (see addMany). */
  private presplit: ReadonlyMap<string, readonly Passage[]> | undefined;
  /**
   * Passage texts re-cut from their source while recovering a damaged snapshot, by document (scope,
   * id, content hash): a document is read and cut once, however many of its passages are damaged.
   * Emptied when the snapshot is written again (its texts are then whole).
   */
  private recovered = new Map<string, ReadonlyMap<string, string> | undefined>();

  private readonly logger: Logger;

  private constructor(
    private readonly options: ResolvedOptions,
    private readonly store: DocumentStore,
    private readonly corpusHash: string,
  ) {
    this.logger = options.logger;
  }

  /**
   * Opens the store and loads the index snapshot if the corpus folder has not changed since it was
   * taken; otherwise reads the corpus and rebuilds the index.
   */
  static async open(options: KnowledgeBaseOptions): Promise<KnowledgeBase> {
    // The answering resources load now, so that a missing or corrupt one stops start-up, naming the file.
    everydayWords();
    relatedWords();
    entityTagger();
    irregularVerbs();
    const corpusHash = await corpusFingerprint(options.corpusDir, options.passageMaxChars);
    const store = DocumentStore.open(options.dataDir, options.openDatabase ? { openDatabase: options.openDatabase } : {});
    const kb = new KnowledgeBase(resolveOptions(options), store, corpusHash);
    if (store.readOnly) kb.logger.info({ reason: store.readOnly }, 'opened read-only: documents cannot be added or removed');
    try {
      await kb.loadIndex();
    } catch (error) {
      store.close();
      throw error;
    }
    return kb;
  }

  /** Answers a question asked in `guildId` (or outside any guild: the global documents only). */
  ask(question: string, request: AskRequest = {}, options: Omit<AskOptions, 'scopes'> = {}): Answer {
    this.sync();
    return ask(this.index, question, {
      ...options,
      scopes: request.scopes ?? this.resolveScopes(request.guildId),
      ...(request.top !== undefined && { top: request.top }),
      ...(this.options.maxQuestionChars !== undefined && { maxQuestionChars: this.options.maxQuestionChars }),
    });
  }

  /**
   * Adds (or replaces) a document. Durable when the promise resolves: it is in the store and the index.
   * Throws FootnoteError for every refusal (bad input, duplicate, quota, read-only store); the store and
   * the index are then exactly as they were.
   */
  async add(request: AddRequest): Promise<AddResult> {
    const [outcome] = await this.addMany([async () => request]);
    if (outcome?.kind === 'failed') throw outcome.error;
    return outcome!.result;
  }

  /**
   * Adds several documents in one go: each is read, extracted, checked and stored on its own (a
   * refusal fails that one, and the rest go on), then the index catches up once. `onProgress` hears of
   * each document as it is done. Every stored document is durable and searchable when the promise
   * resolves.
   */
  async addMany(requests: readonly PendingAdd[], onProgress?: (done: number, outcome: AddOutcome) => void): Promise<AddOutcome[]> {
    this.assertWritable('added');
    const outcomes: AddOutcome[] = [];
    const presplit = new Map<string, readonly Passage[]>();
    try {
      for (const request of requests) {
        const outcome = await this.addOne(request, presplit);
        outcomes.push(outcome);
        onProgress?.(outcomes.length, outcome);
      }
    } finally {
      // Even when something unexpected stops the batch, what was stored is indexed. Cutting a large
      // document into passages is most of an add's time (~0.3 s per MB): the index takes the passages
      // the check already cut instead of cutting the stored text again.
      this.presplit = presplit;
      try {
        this.catchUp();
      } finally {
        this.presplit = undefined;
      }
    }
    return outcomes;
  }

  private async addOne(pending: PendingAdd, presplit: Map<string, readonly Passage[]>): Promise<AddOutcome> {
    try {
      const request = await pending();
      const prepared = await prepareDocument(request, this.options.extraction, this.options.passageMaxChars);
      const result = writeDocument(this.store, this.shipped, request, prepared, {
        quota: this.options.quota(request.scope),
        now: this.options.clock(),
      });
      presplit.set(prepared.contentHash, prepared.split);
      return { kind: 'done', result };
    } catch (error) {
      if (!isFootnoteError(error)) throw error;
      return { kind: 'failed', error };
    }
  }

  /** The runtime documents of `scope` whose file name is `name` (an upload of that name may mean one of them). */
  documentsNamed(scope: Scope, name: string): DocumentMeta[] {
    this.assertOpen();
    return this.store.findByFileName(scope, name);
  }

  /** Removes a runtime document. The shipped corpus is read-only: edit `corpus/` to change it. */
  remove(scope: Scope, id: string): DocumentMeta {
    this.assertWritable('removed');
    if (scope === 'global' && this.shipped.has(id)) {
      throw new FootnoteError(
        'read_only',
        `"${id}" is part of the shipped corpus and cannot be removed by command; remove it from the corpus folder instead.`,
      );
    }
    const meta = this.store.get(scope, id);
    if (!meta || !this.store.remove(scope, id)) throw new FootnoteError('not_found', `There is no document "${id}" here.`);
    this.catchUp();
    const { text: _text, ...rest } = meta;
    return rest;
  }

  /**
   * The scopes a question asked in `guildId` searches: the server's own documents, and the shared corpus
   * unless the server turned it off; outside any server, the shared corpus alone. The bot and the CLI
   * both ask here, so one server's question is answered alike from either.
   */
  resolveScopes(guildId: string | undefined): Scope[] {
    if (guildId === undefined) return ['global'];
    return visibleScopes(guildId, this.settings.get(guildId).includeShared);
  }

  /** Per-server settings (whether the shared corpus is searched), kept in the store's database. */
  get settings(): GuildSettings {
    this.guildSettings ??= new GuildSettings(this.store.database);
    return this.guildSettings;
  }

  /** Documents in the given scopes (shipped first, then newest first), with their passage counts. */
  list(scopes: readonly Scope[]): ListedDocument[] {
    this.sync();
    const listed: ListedDocument[] = [];
    for (const doc of this.index.allDocuments()) {
      if (!scopes.includes(doc.meta.scope)) continue;
      const readOnly = doc.meta.source.kind === 'shipped';
      listed.push({ ...doc.meta, passages: doc.keys.length, readOnly });
    }
    return listed.sort((a, b) => Number(b.readOnly) - Number(a.readOnly) || b.addedAt.localeCompare(a.addedAt) || a.id.localeCompare(b.id));
  }

  /**
   * Documents of `scopes` whose title or id matches what was typed (fuzzy, by prefix; see TitleSearch),
   * best first, at most `limit`; with nothing typed, the first `limit` documents in `list` order.
   */
  findDocuments(query: string, scopes: readonly Scope[], limit: number): FoundDocument[] {
    if (query.trim() === '') return this.list(scopes).slice(0, limit).map((d) => ({ scope: d.scope, id: d.id, title: d.title, score: 0 }));
    this.sync();
    if (!this.titles) {
      this.titles = new TitleSearch();
      for (const { meta } of this.index.allDocuments()) this.titles.add(meta);
    }
    return this.titles.find(query, scopes, limit);
  }

  /** A document's metadata and passages, if it is visible in one of `scopes`. */
  document(scopes: readonly Scope[], id: string): { meta: DocumentMeta; passages: IndexedPassage[] } | undefined {
    this.sync();
    for (const scope of scopes) {
      const doc = this.index.getDocument(scope, id);
      if (doc) return { meta: doc.meta, passages: this.index.documentPassages(scope, id) };
    }
    return undefined;
  }

  usage(scope: Scope): { documents: number; bytes: number } {
    return this.store.usage(scope);
  }

  /** The store's database, for the adapters' own tables (feedback, questions). */
  get database(): DocumentStore['database'] {
    return this.store.database;
  }

  get stats(): { documents: number; passages: number } {
    return { documents: this.index.documentCount, passages: this.index.passageCount };
  }

  /**
   * Whether the knowledge base can serve: the store answers a read, and the index has caught up with
   * it (for health checks; never throws).
   */
  health(): { store: boolean; index: boolean } {
    let store = false;
    try {
      store = !this.closed && this.store.revision() >= 0;
    } catch {
      store = false;
    }
    let index = false;
    try {
      this.sync();
      index = true;
    } catch {
      index = false;
    }
    return { store, index };
  }

  /** Brings the index up to date with commits made by other processes; true if anything changed. */
  sync(): boolean {
    this.assertOpen();
    const version = this.store.dataVersion();
    if (version === this.dataVersion) return false;
    this.dataVersion = version;
    return this.catchUp();
  }

  /** Why documents cannot be added or removed (DATA_DIR is read-only), or undefined when they can. */
  get readOnly(): string | undefined {
    return this.store.readOnly;
  }

  /** Writes the snapshot now if the index changed since the last one (never on a read-only DATA_DIR). */
  async saveSnapshot(): Promise<void> {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
    if (!this.dirty || this.readOnly) return;
    this.dirty = false;
    try {
      this.recovered.clear();
      await this.index.save(this.snapshotPath, {
        format: SNAPSHOT_FORMAT,
        optionsHash: OPTIONS_HASH,
        corpusHash: this.corpusHash,
        storeId: this.store.storeId(),
        storeRev: this.rev,
      });
    } catch (error) {
      // The snapshot only saves start-up time; the store stays the record. Log and go on.
      this.logger.warn({ err: error }, 'could not write the index snapshot');
    }
  }

  /** Saves the snapshot and closes the store. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.saveSnapshot();
    this.closed = true;
    this.index.close();
    this.store.close();
  }

  private get snapshotPath(): string {
    return join(this.options.dataDir, SNAPSHOT_FILE);
  }

  /** Loads the snapshot, or reads the corpus and indexes it and the store again (its texts are not kept). */
  private async loadIndex(): Promise<void> {
    const storeId = this.store.storeId();
    const storeRev = this.store.revision();
    if (!this.readOnly) await removeStrayTemporaries(this.snapshotPath);
    try {
      const accept = (m: SnapshotManifest) => {
        if (m.corpusHash !== this.corpusHash) return 'the shipped corpus changed';
        if (m.storeId !== storeId) return 'it belongs to another store';
        if (m.storeRev > storeRev) return 'it is newer than the store';
        return undefined;
      };
      const { manifest, engine: index } = await loadEngine(this.snapshotPath, accept, (passage) => this.recoverText(passage));
      this.index = index;
      this.titles = undefined;
      this.shipped = new Map([...index.allDocuments()].filter(({ meta }) => meta.source.kind === 'shipped').map(({ meta }) => [meta.id, meta]));
      this.rev = manifest.storeRev;
      this.logger.debug({ passages: index.passageCount, rev: manifest.storeRev }, 'index loaded from snapshot');
    } catch (error) {
      if (!(error instanceof FootnoteError)) throw error;
      this.logger.info({ reason: error.message }, 'building the index');
      const shippedDocs = await readCorpusDir(this.options.corpusDir);
      this.shipped = new Map(shippedDocs.map(({ text: _text, ...meta }) => [meta.id, meta]));
      this.index = createEngine();
      this.titles = undefined;
      for (const doc of shippedDocs) this.indexDocument(doc);
      this.rev = 0;
      this.dirty = true;
    }
    this.dataVersion = this.store.dataVersion();
    this.catchUp();
    await this.saveSnapshot();
  }

  /**
   * A passage's text from its source (the store, or the shipped corpus file), for when the snapshot's
   * copy fails its checksum (disk damage): the answer goes on, and the next snapshot is written whole.
   */
  private recoverText(passage: IndexedPassage): string | undefined {
    this.logger.warn({ passage: passage.id }, 'a passage text in the index snapshot is damaged; reading it from its source');
    this.markDirty();
    const meta = this.index.getDocument(passage.scope, passage.docId)?.meta;
    const key = `${passage.scope}\u0000${passage.docId}\u0000${meta?.contentHash ?? ''}`;
    if (!this.recovered.has(key)) this.recovered.set(key, this.recutDocument(passage, meta));
    return this.recovered.get(key)?.get(passage.id);
  }

  /** The passage texts of a document cut again from its source, by passage id (undefined if unreadable). */
  private recutDocument(passage: IndexedPassage, meta: DocumentMeta | undefined): ReadonlyMap<string, string> | undefined {
    let text: string | undefined;
    try {
      if (meta?.source.kind === 'shipped') {
        const path = join(this.options.corpusDir, meta.source.path);
        const { body } = parseFrontMatter(readFileSync(path, 'utf8'), path);
        if (sha256Hex(body) === meta.contentHash) text = body;
      } else text = this.store.get(passage.scope, passage.docId)?.text;
    } catch (error) {
      this.logger.warn({ err: error, passage: passage.id }, 'could not read the source of a damaged passage text');
    }
    if (text === undefined) return undefined;
    this.logger.debug({ scope: passage.scope, doc: passage.docId }, 'cutting a document again to recover its damaged passage texts');
    const passages = splitDocument({ id: passage.docId, text, layout: meta?.layout }, { maxChars: this.options.passageMaxChars });
    return new Map(passages.map((p) => [p.id, p.text]));
  }

  /** Applies every store change after `rev` to the index. */
  private catchUp(): boolean {
    const changes = this.store.changesSince(this.rev);
    if (changes.rev === this.rev) return false;
    for (const { scope, id } of changes.removals) {
      this.index.remove(scope, id);
      this.titles?.remove(scope, id);
    }
    for (const doc of changes.upserts) this.indexDocument(doc);
    this.rev = changes.rev;
    this.markDirty();
    return true;
  }

  /**
   * Indexes a document: with the passages `addMany` just cut in the extraction worker, or else (a
   * document another process added, or every document when the index is rebuilt) cut here, on the
   * main thread. That stays synchronous on purpose: `sync()` runs before every answer and must not
   * wait. It is bounded all the same: every stored document was cut once in the worker when it was
   * added, under its heap cap and timeout, and cutting is deterministic and linear, so cutting it again
   * takes the same bounded time and memory (the shipped corpus is the operator's own text).
   */
  private indexDocument(doc: CorpusDocument): void {
    const { text, ...meta } = doc;
    const presplit = this.presplit?.get(doc.contentHash);
    const passages = presplit
      ? presplit.map((passage) => ({ ...passage, id: `${doc.id}#p${passage.ordinal}`, docId: doc.id }))
      : splitDocument(doc, { maxChars: this.options.passageMaxChars });
    this.index.add(meta, passages);
    this.titles?.add(meta);
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.snapshotTimer || this.closed || this.readOnly) return;
    this.snapshotTimer = setTimeout(() => void this.saveSnapshot(), this.options.snapshotDelayMs);
    this.snapshotTimer.unref();
  }

  private assertWritable(done: 'added' | 'removed'): void {
    this.assertOpen();
    if (this.readOnly) {
      throw new FootnoteError(
        'read_only',
        `${this.readOnly}. No document can be ${done}: make DATA_DIR writable by the user running footnote, or point DATA_DIR at a writable folder.`,
      );
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The knowledge base is closed.');
  }
}

/**
 * What the shipped part of a snapshot was built from, read without opening the files: every file name
 * in the corpus folder with its size and modification time, and the passage bound. Adding, removing
 * or editing a file changes it (and so rebuilds the index); reading and hashing the whole corpus at
 * every start, as the snapshot check did before, took 4 to 8 s at 200k passages. An unreadable folder
 * gives no fingerprint: the snapshot is refused and reading the corpus reports the error.
 */
async function corpusFingerprint(dir: string, passageMaxChars: number | undefined): Promise<string> {
  try {
    const names = (await readdir(dir)).sort();
    const stats = await Promise.all(names.map((name) => stat(join(dir, name))));
    return sha256Hex(JSON.stringify([passageMaxChars ?? null, names.map((name, i) => [name, stats[i]!.size, stats[i]!.mtimeMs])])).slice(0, 32);
  } catch {
    return '';
  }
}
