/**
 * `npm run bench [-- options]`: footnote's `ask` against bare minisearch and flexsearch on the same
 * generated passages and queries, each engine in a fresh process per size, plus footnote alone on
 * questions built to be slow (hostile-questions), adding/removing a 1 MB document and /ask end to end
 * through the fake Discord. The workers run a copy of the code taken at the
 * start (bench/freeze-sources.ts), so one run measures one version of src/. Writes bench/results/bench-<date>.{md,json}
 * (and latest.md) and prints the tables. Never part of `npm test`.
 *
 *   --ir DIR          IR collections (default ../shared/eval/ir beside the repository)
 *   --sizes LIST      passage counts (default 10000,50000,200000)
 *   --queries N       timed queries per class (default 100)
 *   --interactions N  /ask interactions through the fake Discord (default 300)
 *   --budget S        most seconds timing one query class of one engine (default 20; the Discord run gets 3×)
 *   --at N            size for the 1 MB add/remove and the Discord run (default 50000, else the largest size)
 *   --seed S          PRNG seed for corpus and queries (default 42)
 *   --out DIR         results folder (default bench/results)
 *   --quick           smoke run: sizes 1000,5000, 20 queries, 40 interactions, 5 s budgets (~1 minute)
 *   --keep            keep the generated corpora and data folders (printed at the end)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PassageSource, textBytes, writeCorpus } from './build-corpus.js';
import { freezeSources, sourceVersion } from './freeze-sources.js';
import { generateQueries } from './generate-queries.js';
import { hostileQuestions } from './hostile-questions.js';
import { MARKER_QUESTION, MARKER_SENTENCE, type EngineName, type Job, type QueriesFile, type WorkerResult } from './job.js';
import { readIrCollections } from './read-ir-collections.js';
import { renderMarkdown } from './render-report.js';
import { fileResult, machineInfo, writeReport, type BenchReport, type SizeReport } from './write-report.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const WARMUP_QUERIES = 10;
/** Questions of each hostile kind (hostile-questions): a few, each slow if anything is. */
const HOSTILE_QUESTIONS = 10;
/** The document added and removed at the `--at` size: 1 MiB of further generated passages. */
const ADD_DOCUMENT_BYTES = 1024 * 1024;

