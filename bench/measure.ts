import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Latency = { n: number; p50: number; p95: number; p99: number; max: number; mean: number };
export type Memory = { heapUsedMb: number; rssMb: number; externalMb: number };

/** Percentile by linear interpolation between closest ranks (the "R-7" definition numpy uses by default). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (rank - low);
}

export function summarize(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(mean),
  };
}

/** Heap used after full collections (needs `node --expose-gc`), and the resident set size. */
export function memoryAfterGc(): Memory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc: heap figures need global.gc().');
  for (let i = 0; i < 3; i++) gc();
  const usage = process.memoryUsage();
  return { heapUsedMb: mb(usage.heapUsed), rssMb: mb(usage.rss), externalMb: mb(usage.external) };
}

/** Milliseconds an (async) function takes, with its result. */
export async function timed<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: round(performance.now() - started), value };
}

/**
 * Times `run` on each query after untimed `warmup` calls (for at most a quarter of the budget), stopping
 * early once `budgetMs` is spent so that a slow engine cannot blow the run's time budget; `n` in the
 * summary says how many were timed.
 */
export function timeQueries<R>(queries: readonly string[], warmup: readonly string[], run: (q: string) => R, budgetMs: number, hit: (r: R) => boolean): Latency & { hitRate: number } {
  const warmupEnds = performance.now() + budgetMs / 4;
  for (const q of warmup) {
    run(q);
    if (performance.now() > warmupEnds) break;
  }
  const samples: number[] = [];
  let hits = 0;
  const deadline = performance.now() + budgetMs;
  for (const q of queries) {
    const started = performance.now();
    const result = run(q);
    samples.push(performance.now() - started);
    if (hit(result)) hits++;
    if (performance.now() > deadline) break;
  }
  return { ...summarize(samples), hitRate: round(hits / Math.max(1, samples.length)) };
}

/** Total size of the files under `path` (recursively), optionally only those `include` accepts. */
export function sizeOf(path: string, include: (name: string) => boolean = () => true): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return include(path) ? stat.size : 0;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name), include), 0);
}

export function mb(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
