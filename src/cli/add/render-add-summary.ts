import { plural } from '../../core/index.js';
import type { AddOutcome, AddResult } from '../../core/index.js';
import type { SkippedEntry } from './collect-inputs.js';

/** What one `docs add` run did, in the shape `--json` prints. */
export type AddSummary = {
  added: DocumentLine[];
  replaced: Array<DocumentLine & { replaced: { id: string; title: string; addedBy: string; addedAt: string } }>;
  unchanged: DocumentLine[];
  failed: Array<{ source: string; code: string; reason: string }>;
  skipped: Array<{ source: string; reason: string }>;
  tookMs: number;
};

type DocumentLine = { source: string; id: string; title: string; passages: number };

export function summarizeAdds(outcomes: ReadonlyArray<{ label: string; outcome: AddOutcome }>, skipped: readonly SkippedEntry[], tookMs: number): AddSummary {
  const summary: AddSummary = { added: [], replaced: [], unchanged: [], failed: [], skipped: [], tookMs: Math.round(tookMs) };
  for (const { label, outcome } of outcomes) {
    if (outcome.kind === 'failed') {
      summary.failed.push({ source: label, code: outcome.error.code, reason: outcome.error.message });
      continue;
    }
    const { result } = outcome;
    const line = { source: label, id: result.id, title: result.title, passages: result.passages };
    if (result.kind === 'replaced') summary.replaced.push({ ...line, replaced: result.replaced });
    else summary[result.kind].push(line);
  }
  for (const entry of skipped) summary.skipped.push({ source: entry.label, reason: entry.reason });
  return summary;
}

export function describeResult(result: AddResult): string {
  const passages = plural(result.passages, 'passage');
  switch (result.kind) {
    case 'added':
      return `Added "${result.title}" as ${result.id} (${passages}).`;
    case 'replaced': {
      const old = result.replaced;
      const was = old.id === result.id ? '' : ` (was ${old.id})`;
      return `Replaced "${old.title}" (added by ${old.addedBy} on ${old.addedAt.slice(0, 10) || 'an unknown date'}) with "${result.title}" as ${result.id}${was} (${passages}).`;
    }
    case 'unchanged':
      return `Unchanged: "${result.title}" (${result.id}) already holds this text (${passages}).`;
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

/** The closing lines of a batch: the counts, then what was skipped and why (failures were told on stderr as they came). */
export function renderSummary(summary: AddSummary): string[] {
  const lines = [
    `Added ${summary.added.length}, replaced ${summary.replaced.length}, unchanged ${summary.unchanged.length}, ` +
      `failed ${summary.failed.length}, skipped ${summary.skipped.length} (${(summary.tookMs / 1000).toFixed(1)} s).`,
    ...(summary.failed.length > 0 ? [`Failed: ${summary.failed.map((f) => f.source).join(', ')} (reasons above).`] : []),
  ];
  if (summary.skipped.length > 0) lines.push('Skipped:');
  for (const skipped of summary.skipped) lines.push(`  ${skipped.source}: ${skipped.reason}`);
  return lines;
}

/** `[#####-----] 12/57 guide/env.md`: the status line of a batch on a terminal. */
export function progressBar(done: number, total: number, label: string): string {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`;
}
