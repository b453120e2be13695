import { readFileSync } from 'node:fs';
import { Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { BenchPassage } from './build-corpus.js';
import { QUERY_CLASSES } from './generate-queries.js';
import type { Job, PeerResult, QueriesFile, QueryLatencies } from './job.js';
import { memoryAfterGc, timed, timeQueries } from './measure.js';

/** A built peer index, reduced to what the harness needs from it. */
type Peer = { search(query: string): unknown[]; snapshotBytes(): Promise<number> };

/** minisearch with its default options: fields title and text, default tokenizer, BM25+, OR, no prefix or fuzzy. */
function buildMinisearch(passages: readonly BenchPassage[]): Peer {
  const mini = new MiniSearch<BenchPassage>({ fields: ['title', 'text'] });
  mini.addAll(passages);
  return {
    search: (q) => mini.search(q),
    snapshotBytes: async () => {
      // JSON.stringify(mini) counted term by term: the whole string at 200k passages nears V8's string limit.
      const { index, ...rest } = mini.toJSON();
      let bytes = Buffer.byteLength(JSON.stringify({ ...rest, index: [] }));
      for (const entry of index) bytes += Buffer.byteLength(JSON.stringify(entry)) + 1;
      return bytes;
    },
  };
}

/**
 * flexsearch's Index with its documented defaults made explicit: tokenize "strict" (whole words),
 * resolution 9, the default encoder (case and charset normalisation). Title and text are indexed as one
 * string, as footnote does. Searched with limit 10 and `suggest: true`, without which a question
 * returns only passages containing every one of its words (almost never, with stop words kept).
 */
function buildFlexsearch(passages: readonly BenchPassage[]): Peer {
  const index = new Index({ tokenize: 'strict', resolution: 9 });
  for (const p of passages) index.add(p.id, `${p.title}\n${p.text}`);
  return {
    search: (q) => index.search(q, { limit: 10, suggest: true }),
    snapshotBytes: async () => {
      let bytes = 0;
      await index.export(async (key: string, data: string) => {
        bytes += Buffer.byteLength(key) + Buffer.byteLength(data ?? '');
      });
      return bytes;
    },
  };
}

/** Builds the peer over the passages file, then times the same queries footnote answers. */
export async function runPeer(job: Job & { engine: 'minisearch' | 'flexsearch' }): Promise<PeerResult> {
  const passages = readPassages(job.passagesFile);
  const count = passages.length;
  const { ms: buildMs, value: peer } = await timed(() => (job.engine === 'minisearch' ? buildMinisearch(passages) : buildFlexsearch(passages)));
  // The peers keep no passage text (footnote does: it quotes passages); let the input go before weighing the heap.
  passages.length = 0;
  const memoryAfterBuild = memoryAfterGc();
  const { measured, warmup } = JSON.parse(readFileSync(job.queriesFile, 'utf8')) as QueriesFile;
  const queries = {} as QueryLatencies;
  for (const kind of QUERY_CLASSES) {
    queries[kind] = timeQueries(measured[kind], warmup[kind], (q) => peer.search(q), job.budgetMs, (r) => r.length > 0);
  }
  const memory = memoryAfterGc();
  const snapshotBytes = await peer.snapshotBytes();
  return { engine: job.engine, passages: count, buildMs, memoryAfterBuild, memory, snapshotBytes, queries };
}

function readPassages(file: string): BenchPassage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as BenchPassage);
}
