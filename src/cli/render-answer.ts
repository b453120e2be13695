import type { Answer } from '../core/answer/answer.js';

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
        lines.push(`[${result.rank}] ${result.title}, ${result.location}`);
        lines.push(`    “${result.highlight.trim()}”`);
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
