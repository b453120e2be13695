import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type AddOutcome, type AddRequest, FootnoteError, formatBytes, type PendingAdd, type Scope } from '../../core/index.js';
import { openKnowledgeBase } from '../../config/open-knowledge-base.js';
import { UsageError, type CliContext, type ExitCode } from '../cli-context.js';
import { collectInputs, type AddTarget } from './collect-inputs.js';
import { describeResult, progressBar, renderSummary, summarizeAdds } from './render-add-summary.js';

export type DocsAddOptions = { scope: Scope; title?: string; id?: string; json: boolean };

/**
 * `footnote docs add <file|folder|url>...`: every target in one process and one index update. A
 * refusal fails that document only; the run exits 1 if any failed. On a terminal a progress bar runs
 * on stderr; otherwise each document's line is printed as it is done (a log reads like a progress
 * report). `--json` prints only the summary.
 */
export async function docsAdd(ctx: CliContext, args: readonly string[], options: DocsAddOptions): Promise<ExitCode> {
  if (args.length === 0) throw new UsageError('docs add needs at least one file, folder or URL.');
  const started = performance.now();
  const { targets, skipped, missing } = await collectInputs(args);
  if (targets.length > 1 && (options.id !== undefined || options.title !== undefined)) {
    throw new UsageError('--id and --title name one document: give them with a single file or URL.');
  }
  if (targets.length === 0 && missing.length === 1 && skipped.length === 0) {
    throw new FootnoteError('not_found', `Cannot read ${missing[0]!.label}: ${missing[0]!.reason}.`);
  }
  const kb = await openKnowledgeBase(ctx.config, ctx.logger);
  const outcomes: Array<{ label: string; outcome: AddOutcome }> = [];
  // One document's refusal is the whole message; in a batch it says which file it is about.
  const report = (label: string, outcome: AddOutcome) => {
    if (outcome.kind === 'failed') ctx.err(targets.length === 1 ? outcome.error.message : `${label}: ${outcome.error.message}`);
    else ctx.out(describeResult(outcome.result));
  };
  try {
    const pending: PendingAdd[] = targets.map((target) => () => requestFor(target, options, ctx.config.maxDocumentBytes));
    await kb.addMany(pending, (done, outcome) => {
      const label = targets[done - 1]!.label;
      outcomes.push({ label, outcome });
      if (ctx.status) ctx.status(progressBar(done, targets.length, label));
      else if (!options.json) report(label, outcome);
    });
  } finally {
    ctx.status?.('');
    await kb.close();
  }
  const summary = summarizeAdds(outcomes, missing.concat(skipped), performance.now() - started);
  if (options.json) ctx.out(JSON.stringify(summary));
  else {
    if (ctx.status) for (const { label, outcome } of outcomes) report(label, outcome);
    for (const entry of missing) ctx.err(`${entry.label}: ${entry.reason}`);
    // A batch ends with its counts and what was skipped; one document's line says it all.
    if (targets.length + skipped.length + missing.length > 1) for (const line of renderSummary(summary)) ctx.out(line);
  }
  return summary.failed.length > 0 || missing.length > 0 ? 1 : 0;
}

async function requestFor(target: AddTarget, options: DocsAddOptions, maxBytes: number): Promise<AddRequest> {
  const common = {
    scope: options.scope,
    addedBy: 'cli',
    ...(options.title !== undefined && { title: options.title }),
    ...(options.id !== undefined && { id: options.id }),
  };
  if (target.kind === 'url') return { ...common, input: { kind: 'url', url: target.url } };
  return {
    ...common,
    ...(target.suggestedId !== undefined && { suggestedId: target.suggestedId }),
    input: { kind: 'file', name: basename(target.path), path: target.path, bytes: await readLocalFile(target.path, maxBytes) },
  };
}

/** The file's bytes, size-checked before reading so a huge file is refused without loading it. */
async function readLocalFile(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FootnoteError('not_found', `${path} is not a file.`);
    if (info.size > maxBytes) {
      throw new FootnoteError('too_large', `${basename(path)} is ${sizes(info.size, maxBytes)}; the limit (MAX_DOCUMENT_BYTES) is ${formatBytes(maxBytes)}.`);
    }
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof FootnoteError) throw error;
    const code = (error as { code?: unknown }).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : String(code ?? error);
    throw new FootnoteError('not_found', `Cannot read ${basename(path)}: ${why}.`, { cause: error });
  }
}

/** A file's size as a user reads it, with the exact byte count when rounding would make it look within the limit. */
function sizes(size: number, maxBytes: number): string {
  return formatBytes(size) === formatBytes(maxBytes) ? `${size.toLocaleString('en-US')} bytes` : formatBytes(size);
}
