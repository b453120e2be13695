import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FootnoteError } from '../errors.js';
import type { ExtractJob, ExtractReply } from './extract-job.js';
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

const JOB_NAMES: Record<ExtractJob['kind'], string> = { pdf: 'PDF', docx: 'Word document', html: 'web page' };

/**
 * Runs one extraction job in a worker thread with a heap cap and a wall-clock timeout, so that a
 * hostile file can exhaust, crash or hang only that thread. Every way the worker can fail becomes a
 * FootnoteError; the worker is always terminated.
 */
export async function runExtractWorker(job: ExtractJob): Promise<{ text: string; title?: string }> {
  const release = await acquireSlot();
  try {
    return await runOnce(job);
  } finally {
    release();
  }
}

function runOnce(job: ExtractJob): Promise<{ text: string; title?: string }> {
  const { limits } = job;
  const what = JOB_NAMES[job.kind];
  return new Promise((resolve, reject) => {
    // An exact copy whose buffer is transferred: one copy, and never the caller's larger backing buffer.
    const payload: ExtractJob = job.kind === 'html' ? job : { ...job, bytes: job.bytes.slice() };
    const entry = workerEntry();
    let worker: Worker;
    try {
      worker = new Worker(entry.filename, {
        eval: entry.eval,
        workerData: payload,
        transferList: payload.kind === 'html' ? [] : [payload.bytes.buffer as ArrayBuffer],
        resourceLimits: { maxOldGenerationSizeMb: limits.workerMemoryMb, stackSizeMb: 4 },
        execArgv: [],
        // The parsers need no environment; the bot's secrets stay out of the thread reading hostile files.
        env: {},
        stdout: true,
        stderr: true,
      });
    } catch (error) {
      reject(new FootnoteError('extraction_failed', `Could not start the ${what} reader: ${(error as Error).message}`, { cause: error }));
      return;
    }
    // pdf.js may print warnings; they are not ours to show and must not fill a pipe.
    worker.stdout.resume();
    worker.stderr.resume();

    let settled = false;
    const finish = (outcome: { text: string; title?: string } | FootnoteError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      void worker.terminate();
      if (outcome instanceof FootnoteError) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => {
      finish(
        new FootnoteError(
          'extraction_failed',
          `Reading the ${what} took longer than ${formatSeconds(limits.timeoutMs)}, so it was stopped; the file may be malformed.`,
        ),
      );
    }, limits.timeoutMs);
    const outOfMemory = (): FootnoteError =>
      new FootnoteError(
        'extraction_failed',
        `Reading the ${what} needed more than ${limits.workerMemoryMb} MB of memory, so it was stopped; the file may be malformed.`,
      );
    const baselineRss = process.memoryUsage.rss();
    const watchdog = setInterval(() => {
      if (process.memoryUsage.rss() - baselineRss > 2 * limits.workerMemoryMb * MB) finish(outOfMemory());
    }, MEMORY_SAMPLE_MS);

    worker.on('message', (reply: ExtractReply) => {
      if (typeof reply !== 'object' || reply === null || (reply.ok ? typeof reply.text !== 'string' : typeof reply.message !== 'string')) {
        finish(new FootnoteError('extraction_failed', `The ${what} reader sent back an unreadable result.`));
      } else if (reply.ok) {
        finish({ text: reply.text, ...(reply.title !== undefined ? { title: reply.title } : {}) });
      } else {
        finish(new FootnoteError(reply.code, reply.message));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? outOfMemory()
          : new FootnoteError('extraction_failed', `The ${what} reader crashed: ${error.message}`, { cause: error }),
      );
    });
    worker.on('messageerror', (error) => {
      finish(new FootnoteError('extraction_failed', `The ${what} reader sent back an unreadable result.`, { cause: error }));
    });
    worker.on('exit', (code) => {
      finish(new FootnoteError('extraction_failed', `The ${what} reader stopped unexpectedly (exit code ${code}).`));
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
