/**
 * The document's paragraphs after page chrome is removed, each word tagged with its original line so a
 * passage cut anywhere can still say which lines it quotes.
 */
import type { BoilerplateReport } from './detect-boilerplate.js';
import { endsSentence, isBlankLine, type LineGroup } from './group-lines.js';
import { wordsOf } from './stopwords.js';

export interface ParagraphToken {
  /** A whitespace-delimited token exactly as in the source. */
  text: string;
  /** 1-based line of the original text it comes from. */
  line: number;
  /** A piece of a CJK run cut for length (see cut-cjk-token): joined to the previous token without a space. */
  glued?: boolean;
}

export interface Paragraph {
  /** 1-based position among the document's content paragraphs (chrome does not count). */
  ordinal: number;
  lineStart: number;
  lineEnd: number;
  tokens: ParagraphToken[];
  /** Tokens joined by single spaces: wrapped line breaks and whitespace runs become one space. */
  text: string;
  /** A title or subhead ("Questionable status", "SUMMARY"): short and not ending like a sentence. */
  heading: boolean;
}

const MAX_HEADING_WORDS = 12;
const MAX_HEADING_CHARS = 100;

export function buildParagraphs(report: BoilerplateReport): Paragraph[] {
  const { lines, keep } = report;
  const kept = report.groups.filter((group) => !group.rule && keep[group.start] === true);

  // Paragraph = one or more groups; several only when a page break cut a paragraph in two.
  const runs: LineGroup[][] = [];
  for (const group of kept) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && continuesAcrossChrome(lines, keep, previous, group)) run.push(group);
    else runs.push([group]);
  }

  return runs.map((run, index) => {
    const tokens: ParagraphToken[] = [];
    for (const group of run) {
      for (let line = group.start; line <= group.end; line++) {
        for (const token of (lines[line] ?? '').split(/\s+/u)) if (token) tokens.push({ text: token, line: line + 1 });
      }
    }
    const text = tokens.map((token) => token.text).join(' ');
    return {
      ordinal: index + 1,
      lineStart: tokens[0]?.line ?? (run[0]?.start ?? 0) + 1,
      lineEnd: tokens[tokens.length - 1]?.line ?? (run[0]?.end ?? 0) + 1,
      tokens,
      text,
      heading: isHeading(text),
    };
  });
}

/**
 * A paragraph interrupted by a page header/footer ("…enforcement of a 2008" / MOSCOW 00000521 002 OF
 * 004 / "ban on cam-cording…") is one paragraph: only chrome and blank lines in between, the first part
 * stops mid-sentence and the second starts in lowercase.
 */
function continuesAcrossChrome(lines: string[], keep: boolean[], before: LineGroup, after: LineGroup): boolean {
  let droppedBetween = false;
  for (let line = before.end + 1; line < after.start; line++) {
    if (keep[line] === false) droppedBetween = true;
    else if (!isBlankLine(lines[line] ?? '')) return false;
  }
  const last = lines[before.end] ?? '';
  const first = lines[after.start] ?? '';
  return droppedBetween && !endsSentence(last) && /^\s*\p{Ll}/u.test(first);
}

export function isHeading(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= MAX_HEADING_CHARS &&
    wordsOf(text).length <= MAX_HEADING_WORDS &&
    !endsSentence(text)
  );
}
