import type { Answer, Citation } from '../core/answer/answer.js';
import { passageSegments } from '../core/passages/passage-segments.js';

/** Code lines shown with an answer: enough for an example, not a whole file. */
const MAX_CODE_LINES = 12;

/** The answer as terminal text: numbered citations with the quoted highlight, then related documents. */
export function renderAnswerText(answer: Answer): string {
  switch (answer.kind) {
    case 'rejected':
      return answer.message;
    case 'no-match': {
      const lines = [`The sources don't cover this: nothing in them answers "${answer.query}".`];
      if (answer.related.length > 0) {
        lines.push('', 'Possibly related:');
        for (const doc of answer.related) lines.push(`  - ${doc.title} (${doc.docId})`);
      }
      return lines.join('\n');
    }
    case 'answer': {
      const lines: string[] = [];
      for (const result of answer.results) {
        const section = result.section === undefined ? '' : ` › ${result.section}`;
        lines.push(`[${result.rank}] ${result.title}${section}, ${result.location}`);
        for (const line of quoteLines(result)) lines.push(line);
        lines.push('');
      }
      if (answer.related.length > 0) lines.push(`Also related: ${answer.related.map((d) => d.title).join('; ')}`, '');
      lines.push(
        `${answer.results.length} of ${answer.matched.passages} matching passages from ${answer.matched.documents} documents · ${answer.tookMs} ms`,
      );
      return lines.join('\n');
    }
    default: {
      const unreachable: never = answer;
      return unreachable;
    }
  }
}

/** The `--json` shape: one object with kind, query, noMatch, results and related. */
export function answerToJson(answer: Exclude<Answer, { kind: 'rejected' }>): object {
  const results =
    answer.kind === 'answer'
      ? answer.results.map((r) => ({
          rank: r.rank,
          score: r.score,
          docId: r.docId,
          passageId: r.passageId,
          title: r.title,
          location: r.location,
          ...(r.section !== undefined && { section: r.section }),
          text: r.text,
          highlight: r.highlight,
          ...(r.url !== undefined && { url: r.url }),
        }))
      : [];
  return {
    kind: answer.kind,
    query: answer.query,
    noMatch: answer.kind === 'no-match',
    results,
    related: answer.related.map((d) => ({ docId: d.docId, title: d.title, ...(d.url !== undefined && { url: d.url }) })),
    tookMs: answer.tookMs,
  };
}

/**
 * The highlight in quotes; or, when the highlight is a line of code, the code block it sits in. Code
 * keeps its line breaks, indented four spaces under a "lang:" label, never flattened onto one line.
 */
function quoteLines(result: Citation): string[] {
  const at = result.highlightStart;
  const block = passageSegments(result.text).find((s) => s.kind === 'code' && at >= s.codeStart && at < s.end);
  if (!block || block.kind !== 'code') return [`    “${result.highlight.trim()}”`];
  const code = result.text.slice(block.codeStart, block.codeEnd).split('\n');
  const shown = code.slice(0, MAX_CODE_LINES).map((line) => `    ${line}`);
  if (code.length > MAX_CODE_LINES) shown.push(`    … (${code.length - MAX_CODE_LINES} more lines)`);
  return [`    ${block.lang || 'code'}:`, ...shown];
}
