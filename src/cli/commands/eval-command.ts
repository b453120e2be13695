import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../config/load-config.js';
import { FootnoteError, KnowledgeBase, loadEvaluation } from '../../core/index.js';
import type { CliContext, ExitCode } from '../cli-context.js';

/** Textbook BM25 on the shared IR collections (k1 1.2, b 0.75, Porter, 33 stop words), as published with them. */
const BM25_REFERENCE: Record<string, { ndcg10: number; ap: number; recall100: number }> = {
  cisi: { ndcg10: 0.381, ap: 0.217, recall100: 0.446 },
  med: { ndcg10: 0.69, ap: 0.527, recall100: 0.792 },
  cacm: { ndcg10: 0.475, ap: 0.319, recall100: 0.646 },
  npl: { ndcg10: 0.432, ap: 0.285, recall100: 0.601 },
  cf: { ndcg10: 0.554, ap: 0.297, recall100: 0.467 },
  aila: { ndcg10: 0.153, ap: 0.122, recall100: 0.359 },
};

const seedFile = z.array(z.object({ question: z.string(), answer: z.string() }));
const offTopicFile = z.array(z.string());

/** `footnote eval`: one table of answer quality on the dev questions, and ranking quality with --ir. */
export async function evalCommand(ctx: CliContext): Promise<ExitCode> {
  const { values } = parseArgs({ args: ctx.args, options: { ir: { type: 'string' }, questions: { type: 'string' } } });
  const questionsDir = values.questions ?? join(PACKAGE_ROOT, 'eval');
  // Checked before anything is printed: a wrong path is one line, not half a table and a stack.
  const collections = values.ir === undefined ? [] : await findCollections(values.ir);
  const seeds = seedFile.parse(await readJson(join(questionsDir, 'seed-questions.dev.json'), '--questions'));
  const offTopic = offTopicFile.parse(await readJson(join(questionsDir, 'offtopic-questions.dev.json'), '--questions'));
  const { evaluateRun, evaluateSeedAnswers, parseQrels, readCollectionDocuments, readCollectionQueries, runCollection } = await loadEvaluation();

  // The shipped corpus alone, in a throwaway data folder: the operator's own store is not measured.
  const dataDir = await mkdtemp(join(tmpdir(), 'footnote-eval-'));
  const kb = await KnowledgeBase.open({ corpusDir: ctx.config.corpusDir, dataDir, passageMaxChars: ctx.config.passageMaxChars });
  const timed = (question: string) => {
    const started = performance.now();
    const answer = kb.ask(question);
    return { answer, ms: performance.now() - started };
  };
  const report = evaluateSeedAnswers(
    seeds.map((seed) => ({ seed, ...timed(seed.question) })),
    offTopic.map((question) => timed(question)),
  );
  await kb.close();
  await rm(dataDir, { recursive: true, force: true });

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  ctx.out('| dev questions | value | target |');
  ctx.out('|---|---|---|');
  ctx.out(`| Recall@1 (${report.questions} seed questions) | ${pct(report.recallAt1)} | >= 90% |`);
  ctx.out(`| Recall@3 | ${pct(report.recallAt3)} | 100% |`);
  ctx.out(`| highlight contains the answer | ${pct(report.highlightContainsAnswer)} | >= 80% |`);
  ctx.out(`| seed questions answered "no match" | ${report.seedNoMatch} | 0 |`);
  ctx.out(`| off-topic no-match rate (${report.offTopic} questions) | ${pct(report.offTopicNoMatchRate)} | >= 80% |`);
  ctx.out(`| median ask time | ${report.medianAskMs.toFixed(2)} ms | < 10 ms |`);

  if (values.ir !== undefined) {
    ctx.out('');
    ctx.out('| collection | queries | footnote nDCG@10 / MAP / R@100 | textbook BM25 | ΔnDCG@10 |');
    ctx.out('|---|---|---|---|---|');
    for (const name of collections) {
      const dir = join(values.ir, name);
      const [documents, queries, qrelsText] = await Promise.all([
        readCollectionDocuments(join(dir, 'docs.jsonl')),
        readCollectionQueries(join(dir, 'queries.jsonl')),
        readFile(join(dir, 'qrels.tsv'), 'utf8'),
      ]);
      const runs = runCollection(documents, queries, { top: 1000, passageMaxChars: ctx.config.passageMaxChars });
      const run = new Map([...runs].map(([qid, lines]) => [qid, lines.map((l) => l.docId)]));
      const { mean } = evaluateRun(run, parseQrels(qrelsText));
      const ref = BM25_REFERENCE[name.toLowerCase()];
      const fmt = (m: { ndcg10: number; ap: number; recall100: number }) =>
        `${m.ndcg10.toFixed(3)} / ${m.ap.toFixed(3)} / ${m.recall100.toFixed(3)}`;
      ctx.out(
        `| ${name} | ${mean.queries} | ${fmt(mean)} | ${ref ? fmt(ref) : 'n/a'} | ${ref ? (mean.ndcg10 - ref.ndcg10 >= 0 ? '+' : '') + (mean.ndcg10 - ref.ndcg10).toFixed(3) : ''} |`,
      );
    }
  }
  return 0;
}

const COLLECTION_FILES = ['docs.jsonl', 'queries.jsonl', 'qrels.tsv'];

/** The test collections in `dir` (sorted): its subfolders with docs.jsonl. Refuses a missing folder, an empty one, or a collection missing a file. */
async function findCollections(dir: string): Promise<string[]> {
  const isDirectory = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDirectory) throw new FootnoteError('not_found', `--ir ${dir}: no such folder.`);
  const names = (await readdir(dir)).sort().filter((name) => existsSync(join(dir, name, 'docs.jsonl')));
  if (names.length === 0) {
    throw new FootnoteError('not_found', `--ir ${dir} holds no test collection (a folder with ${COLLECTION_FILES.join(', ')}).`);
  }
  for (const name of names) {
    const missing = COLLECTION_FILES.filter((file) => !existsSync(join(dir, name, file)));
    if (missing.length > 0) throw new FootnoteError('not_found', `--ir ${join(dir, name)} has no ${missing.join(' or ')}.`);
  }
  return names;
}

async function readJson(path: string, option: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const why = (error as { code?: unknown }).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new FootnoteError('not_found', `Cannot read ${path} (${option}): ${why}.`, { cause: error });
  }
}
