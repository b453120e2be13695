import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, arch, release } from 'node:os';
import { join } from 'node:path';
import type { DiscordResult, EngineName, FootnoteBuildResult, FootnoteResult, PeerResult, WorkerResult } from './job.js';
import type { SourceVersion } from './freeze-sources.js';
import { renderMarkdown } from './render-report.js';

export type Machine = { cpus: number; cpuModel: string; ramGb: number; node: string; os: string; loadAverageAtStart?: number[]; loadAverageAtEnd?: number[] };
export type SizeResults = {
  'footnote-build'?: FootnoteBuildResult;
  footnote?: FootnoteResult;
  minisearch?: PeerResult;
  flexsearch?: PeerResult;
  discord?: DiscordResult;
};
export type SizeReport = {
  size: number;
  documents: number;
  textBytes: number;
  duplicatesRejected: number;
  results: SizeResults;
  errors: Partial<Record<EngineName, string>>;
};
export type BenchReport = {
  date: string;
  code: SourceVersion;
  quick: boolean;
  durationS: number;
  machine: Machine;
  options: { sizes: number[]; queriesPerClass: number; warmupPerClass: number; budgetS: number; interactions: number; at: number; seed: string; ir: string };
  sizes: SizeReport[];
  markerQuestion: string;
};

export function machineInfo(): Machine {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    ramGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
  };
}

/** Files each result in its slot (the worker says which engine it measured). */
export function fileResult(results: SizeResults, result: WorkerResult): void {
  switch (result.engine) {
    case 'footnote-build':
      results['footnote-build'] = result;
      break;
    case 'footnote':
      results.footnote = result;
      break;
    case 'minisearch':
    case 'flexsearch':
      results[result.engine] = result;
      break;
    case 'discord':
      results.discord = result;
      break;
    default: {
      const unknown: never = result;
      throw new Error(`unknown result ${JSON.stringify(unknown)}`);
    }
  }
}

/** Writes bench-<date>[-quick].{md,json}; a full run also replaces latest.md. Returns the paths written. */
export function writeReport(outDir: string, report: BenchReport): string[] {
  mkdirSync(outDir, { recursive: true });
  const stamp = report.date.slice(0, 16).replace('T', '-').replace(':', '');
  const base = join(outDir, `bench-${stamp}${report.quick ? '-quick' : ''}`);
  const markdown = renderMarkdown(report);
  writeFileSync(`${base}.md`, markdown);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const written = [`${base}.md`, `${base}.json`];
  if (!report.quick) {
    writeFileSync(join(outDir, 'latest.md'), markdown);
    written.push(join(outDir, 'latest.md'));
  }
  return written;
}
