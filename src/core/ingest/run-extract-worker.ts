import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FootnoteError } from '../errors.js';
import type { Passage } from '../passages/split-passages.js';
import type { ExtractJob, ExtractReply, ReadJob, SplitJob } from './extract-job.js';
import type { ExtractLimits } from './extract-limits.js';

/**
 * At most this many extraction workers run at once; the rest queue. Each may use `workerMemoryMb`
 * of heap (256 MB by default), so this bounds what a burst of uploads can take from the process.
 */
const MAX_CONCURRENT_WORKERS = 2;

/**
 * How often the main thread samples the process's resident memory while a worker runs. resourceLimits
 * caps only the worker's V8 heap; ArrayBuffers live outside it (a 1.5 MB PDF whose content stream
 * inflates to 1.5 GB took the process to 3.2 GB RSS under a 256 MB heap cap), so a watchdog stops a
 * worker once the process has grown by more than twice the heap cap since the worker started.
 */
const MEMORY_SAMPLE_MS = 50;
const MB = 1024 * 1024;

/** What each job is called in its messages: what it does ("Reading the PDF took longer…") and who does it. */
const JOB_NAMES: Record<ExtractJob['kind'], { doing: string; doer: string }> = {
  pdf: { doing: 'Reading the PDF', doer: 'The PDF reader' },
  docx: { doing: 'Reading the Word document', doer: 'The Word document reader' },
  html: { doing: 'Reading the web page', doer: 'The web page reader' },
  split: { doing: 'Cutting the text into passages', doer: 'The passage splitter' },
};

type ExtractResult = { text: string; title?: string };

/**
 * Runs one extraction job in a worker thread with a heap cap and a wall-clock timeout, so that a
 * hostile file can exhaust, crash or hang only that thread. Every way the worker can fail becomes a
 * FootnoteError; the worker is always terminated.
 */
export async function runExtractWorker(job: ReadJob): Promise<ExtractResult> {
  return runJob(job, (reply) =>
    'text' in reply && typeof reply.text === 'string' ? { text: reply.text, ...(reply.title !== undefined ? { title: reply.title } : {}) } : undefined,
  );
}

/**
 * Cuts a document into passages (splitDocument) in a worker, under the same heap cap, timeout and
 * memory watchdog as extraction: a text built to make splitting slow or huge stops that thread with
 * an extraction_failed error, and the main thread (the bot answering questions) never runs it.
 */
export async function splitInWorker(job: Omit<SplitJob, 'kind'>): Promise<Passage[]> {
  const isPassages = (value: unknown): value is Passage[] =>
    Array.isArray(value) && value.every((p: Partial<Passage> | null) => typeof p?.id === 'string' && typeof p.text === 'string');
  return runJob({ kind: 'split', ...job }, (reply) => ('passages' in reply && isPassages(reply.passages) ? reply.passages : undefined));
}

async function runJob<T>(job: ExtractJob, accept: (reply: ExtractReply & { ok: true }) => T | undefined): Promise<T> {
  const release = await acquireSlot();
  try {
    return await runOnce(job, accept);
  } finally {
    release();
  }
}

