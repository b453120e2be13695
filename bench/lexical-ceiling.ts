/**
 * `npm run eval:ceiling -- DIR [DIR …]`: how far word matching can go on docs question sets. Each DIR
 * is a set in the format of `../shared/eval/docs-qa` (a `pages/` folder of Markdown and a
 * `questions.json`). The pages are added to a temporary store as `docs_qa.py` adds them; then each
 * answerable question is asked of footnote and of three textbook rankers, minisearch's BM25 over
 * footnote's own passages and over whole pages (both with footnote's tokenizer and stemmer), and
 * minisearch with fuzzy and prefix matching over whole pages, as a typical docs search runs it.
 *
 * Printed per set: each ranker's R@1 and R@3 (the page asked for first, among the first three), and
 * the oracle's, the share of questions that at least one of them answers with the right page. The
 * oracle picks the right ranker per question after seeing the answer, so no ranker built from these
 * signals does better: where it is below a target, word matching alone cannot reach that target.
 * "span in top passage" is the same oracle for the first passage holding the answer span (footnote
 * and passage BM25, the two that rank passages); the highlight, one sentence of that passage, is
 * bounded by it. Never part of `npm test`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { analyzeTerm, tokenize } from '../src/core/engine/engine.js';
import { slugify } from '../src/core/documents/slugify.js';
import { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';

type Question = { id: string; question: string; pages: string[]; answer: string | null };
type Ranked = { pages: string[]; firstText?: string };
const RANKERS = ['footnote', 'passage BM25', 'page BM25', 'page fuzzy'] as const;
type Ranker = (typeof RANKERS)[number];

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('Name one or more question sets (folders with pages/ and questions.json): npm run eval:ceiling -- ../shared/eval/docs-qa/vite-docs');
  process.exit(2);
}
for (const dir of dirs) {
  if (!existsSync(resolve(dir, 'pages')) || !existsSync(resolve(dir, 'questions.json'))) {
    console.error(`${dir} is not a docs question set: it needs a pages/ folder and a questions.json.`);
    process.exit(2);
  }
}

/** docs_qa.py's page id, the slug of the path without .md (as a folder add names a file's document). */
function pageId(path: string): string {
  return slugify(path.replace(/\.md$/, ''));
}

function markdownFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(dir, entry.name), root) : entry.name.endsWith('.md') ? [relative(root, join(dir, entry.name))] : [],
  );
}

/** docs_qa.py's normalisation for finding the answer span: no markup, whitespace collapsed, lowercase. */
function norm(text: string): string {
  return text.replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

const analyzed = { tokenize: (text: string) => tokenize(text), processTerm: (term: string) => analyzeTerm(term) };
const totals = new Map<string, number>();
let answerable = 0;
const add = (key: string, value: number) => totals.set(key, (totals.get(key) ?? 0) + value);

for (const dir of dirs) {
  const pagesDir = resolve(dir, 'pages');
  const questions = (JSON.parse(readFileSync(resolve(dir, 'questions.json'), 'utf8')) as { questions: Question[] }).questions.filter((q) => q.answer !== null);
  const work = mkdtempSync(join(tmpdir(), 'footnote-ceiling-'));
  // An empty corpus folder: the shipped corpus stays out, as in docs_qa.py.
  mkdirSync(join(work, 'corpus'));
  const kb = await KnowledgeBase.open({ corpusDir: join(work, 'corpus'), dataDir: join(work, 'data') }).catch((error: unknown) => {
    rmSync(work, { recursive: true, force: true });
    throw error;
  });
  try {
    const files = markdownFiles(pagesDir);
    const pages = files.map((file) => ({ id: pageId(file), text: readFileSync(join(pagesDir, file), 'utf8') }));
    for (const [i, page] of pages.entries()) {
      // A page footnote refuses (empty, too large) is left out and named, as docs_qa.py does.
      await kb.add({ scope: 'global', input: { kind: 'file', name: `${page.id}.md`, bytes: new TextEncoder().encode(page.text) }, id: page.id, addedBy: 'ceiling' }).catch((error: unknown) => {
        console.error(`${files[i]}: not added (${error instanceof Error ? error.message : String(error)})`);
      });
    }
    const scopes = kb.resolveScopes(undefined);
    const passages = kb.list(scopes).flatMap((meta) => kb.document(scopes, meta.id)!.passages.map((p, i) => ({ id: `${meta.id}#${i}`, page: meta.id, text: p.text, section: p.section ?? '' })));
    const passageIndex = new MiniSearch({ fields: ['section', 'text'], storeFields: ['page', 'text'], ...analyzed });
    passageIndex.addAll(passages);
    const pageIndex = new MiniSearch({ fields: ['text'], ...analyzed });
    pageIndex.addAll(pages);
    const fuzzyIndex = new MiniSearch({ fields: ['text'], searchOptions: { fuzzy: 0.2, prefix: true } });
    fuzzyIndex.addAll(pages);

    const hits = new Map<string, number>();
    const count = (key: string, hit: boolean) => hits.set(key, (hits.get(key) ?? 0) + (hit ? 1 : 0));
    for (const q of questions) {
      const answer = kb.ask(q.question);
      const passageHits = passageIndex.search(q.question);
      const ranked: Record<Ranker, Ranked> = {
        footnote: answer.kind === 'answer' ? { pages: answer.results.map((r) => r.docId), firstText: answer.results[0]?.text } : { pages: [] },
        'passage BM25': { pages: passageHits.map((hit) => hit['page'] as string), firstText: passageHits[0]?.['text'] as string | undefined },
        'page BM25': { pages: pageIndex.search(q.question).map((hit) => String(hit.id)) },
        'page fuzzy': { pages: fuzzyIndex.search(q.question).map((hit) => String(hit.id)) },
      };
      const wanted = new Set(q.pages.map(pageId));
      const span = norm(q.answer!);
      let [any1, any3, anySpan] = [false, false, false];
      for (const name of RANKERS) {
        const { pages: order, firstText } = ranked[name];
        const [first, three] = [wanted.has(order[0] ?? ''), order.slice(0, 3).some((page) => wanted.has(page))];
        count(`${name} R@1`, first);
        count(`${name} R@3`, three);
        [any1, any3] = [any1 || first, any3 || three];
        if (firstText !== undefined && norm(firstText).includes(span)) anySpan = true;
      }
      count('oracle R@1', any1);
      count('oracle R@3', any3);
      count('oracle span in top passage', anySpan);
    }
    const share = (key: string) => ((hits.get(key) ?? 0) / questions.length).toFixed(3);
    console.log(`${dir} (${questions.length} answerable questions, ${pages.length} pages, ${passages.length} passages)`);
    for (const name of [...RANKERS, 'oracle']) console.log(`  ${name.padEnd(13)} R@1 ${share(`${name} R@1`)}  R@3 ${share(`${name} R@3`)}`);
    console.log(`  oracle span in top passage ${share('oracle span in top passage')}`);
    for (const [key, value] of hits) add(key, value);
    answerable += questions.length;
  } finally {
    await kb.close();
    rmSync(work, { recursive: true, force: true });
  }
}
if (dirs.length > 1) {
  console.log(`all ${dirs.length} sets (${answerable} answerable questions)`);
  for (const name of [...RANKERS, 'oracle']) console.log(`  ${name.padEnd(13)} R@1 ${totals.get(`${name} R@1`)}  R@3 ${totals.get(`${name} R@3`)}`);
  console.log(`  oracle span in top passage ${totals.get('oracle span in top passage')}`);
}
