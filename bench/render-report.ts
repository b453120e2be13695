import { CORPUS_METHOD } from './build-corpus.js';
import { QUERY_CLASSES, QUERY_METHOD } from './generate-queries.js';
import { HOSTILE_KINDS, HOSTILE_METHOD } from './hostile-questions.js';
import { num, ms, ratio, seconds } from './format.js';
import { errorLines, targetsTable, writesAndBot } from './render-checks.js';
import type { FootnoteResult } from './job.js';
import type { BenchReport } from './write-report.js';

/** The whole report as Markdown: method, then one table per measure, then the issue's targets. */
export function renderMarkdown(report: BenchReport): string {
  const { machine: m, options: o } = report;
  const lines = [
    `# footnote benchmark${report.quick ? ' (quick smoke run)' : ''}, ${report.date.slice(0, 10)}`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}. ` +
      `Seed ${o.seed}; ${o.queriesPerClass} timed queries per class after ${o.warmupPerClass} warm-up queries ` +
      `(at most ${o.budgetS} s per class and engine: n shows how many ran); each engine in its own process; run took ${report.durationS} s. ` +
      `Load average (1/5/15 min) at start ${m.loadAverageAtStart?.join(' / ') ?? '?'}, at end ${m.loadAverageAtEnd?.join(' / ') ?? '?'}` +
      `${(m.loadAverageAtStart?.[0] ?? 0) > m.cpus / 2 ? ': other processes were using the CPUs, so absolute times are inflated (ratios measured in the same run are fairer)' : ''}.`,
    '',
    `Code: commit ${report.code.commit}${report.code.changedFiles > 0 ? ` with ${report.code.changedFiles} files of src/ changed` : ''} ` +
      `(src/ sha256 ${report.code.sourcesSha256}), copied at the start of the run so that every engine and size ran the same code.`,
    '',
    `**Corpus.** ${CORPUS_METHOD}`,
    '',
    `**Queries.** ${QUERY_METHOD}`,
    '',
    '**Engines.** footnote: `KnowledgeBase.ask` (analysis, BM25 with RM3 feedback, coverage gate, highlights; top 3), opened as the bot opens it ' +
      '(`openKnowledgeBase`, CORPUS_DIR = the generated folder). minisearch 7.2 defaults (fields title + text, `search(q)`). flexsearch 0.8 ' +
      '`Index` (tokenize strict, resolution 9, default encoder; title + text as one string), `search(q, { limit: 10, suggest: true })`.',
    '',
    ...buildTable(report),
    '',
    ...latencyTable(report),
    '',
    ...ratioTable(report),
    '',
    ...hostileTable(report),
    '',
    ...writesAndBot(report),
    '',
    ...targetsTable(report),
    '',
    ...errorLines(report),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function buildTable(report: BenchReport): string[] {
  const rows = [
    '## Build, memory, snapshot, start-up',
    '',
    '| passages | text MB | engine | build s | MB/s | heap MB | RSS MB | snapshot MB | start-up from snapshot s |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of report.sizes) {
    const text = s.textBytes / 1024 ** 2;
    const head = `| ${s.size.toLocaleString('en-US')} | ${text.toFixed(1)} |`;
    const build = s.results['footnote-build'];
    const fn = s.results.footnote;
    if (build || fn) {
      const buildS = build ? build.rebuildMs / 1000 : undefined;
      rows.push(
        `${head} footnote | ${seconds(buildS)} | ${buildS ? (text / buildS).toFixed(1) : '–'} | ${num(fn?.memory.heapUsedMb)} | ${num(fn?.memory.rssMb)} | ` +
          `${build ? (build.snapshotBytes / 1024 ** 2).toFixed(1) : '–'} | ${seconds(fn ? fn.startupMs / 1000 : undefined)}${fn && !fn.loadedFromSnapshot ? ' (rebuilt!)' : ''}${startupDetail(fn)} |`,
      );
    }
    for (const name of ['minisearch', 'flexsearch'] as const) {
      const peer = s.results[name];
      if (!peer) continue;
      const buildS = peer.buildMs / 1000;
      rows.push(
        `${head} ${name} | ${seconds(buildS)} | ${(text / buildS).toFixed(1)} | ${num(peer.memory.heapUsedMb)} | ${num(peer.memory.rssMb)} | ` +
          `${(peer.snapshotBytes / 1024 ** 2).toFixed(1)} | – |`,
      );
    }
  }
  rows.push(
    '',
    "footnote's build is the rebuild at start-up without a snapshot (`KnowledgeBase.open` on an empty DATA_DIR: reads the corpus files, " +
      'splits passages, indexes, writes the snapshot), in a fresh process; the peers index passages already in memory. Heap (used, after ' +
      "`global.gc()`) and RSS are taken after the timed queries; footnote keeps its passage texts on disk in the snapshot and reads the " +
      "dozen a question quotes, the peers store no text. footnote's snapshot is every file of DATA_DIR except the SQLite store; minisearch's is `JSON.stringify(index)`; flexsearch's " +
      'is what `export()` hands out. Start-up from snapshot: `KnowledgeBase.open` in a fresh process on the DATA_DIR the rebuild left; in ' +
      'brackets, how long `readCorpusDir` alone takes on the generated corpus folder: what a start-up without a snapshot reads (with one, it ' +
      'only lists the folder and compares names, sizes and modification times).',
  );
  return rows;
}

function latencyTable(report: BenchReport): string[] {
  const rows = [
    '## Query latency, ms (p50 / p95 / p99), and share of queries answered',
    '',
    '| passages | engine | natural questions | keyword queries | single terms | answered (nat / kw / single) |',
    '|---:|---|---:|---:|---:|---:|',
  ];
  for (const s of report.sizes) {
    const engines = [
      ['footnote', s.results.footnote?.queries],
      ['minisearch', s.results.minisearch?.queries],
      ['flexsearch', s.results.flexsearch?.queries],
    ] as const;
    for (const [name, q] of engines) {
      if (!q) continue;
      const cells = QUERY_CLASSES.map((c) => `${ms(q[c].p50)} / ${ms(q[c].p95)} / ${ms(q[c].p99)}${q[c].n < report.options.queriesPerClass ? ` (n=${q[c].n})` : ''}`);
      const answered = QUERY_CLASSES.map((c) => `${Math.round(q[c].hitRate * 100)}%`).join(' / ');
      rows.push(`| ${s.size.toLocaleString('en-US')} | ${name} | ${cells.join(' | ')} | ${answered} |`);
    }
  }
  rows.push(
    '',
    'Answered: footnote returned an answer (not "the sources don\'t cover this"); a peer returned at least one result. ' +
      'footnote runs up to three searches per question (BM25, a prefix retry for unmatched words, RM3 feedback) and builds the cited answer.',
  );
  return rows;
}

function ratioTable(report: BenchReport): string[] {
  const rows = [
    "## footnote's ratio to each peer (p50 ÷ p50; below 1 means footnote is faster)",
    '',
    '| passages | class | footnote p50 ms | minisearch p50 ms | footnote ÷ minisearch | flexsearch p50 ms | footnote ÷ flexsearch |',
    '|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const s of report.sizes) {
    const fn = s.results.footnote?.queries;
    if (!fn) continue;
    for (const c of QUERY_CLASSES) {
      const mini = s.results.minisearch?.queries[c];
      const flex = s.results.flexsearch?.queries[c];
      rows.push(
        `| ${s.size.toLocaleString('en-US')} | ${c} | ${ms(fn[c].p50)} | ${ms(mini?.p50)} | ${ratio(fn[c], mini)} | ${ms(flex?.p50)} | ${ratio(fn[c], flex)} |`,
      );
    }
  }
  return rows;
}

/** footnote on questions built to be slow: per size and kind, p50 and max ms and the share answered. */
function hostileTable(report: BenchReport): string[] {
  const measured = report.sizes.filter((s) => s.results.footnote?.hostile !== undefined);
  if (measured.length === 0) return [];
  const rows = ['## Hostile questions, ms (p50 / max), and share answered', '', `| passages | ${HOSTILE_KINDS.join(' | ')} |`, `|---:|${HOSTILE_KINDS.map(() => '---:').join('|')}|`];
  for (const s of measured) {
    const h = s.results.footnote!.hostile;
    rows.push(`| ${s.size.toLocaleString('en-US')} | ${HOSTILE_KINDS.map((k) => `${ms(h[k].p50)} / ${ms(h[k].max)} (${Math.round(h[k].hitRate * 100)}%)`).join(' | ')} |`);
  }
  rows.push('', `${HOSTILE_METHOD} Answered: an answer rather than "the sources don't cover this"; either is a correct reply to most of them.`);
  return rows;
}

function startupDetail(fn: FootnoteResult | undefined): string {
  // Results from before corpusReadMs was measured lack it.
  return fn?.corpusReadMs === undefined ? '' : ` (${seconds(fn.corpusReadMs / 1000)} reading the corpus folder)`;
}