function runOnce<T>(job: ExtractJob, accept: (reply: ExtractReply & { ok: true }) => T | undefined): Promise<T> {
  const { limits } = job;
  const { doing, doer } = JOB_NAMES[job.kind];
  return new Promise((resolve, reject) => {
    // An exact copy whose buffer is transferred: one copy, and never the caller's larger backing buffer.
    const payload: ExtractJob = job.kind === 'html' || job.kind === 'split' ? job : { ...job, bytes: job.bytes.slice() };
    const entry = workerEntry();
    let worker: Worker;
    try {
      worker = new Worker(entry.filename, {
        eval: entry.eval,
        workerData: payload,
        transferList: payload.kind === 'html' || payload.kind === 'split' ? [] : [payload.bytes.buffer as ArrayBuffer],
        resourceLimits: { maxOldGenerationSizeMb: limits.workerMemoryMb, stackSizeMb: 4 },
        execArgv: [],
        // The parsers need no environment; the bot's secrets stay out of the thread reading hostile files.
        env: {},
        stdout: true,
        stderr: true,
      });
    } catch (error) {
      reject(new FootnoteError('extraction_failed', `Could not start ${doer.toLowerCase()}: ${(error as Error).message}`, { cause: error }));
      return;
    }
    // pdf.js may print warnings; they are not ours to show and must not fill a pipe.
    worker.stdout.resume();
    worker.stderr.resume();

    let settled = false;
    const finish = (outcome: { value: T } | FootnoteError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      void worker.terminate();
      if (outcome instanceof FootnoteError) reject(outcome);
      else resolve(outcome.value);
    };
    const timer = setTimeout(() => {
      finish(
        new FootnoteError(
          'extraction_failed',
          `${doing} took longer than ${formatSeconds(limits.timeoutMs)}, so it was stopped; the file may be malformed.`,
        ),
      );
    }, limits.timeoutMs);
    const outOfMemory = (): FootnoteError =>
      new FootnoteError(
        'extraction_failed',
        `${doing} needed more than ${limits.workerMemoryMb} MB of memory, so it was stopped; the file may be malformed.`,
      );
    const baselineRss = process.memoryUsage.rss();
    const watchdog = setInterval(() => {
      if (process.memoryUsage.rss() - baselineRss > 2 * limits.workerMemoryMb * MB) finish(outOfMemory());
    }, MEMORY_SAMPLE_MS);

    worker.on('message', (reply: ExtractReply) => {
      const value = typeof reply === 'object' && reply !== null && reply.ok ? accept(reply) : undefined;
      if (value !== undefined) finish({ value });
      else if (typeof reply === 'object' && reply !== null && !reply.ok && typeof reply.message === 'string') {
        finish(new FootnoteError(reply.code, reply.message));
      } else {
        finish(new FootnoteError('extraction_failed', `${doer} sent back an unreadable result.`));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? outOfMemory()
          : new FootnoteError('extraction_failed', `${doer} crashed: ${error.message}`, { cause: error }),
      );
    });
    worker.on('messageerror', (error) => {
      finish(new FootnoteError('extraction_failed', `${doer} sent back an unreadable result.`, { cause: error }));
    });
    worker.on('exit', (code) => {
      finish(new FootnoteError('extraction_failed', `${doer} stopped unexpectedly (exit code ${code}).`));
    });
  });
}

let workerEntryCache: { filename: string | URL; eval: boolean } | undefined;

/**
 * The worker's entry point. Compiled (dist/): extract-worker.js next to this file. From sources
 * (vitest, tsx): extract-worker.ts, which Node 20 cannot load by itself, and `execArgv: ['--import',
 * 'tsx']` does not help there (tsx's loader does not register its hooks inside worker threads on
 * Node 20), so a one-line bootstrap registers tsx in the worker through its API, then imports the entry.
 */
function workerEntry(): { filename: string | URL; eval: boolean } {
  if (workerEntryCache === undefined) {
    const here = import.meta.url;
    if (here.endsWith('.ts')) {
      const entry = new URL('./extract-worker.ts', here).href;
      const tsxApi = tsxEsmApiUrl(here);
      workerEntryCache = {
        filename: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
        eval: true,
      };
    } else {
      workerEntryCache = { filename: new URL('./extract-worker.js', here), eval: false };
    }
  }
  return workerEntryCache;
}

/** The ESM build of tsx's API (its CommonJS build cannot register hooks in a worker). */
function tsxEsmApiUrl(from: string): string {
  const packageJson = createRequire(from).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> };
  const target = manifest.exports?.['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(join(dirname(packageJson), target)).href;
}

let running = 0;
const waiting: Array<() => void> = [];

/** Waits for a worker slot; the returned function frees it (handing it straight to the next waiter). */
async function acquireSlot(): Promise<() => void> {
  if (running < MAX_CONCURRENT_WORKERS) {
    running += 1;
  } else {
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}