const { values } = parseArgs({
  options: {
    ir: { type: 'string', default: resolve(REPO_ROOT, '..', 'shared', 'eval', 'ir') },
    sizes: { type: 'string' },
    queries: { type: 'string' },
    interactions: { type: 'string' },
    budget: { type: 'string' },
    at: { type: 'string' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: join(REPO_ROOT, 'bench', 'results') },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const sizes = (values.sizes ?? (quick ? '1000,5000' : '10000,50000,200000')).split(',').map(positiveInt);
const queryCount = positiveInt(values.queries ?? (quick ? '20' : '100'));
const interactionCount = positiveInt(values.interactions ?? (quick ? '40' : '300'));
const budgetMs = positiveInt(values.budget ?? (quick ? '5' : '20')) * 1000;
const at = values.at !== undefined ? positiveInt(values.at) : sizes.includes(50_000) ? 50_000 : Math.max(...sizes);
const seed = values.seed;
const started = Date.now();
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);

// 1. Source text and queries (the same at every size).
const collections = readIrCollections(resolve(values.ir));
const workDir = mkdtempSync(join(tmpdir(), 'footnote-bench-'));
const codeRoot = freezeSources(REPO_ROOT, join(workDir, 'code'));
const code = sourceVersion(codeRoot, REPO_ROOT);
const queriesFile = join(workDir, 'queries.json');
const queries: QueriesFile = {
  measured: generateQueries(collections, queryCount, seed),
  warmup: generateQueries(collections, WARMUP_QUERIES, `${seed}/warmup`),
  interactions: generateQueries(collections, interactionCount, `${seed}/bot`).natural,
  hostile: hostileQuestions(collections, generateQueries(collections, HOSTILE_QUESTIONS, `${seed}/hostile`).natural, HOSTILE_QUESTIONS, seed),
};
writeFileSync(queriesFile, JSON.stringify(queries, null, 1));
log(`work folder ${workDir}; code ${code.commit} + ${code.changedFiles} changed files in src (sha256 ${code.sourcesSha256}), frozen there`);
log(`sizes ${sizes.join(', ')}; ${queryCount} queries per class; add/remove and Discord at ${at}`);

// 2. Every size: generate, write, and measure each engine in its own process.
const reports: SizeReport[] = [];
for (const size of sizes) {
  const dir = join(workDir, `size-${size}`);
  const source = new PassageSource(collections, seed);
  const passages = source.take(size);
  const { corpusDir, passagesFile, documents } = writeCorpus(dir, passages);
  const report: SizeReport = { size, documents, textBytes: textBytes(passages), duplicatesRejected: source.duplicatesRejected, results: {}, errors: {} };
  const addDocumentFile = size === at ? writeAddDocument(dir, source) : undefined;
  const base = { size, corpusDir, dataDir: join(dir, 'data'), passagesFile, queriesFile, budgetMs, outFile: '' };
  const engines: EngineName[] = ['footnote-build', 'footnote', 'minisearch', 'flexsearch', ...(size === at ? (['discord'] as const) : [])];
  for (const engine of engines) {
    const job: Job = {
      ...base,
      engine,
      outFile: join(dir, `${engine}.result.json`),
      ...(engine === 'footnote' && addDocumentFile !== undefined && { addDocumentFile }),
      ...(engine === 'discord' && { interactions: interactionCount, budgetMs: 3 * budgetMs }),
    };
    log(`${size} passages: ${engine} …`);
    const outcome = runWorker(job, join(dir, `${engine}.job.json`));
    if ('error' in outcome) report.errors[engine] = outcome.error;
    else fileResult(report.results, outcome.result);
  }
  reports.push(report);
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}

// 3. Report.
const report: BenchReport = {
  date: new Date(started).toISOString(),
  quick,
  durationS: Math.round((Date.now() - started) / 1000),
  code,
  machine: { ...machineInfo(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
  options: { sizes, queriesPerClass: queryCount, warmupPerClass: WARMUP_QUERIES, budgetS: budgetMs / 1000, interactions: interactionCount, at, seed, ir: resolve(values.ir) },
  sizes: reports,
  markerQuestion: MARKER_QUESTION,
};
const written = writeReport(resolve(values.out), report);
process.stdout.write(`\n${renderMarkdown(report)}\n`);
log(`wrote ${written.join(', ')} in ${report.durationS} s`);
if (values.keep) log(`kept ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });

/** Runs one worker in a fresh Node process (own heap, --expose-gc) on the frozen code, and reads its result. */
function runWorker(job: Job, jobFile: string): { result: WorkerResult } | { error: string } {
  writeFileSync(jobFile, JSON.stringify(job));
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=6144', '--import', 'tsx', join(codeRoot, 'bench', 'engine-worker.ts'), jobFile],
    { cwd: codeRoot, stdio: ['ignore', 'inherit', 'inherit'], timeout: 20 * 60_000 },
  );
  if (child.status !== 0) return { error: `exit ${child.status ?? child.signal ?? child.error?.message}` };
  try {
    return { result: JSON.parse(readFileSync(job.outFile, 'utf8')) as WorkerResult };
  } catch (error) {
    return { error: `no result: ${(error as Error).message}` };
  }
}

/** ~1 MiB of further generated passages (none of them in the corpus), with one paragraph no corpus text contains. */
function writeAddDocument(dir: string, source: PassageSource): string {
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < ADD_DOCUMENT_BYTES) {
    const [passage] = source.take(1);
    paragraphs.push(passage?.text ?? '');
    bytes += Buffer.byteLength(passage?.text ?? '') + 2;
  }
  const middle = Math.floor(paragraphs.length / 2);
  paragraphs.splice(middle, 0, MARKER_SENTENCE);
  const file = join(dir, 'bench-1mb.txt');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `Bench document of one megabyte\n\n${paragraphs.join('\n\n')}\n`);
  return file;
}

function positiveInt(text: string): number {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`"${text}" is not a positive whole number.`);
  return n;
}

function log(message: string): void {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}
