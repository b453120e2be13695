/**
 * `npm run bench:compare -- REV [options]`: `ask` latency of the working tree against another
 * revision, both opened in one process on the bench's generated corpus and asked the same questions in
 * alternating rounds. This machine's speed drifts by half between runs of `npm run bench` (flexsearch's
 * own p50 moved 6.1 → 9.6 ms with no change to it), so a change is judged by the ratio of medians
 * taken side by side, not by a table from another hour. Prints, per query class, each side's median
 * of the rounds' p50s and the ratio (below 1: the working tree is faster). Never part of `npm test`.
 *
 *   REV              a commit, tag or branch to compare against (built in a temporary git worktree)
 *   --ir DIR         IR collections (default ../shared/eval/ir beside the repository)
 *   --size N         passages (default 50000)
 *   --queries N      questions per class (default 100)
 *   --rounds N       alternating rounds (default 6)
 *   --seed S         PRNG seed for corpus and queries (default 42, as `npm run bench`)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PassageSource, writeCorpus } from './build-corpus.js';
import { generateQueries, QUERY_CLASSES } from './generate-queries.js';
import { readIrCollections } from './read-ir-collections.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ir: { type: 'string', default: resolve(REPO_ROOT, '..', 'shared', 'eval', 'ir') },
    size: { type: 'string', default: '50000' },
    queries: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '6' },
    seed: { type: 'string', default: '42' },
  },
});
const revision = positionals[0];
if (revision === undefined) {
  console.error('Name the revision to compare against: npm run bench:compare -- <commit>');
  process.exit(2);
}
const [size, queryCount, rounds] = [values.size, values.queries, values.rounds].map(positiveInt) as [number, number, number];

/** The part of a KnowledgeBase this comparison uses, as every revision since the engine split has it. */
type Asker = { ask(question: string): unknown; close(): Promise<void> };
type Opener = { open(options: { corpusDir: string; dataDir: string }): Promise<Asker> };

const workDir = mkdtempSync(join(tmpdir(), 'footnote-compare-'));
const baseDir = join(workDir, 'base');
const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
try {
  const commit = git('rev-parse', '--short', `${revision}^{commit}`);
  log(`building ${commit} in ${baseDir}`);
  git('worktree', 'add', '--detach', baseDir, commit);
  // The revision runs on today's dependencies: a revision needing others fails to build, and says so.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(baseDir, 'node_modules'), 'dir');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: baseDir, stdio: 'inherit' });
  log('building the working tree');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'inherit' });

  const collections = readIrCollections(resolve(values.ir));
  const { corpusDir } = writeCorpus(workDir, new PassageSource(collections, values.seed).take(size));
  const questions = generateQueries(collections, queryCount, values.seed);
  const open = async (root: string, name: string): Promise<Asker> => {
    const dataDir = join(workDir, `data-${name}`);
    mkdirSync(dataDir);
    const modules = ['core/index.js', 'core/knowledge/knowledge-base.js'].map((path) => join(root, 'dist', path));
    const { KnowledgeBase } = (await import(pathToFileURL(modules.find((path) => existsSync(path)) ?? modules[0]!).href)) as { KnowledgeBase: Opener };
    return KnowledgeBase.open({ corpusDir, dataDir });
  };
  log(`indexing ${size} passages twice`);
  const base = await open(baseDir, 'base');
  const head = await open(REPO_ROOT, 'head');

  console.log(`\n${size.toLocaleString('en-US')} passages, ${queryCount} questions per class, ${rounds} alternating rounds; p50 ms (median of the rounds' p50s)\n`);
  console.log(`| class | ${commit} | working tree | ratio |\n|---|---:|---:|---:|`);
  for (const kind of QUERY_CLASSES) {
    const asked = questions[kind];
    const p50 = (kb: Asker) => median(asked.map((question) => timed(() => kb.ask(question))));
    p50(base);
    p50(head); // warm-up: both compiled before timing
    const [baseRounds, headRounds]: [number[], number[]] = [[], []];
    // Alternating which goes first, so neither always runs on the other's warm caches.
    for (let round = 0; round < rounds; round++) {
      if (round % 2 === 0) {
        baseRounds.push(p50(base));
        headRounds.push(p50(head));
      } else {
        headRounds.push(p50(head));
        baseRounds.push(p50(base));
      }
    }
    const [b, h] = [median(baseRounds), median(headRounds)];
    console.log(`| ${kind} | ${b.toFixed(2)} | ${h.toFixed(2)} | ${(h / b).toFixed(2)}× |`);
  }
  await base.close();
  await head.close();
} finally {
  try {
    git('worktree', 'remove', '--force', baseDir);
  } catch {
    // never added (a revision that does not exist): nothing to remove
  }
  rmSync(workDir, { recursive: true, force: true });
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Expected a positive integer, got "${value}".`);
  return n;
}

function log(message: string): void {
  console.error(`[compare] ${message}`);
}
