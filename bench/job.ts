import type { QueryClass, QuerySet } from './generate-queries.js';
import type { HostileKind, HostileSet } from './hostile-questions.js';
import type { Latency, Memory } from './measure.js';

/** A sentence no source text contains, planted in the 1 MB document: citing it proves the document is searchable. */
export const MARKER_SENTENCE = 'The zorbanite quillfeather assay measures how quickly a sample of quillfeather resin hardens under zorbanite light.';
export const MARKER_QUESTION = 'What does the zorbanite quillfeather assay measure?';

/** What each child process measures: one engine at one size (or the bot end to end). */
export type EngineName = 'footnote-build' | 'footnote' | 'minisearch' | 'flexsearch' | 'discord';

/** The job file the entry writes for a worker (`bench/engine-worker.ts <job.json>`). */
export type Job = {
  engine: EngineName;
  size: number;
  /** footnote: the generated corpus folder (CORPUS_DIR) and the DATA_DIR its store and snapshot live in. */
  corpusDir: string;
  dataDir: string;
  /** Peers: the same passages as JSON lines ({ id, title, text }). */
  passagesFile: string;
  queriesFile: string;
  /** Most time spent timing one query class of one engine; slower engines time fewer queries (n says how many). */
  budgetMs: number;
  /** footnote: a ~1 MB document to add and remove after the queries (only at the add size). */
  addDocumentFile?: string;
  /** discord: how many /ask interactions to time. */
  interactions?: number;
  outFile: string;
};

/** The queries file: timed queries, untimed warm-up queries, and the bot's questions. */
export type QueriesFile = { measured: QuerySet; warmup: QuerySet; interactions: string[]; hostile: HostileSet };

export type ClassLatency = Latency & { hitRate: number };
export type QueryLatencies = Record<QueryClass, ClassLatency>;

export type FootnoteBuildResult = {
  engine: 'footnote-build';
  passages: number;
  documents: number;
  /** KnowledgeBase.open on an empty DATA_DIR: reads the corpus folder, splits, indexes, writes the snapshot. */
  rebuildMs: number;
  memory: Memory;
  snapshotBytes: number;
  storeBytes: number;
};

export type AddRemoveResult = {
  documentBytes: number;
  passages: number;
  /** `add` resolved: extracted, stored durably and indexed. */
  addMs: number;
  /** The first question about the document's unique words, right after the add. */
  firstAskMs: number;
  foundAfterAdd: boolean;
  removeMs: number;
  goneAfterRemove: boolean;
};

export type FootnoteResult = {
  engine: 'footnote';
  passages: number;
  /** KnowledgeBase.open on the DATA_DIR the build left: loads the snapshot. */
  startupMs: number;
  /** readCorpusDir on the corpus folder alone (warm page cache): the part of start-up spent reading the shipped corpus. */
  corpusReadMs: number;
  loadedFromSnapshot: boolean;
  memoryAfterLoad: Memory;
  memory: Memory;
  queries: QueryLatencies;
  /** Questions built to be slow (hostile-questions): each kind's latency, and the share answered rather than "no match". */
  hostile: Record<HostileKind, ClassLatency>;
  /** saveSnapshot() after a small change: what the bot spends writing its snapshot at this size. */
  snapshotWriteMs: number;
  addRemove?: AddRemoveResult;
};

export type PeerResult = {
  engine: 'minisearch' | 'flexsearch';
  passages: number;
  buildMs: number;
  memoryAfterBuild: Memory;
  memory: Memory;
  /** minisearch: JSON.stringify(index) bytes; flexsearch: bytes its export() hands out. */
  snapshotBytes: number;
  queries: QueryLatencies;
};

export type DiscordResult = {
  engine: 'discord';
  passages: number;
  /** startBot until the fake saw READY: knowledge base from snapshot, login, gateway. */
  startupMs: number;
  /** INTERACTION_CREATE frame written → interaction callback received, as the fake Discord measures it. */
  callback: Latency;
  /** chatInput() called → callback promise settled in this process (includes the fake's own overhead). */
  wall: Latency;
  /** Callback types seen (4: replied with the answer, 5: deferred). */
  callbackTypes: Record<string, number>;
};

export type WorkerResult = FootnoteBuildResult | FootnoteResult | PeerResult | DiscordResult;
