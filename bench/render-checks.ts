import { ms, num, seconds } from './format.js';
import type { BenchReport } from './write-report.js';

/** The writes table (snapshot write, 1 MB add and remove) and the end-to-end table through the fake Discord. */
export function writesAndBot(report: BenchReport): string[] {
  const rows: string[] = [];
  const measured = report.sizes.filter((s) => s.results.footnote !== undefined);
  if (measured.length > 0) {
    rows.push('## Writes', '', '| passages | snapshot write s | 1 MB add (until searchable) ms | first ask ms | remove ms | checks |', '|---:|---:|---:|---:|---:|---|');
  }
  for (const s of measured) {
    const fn = s.results.footnote;
    const a = fn?.addRemove;
    const checks = a ? `${a.passages} passages; ${a.foundAfterAdd ? 'found after add' : 'NOT FOUND after add'}; ${a.goneAfterRemove ? 'gone after remove' : 'STILL FOUND after remove'}` : '–';
    rows.push(`| ${s.size.toLocaleString('en-US')} | ${seconds(fn && fn.snapshotWriteMs / 1000)} | ${ms(a?.addMs)} | ${ms(a?.firstAskMs)} | ${ms(a?.removeMs)} | ${checks} |`);
  }
  if (rows.length > 0) {
    rows.push(
      '',
      'Snapshot write: `saveSnapshot()` after a small change (what the bot does 5 s after every change). The 1 MB document is a ' +
        '`.txt` upload (`KnowledgeBase.add`, file input) of further generated passages with one unique sentence; "until searchable" is the ' +
        `time until \`add\` resolved (extracted, stored, indexed), then "${report.markerQuestion}" was asked and must cite it; remove is \`KnowledgeBase.remove\`.`,
    );
  }
  for (const s of report.sizes) {
    const d = s.results.discord;
    if (!d) continue;
    rows.push(
      '',
      `## /ask end to end through the fake Discord at ${s.size.toLocaleString('en-US')} passages`,
      '',
      '| interactions | p50 ms | p95 ms | p99 ms | max ms | bot start-up s | callback types |',
      '|---:|---:|---:|---:|---:|---:|---|',
      `| ${d.callback.n} | ${ms(d.callback.p50)} | ${ms(d.callback.p95)} | ${ms(d.callback.p99)} | ${ms(d.callback.max)} | ${seconds(d.startupMs / 1000)} | ${Object.entries(d.callbackTypes).map(([t, n]) => `type ${t}: ${n}`).join(', ')} |`,
      '',
      'From the INTERACTION_CREATE frame written by the fake gateway to the interaction callback (type 4 = the answer itself) received by ' +
        "the fake's REST server: the real discord.js client, the bot's router, rate limiter, `ask`, renderer and answer log. Questions sent one " +
        `after another, each from a new user; natural questions (seed ${report.options.seed}/bot). Start-up: \`startBot\` (knowledge base from snapshot) until READY.`,
    );
  }
  return rows;
}

/** The targets of issue 4, checked against this run. */
export function targetsTable(report: BenchReport): string[] {
  const bySize = new Map(report.sizes.map((s) => [s.size, s]));
  const rows = ['## Targets (issue 4)', '', '| target | measured | met |', '|---|---|:-:|'];
  const add = (target: string, measured: string | undefined, met: boolean | undefined) => {
    if (measured !== undefined && met !== undefined) rows.push(`| ${target} | ${measured} | ${met ? 'yes' : '**no**'} |`);
  };
  const nat = (size: number) => bySize.get(size)?.results.footnote?.queries.natural;
  const n50 = nat(50_000);
  add('natural questions at 50k: p50 ≤ 1 ms, p99 ≤ 5 ms', n50 && `${ms(n50.p50)} / ${ms(n50.p99)} ms`, n50 && n50.p50 <= 1 && n50.p99 <= 5);
  const n200 = nat(200_000);
  add('natural questions at 200k: p50 ≤ 3 ms, p99 ≤ 20 ms', n200 && `${ms(n200.p50)} / ${ms(n200.p99)} ms`, n200 && n200.p50 <= 3 && n200.p99 <= 20);
  for (const s of report.sizes) {
    // The issue's "faster than flexsearch at every size" belongs to its natural-question targets; the other
    // classes are in the ratio table.
    const fn = s.results.footnote?.queries.natural;
    const flex = s.results.flexsearch?.queries.natural;
    if (!fn || !flex) continue;
    add(`natural questions faster than flexsearch at ${s.size.toLocaleString('en-US')} (p50)`, `${ms(fn.p50)} vs ${ms(flex.p50)} ms`, fn.p50 < flex.p50);
  }
  const big = bySize.get(200_000);
  const fn200 = big?.results.footnote;
  add('start-up from snapshot at 200k ≤ 1.5 s', fn200 && `${seconds(fn200.startupMs / 1000)} s`, fn200 && fn200.startupMs <= 1500);
  const raw = big ? big.textBytes / 1024 ** 2 : 0;
  add('RSS at 200k ≤ 2.5 × raw text', fn200 && `${num(fn200.memory.rssMb)} MB = ${(fn200.memory.rssMb / raw).toFixed(2)} × ${raw.toFixed(0)} MB`, fn200 && fn200.memory.rssMb <= 2.5 * raw);
  const a = report.sizes.map((s) => s.results.footnote?.addRemove).find((x) => x !== undefined);
  add('a 1 MB document searchable in ≤ 1 s', a && `${ms(a.addMs + a.firstAskMs)} ms`, a && a.foundAfterAdd && a.addMs + a.firstAskMs <= 1000);
  const d = report.sizes.map((s) => s.results.discord).find((x) => x !== undefined);
  add(`end-to-end reply through the fake Discord at ${report.options.at.toLocaleString('en-US')}: p99 ≤ 50 ms`, d && `${ms(d.callback.p99)} ms`, d && d.callback.p99 <= 50);
  return rows.length > 4 ? rows : [];
}

/** Workers that failed, and a footnote passage count that differs from the generated one. */
export function errorLines(report: BenchReport): string[] {
  const lines: string[] = [];
  for (const s of report.sizes) {
    for (const [engine, error] of Object.entries(s.errors)) lines.push(`- ${s.size}: ${engine} failed (${error})`);
    const fn = s.results['footnote-build'];
    if (fn && fn.passages !== s.size) lines.push(`- ${s.size}: footnote indexed ${fn.passages} passages, not ${s.size}`);
  }
  return lines.length > 0 ? ['## Problems', '', ...lines] : [];
}
