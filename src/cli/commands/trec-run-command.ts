import { parseArgs } from 'node:util';
import { loadEvaluation } from '../../core/index.js';
import { UsageError, type CliContext, type ExitCode } from '../cli-context.js';

/** `footnote trec-run`: prints a TREC run (`qid Q0 docid rank score footnote`) for a test collection. */
export async function trecRunCommand(ctx: CliContext): Promise<ExitCode> {
  const { values } = parseArgs({
    args: ctx.args,
    options: { docs: { type: 'string' }, queries: { type: 'string' }, top: { type: 'string', default: '1000' } },
  });
  if (values.docs === undefined || values.queries === undefined) throw new UsageError('trec-run needs --docs and --queries.');
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new UsageError('--top must be a positive whole number.');
  const { readCollectionDocuments, readCollectionQueries, runCollection } = await loadEvaluation();
  const [documents, queries] = await Promise.all([readCollectionDocuments(values.docs), readCollectionQueries(values.queries)]);
  const runs = runCollection(documents, queries, { top, passageMaxChars: ctx.config.passageMaxChars });
  const lines: string[] = [];
  for (const run of runs.values()) {
    for (const line of run) lines.push(`${line.queryId} Q0 ${line.docId} ${line.rank} ${line.score.toFixed(6)} footnote`);
  }
  if (lines.length > 0) ctx.out(lines.join('\n'));
  return 0;
}
