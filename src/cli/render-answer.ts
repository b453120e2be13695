import { type Answer, type Citation, type PassageSegment, passageSegments } from '../core/index.js';
import { plural, readAsText } from '../core/index.js';
import { wrapText } from './wrap-text.js';

/** A short line that only labels what follows: "node.js:", "In the browser:". */
const LABEL_LINE = /^.{1,40}:$/u;

/** Code lines shown with an answer: enough for an example, not a whole file. */
const MAX_CODE_LINES = 12;

/** How the terminal takes text: its width in columns (none: a pipe or a file, never wrapped) and whether bold is allowed. */
export type TextOptions = { width?: number; color?: boolean };

const BOLD = '\u001b[1m';
const NORMAL = '\u001b[22m';

/**
 * The answer as terminal text: numbered citations with the quoted highlight (bold where colour is allowed),
 * then related documents. Prose wraps to `width`; code lines are kept as they are.
 */
export function renderAnswerText(answer: Answer, options: TextOptions = {}): string {
  const { width } = options;
  switch (answer.kind) {
    case 'rejected':
      return answer.message;
    case 'no-match': {
      // Groups of lines (a wrapped paragraph each), flattened once at the end.
      const blocks = [wrapText(`The sources don't cover this: nothing in them answers "${answer.query}".`, width)];
      if (answer.readAs) blocks.push(wrapText(`(I ${readAsText(answer.readAs)}.)`, width));
      if (answer.related.length > 0) {
        blocks.push(['', 'Possibly related:']);
        for (const doc of answer.related) blocks.push(wrapText(`${doc.title} (${doc.docId})`, width, '  - ', '    '));
      }
      return blocks.flat().join('\n');
    }
    case 'answer': {
      const blocks: string[][] = [];
      for (const result of answer.results) {
        const section = result.section === undefined ? '' : ` › ${result.section}`;
        blocks.push(wrapText(`[${result.rank}] ${result.title}${section}, ${result.location}`, width, '', '    '), quoteLines(result, options), ['']);
      }
      if (answer.related.length > 0) blocks.push(wrapText(`Also related: ${answer.related.map((d) => d.title).join('; ')}`, width, '', '  '), ['']);
      const { passages, documents } = answer.matched;
      // "passage" agrees with the number of matches ("1 of 1 matching passage"), not with the number shown.
      const readAs = answer.readAs ? ` · ${readAsText(answer.readAs)}` : '';
      blocks.push(wrapText(`${answer.results.length} of ${plural(passages, 'matching passage')} from ${plural(documents, 'document')}${readAs} · ${answer.tookMs} ms`, width));
      return blocks.flat().join('\n');
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
    ...(answer.readAs && { readAs: answer.readAs }),
    noMatch: answer.kind === 'no-match',
    results,
    related: answer.related.map((d) => ({ docId: d.docId, title: d.title, ...(d.url !== undefined && { url: d.url }) })),
    tookMs: answer.tookMs,
  };
}

/**
 * The highlight in quotes, followed by the code it introduces when it ends in a colon; or, when the
 * highlight is a line of code, the code block it sits in. Code keeps its line breaks, indented four
 * spaces under a "lang:" label, never flattened onto one line.
 */
function quoteLines(result: Citation, { width, color = false }: TextOptions): string[] {
  const at = result.highlightStart;
  const segments = passageSegments(result.text);
  const block = segments.find((s) => s.kind === 'code' && at >= s.codeStart && at < s.end);
  if (block?.kind === 'code') return codeLines(result.text, block);
  // Wrapped first, bolded line by line after: escape codes never count toward the width or span a line break.
  // A highlight of two paragraphs reads as one quote: its line breaks would start lines outside the indent.
  const lines = wrapText(`“${result.highlight.replace(/\s+/gu, ' ').trim()}”`, width, '    ', '     ');
  const quoted = color ? lines.map((line) => line.replace(/^( +)(.*)$/, `$1${BOLD}$2${NORMAL}`)) : lines;
  // A highlight that introduces code ("Install:", "Run this:") is read with the code it introduces,
  // past any labels between ("node.js:"): the terminal shows only the highlight, and the command is
  // the answer.
  const end = at + result.highlight.length;
  const next = segments.find((s) => s.start >= end);
  const labelsOnly = (between: string) => between.split('\n').every((line) => line.trim() === '' || LABEL_LINE.test(line.trim()));
  const introduces = result.highlight.trimEnd().endsWith(':') && next?.kind === 'code' && labelsOnly(result.text.slice(end, next.start));
  return introduces ? [...quoted, ...codeLines(result.text, next)] : quoted;
}

/** A code block as shown: its lines as they are, at most MAX_CODE_LINES, under a "lang:" label. */
function codeLines(text: string, block: Extract<PassageSegment, { kind: 'code' }>): string[] {
  const code = text.slice(block.codeStart, block.codeEnd).split('\n');
  const shown = code.slice(0, MAX_CODE_LINES).map((line) => `    ${line}`);
  if (code.length > MAX_CODE_LINES) shown.push(`    … (${code.length - MAX_CODE_LINES} more lines)`);
  return [`    ${block.lang || 'code'}:`, ...shown];
}
