import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import { openKnowledgeBase } from '../src/config/open-knowledge-base.js';
import type { Answer } from '../src/core/answer/answer.js';
import { readCorpusDir } from '../src/core/corpus/read-corpus-dir.js';
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import type { Logger } from '../src/core/logger.js';
import { STORE_FILE } from '../src/core/store/document-store.js';
import { QUERY_CLASSES } from './generate-queries.js';
import { HOSTILE_KINDS } from './hostile-questions.js';
import { MARKER_QUESTION, type AddRemoveResult, type FootnoteBuildResult, type FootnoteResult, type Job, type QueriesFile, type QueryLatencies } from './job.js';
import { memoryAfterGc, sizeOf, timed, timeQueries } from './measure.js';

const GUILD_SCOPE = 'guild:100000000000000001';
const GUILD_ID = '100000000000000001';

/** footnote as production opens it: the bot's configuration path (openKnowledgeBase) with the generated CORPUS_DIR. */
function open(job: Job, logger: Logger): Promise<KnowledgeBase> {
  const config = loadConfig({ CORPUS_DIR: job.corpusDir, DATA_DIR: job.dataDir, LOG_LEVEL: 'silent' }, { dotenv: false });
  return openKnowledgeBase(config, logger);
}

/** A logger that remembers messages, to tell a snapshot load from a rebuild ("building the index"). */
function recordingLogger(): Logger & { messages: string[] } {
  const messages: string[] = [];
  const at = (_obj: object, msg?: string) => void (msg !== undefined && messages.push(msg));
  return { messages, debug: at, info: at, warn: at, error: at };
}

/** Rebuild: KnowledgeBase.open on an empty DATA_DIR indexes the corpus folder and writes the snapshot. */
export async function runFootnoteBuild(job: Job): Promise<FootnoteBuildResult> {
  const { ms, value: kb } = await timed(() => open(job, recordingLogger()));
  const memory = memoryAfterGc();
  const { passages, documents } = kb.stats;
  await kb.close();
  const isStore = (path: string) => basename(path).startsWith(STORE_FILE);
  return {
    engine: 'footnote-build',
    passages,
    documents,
    rebuildMs: ms,
    memory,
    snapshotBytes: sizeOf(job.dataDir, (path) => !isStore(path)),
    storeBytes: sizeOf(job.dataDir, isStore),
  };
}

/** Start-up from the snapshot in a fresh process, then `ask` latency per query class, then writes. */
export async function runFootnote(job: Job): Promise<FootnoteResult> {
  const logger = recordingLogger();
  const { ms: startupMs, value: kb } = await timed(() => open(job, logger));
  const loadedFromSnapshot = !logger.messages.includes('building the index');
  const memoryAfterLoad = memoryAfterGc();
  const { measured, warmup, hostile: built } = JSON.parse(readFileSync(job.queriesFile, 'utf8')) as QueriesFile;
  const queries = {} as QueryLatencies;
  for (const kind of QUERY_CLASSES) {
    queries[kind] = timeQueries(measured[kind], warmup[kind], (q) => kb.ask(q), job.budgetMs, (a: Answer) => a.kind === 'answer');
  }
  const hostile = {} as FootnoteResult['hostile'];
  for (const kind of HOSTILE_KINDS) hostile[kind] = timeQueries(built[kind], [], (q) => kb.ask(q), job.budgetMs, (a: Answer) => a.kind === 'answer');
  const memory = memoryAfterGc();
  const snapshotWriteMs = await timeSnapshotWrite(kb);
  const addRemove = job.addDocumentFile === undefined ? undefined : await addAndRemove(kb, readFileSync(job.addDocumentFile));
  const { passages } = kb.stats;
  await kb.close();
  // Start-up reads the whole shipped corpus folder before it loads the snapshot (the corpus hash decides
  // whether the snapshot is still valid); timed again on its own to show how much of start-up that is.
  const { ms: corpusReadMs } = await timed(() => readCorpusDir(job.corpusDir));
  return {
    engine: 'footnote',
    passages,
    startupMs,
    corpusReadMs,
    loadedFromSnapshot,
    memoryAfterLoad,
    memory,
    queries,
    hostile,
    snapshotWriteMs,
    ...(addRemove && { addRemove }),
  };
}

/** Adds a small document (so the index is dirty), times saveSnapshot(), and takes the document out again. */
async function timeSnapshotWrite(kb: KnowledgeBase): Promise<number> {
  const added = await kb.add({
    scope: GUILD_SCOPE,
    input: { kind: 'text', text: 'A short probe document, added so that the index has changed.\n\nIt has two paragraphs.' },
    title: 'Bench snapshot probe',
    addedBy: 'bench',
  });
  const { ms } = await timed(() => kb.saveSnapshot());
  kb.remove(GUILD_SCOPE, added.id);
  return ms;
}

/** Adds the ~1 MB document as a moderator's file upload would, asks about it, removes it, asks again. */
async function addAndRemove(kb: KnowledgeBase, bytes: Buffer): Promise<AddRemoveResult> {
  const cites = (answer: Answer, id: string) => answer.kind === 'answer' && answer.results.some((r) => r.docId === id);
  const { ms: addMs, value: added } = await timed(() =>
    kb.add({ scope: GUILD_SCOPE, input: { kind: 'file', name: 'bench-1mb.txt', bytes, contentType: 'text/plain' }, addedBy: 'bench' }),
  );
  const { ms: firstAskMs, value: found } = await timed(() => kb.ask(MARKER_QUESTION, { guildId: GUILD_ID }));
  const { ms: removeMs } = await timed(() => kb.remove(GUILD_SCOPE, added.id));
  const after = kb.ask(MARKER_QUESTION, { guildId: GUILD_ID });
  return {
    documentBytes: bytes.length,
    passages: added.passages,
    addMs,
    firstAskMs,
    foundAfterAdd: cites(found, added.id),
    removeMs,
    goneAfterRemove: !cites(after, added.id),
  };
}
