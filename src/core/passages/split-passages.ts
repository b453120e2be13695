/**
 * Cuts a document into the passages footnote retrieves and quotes, each citing where it comes from.
 *
 * Pipeline: page chrome out (detect-boilerplate) → paragraphs in original line coordinates
 * (build-paragraphs) → pieces no longer than a passage (whole paragraphs; sentences, then word runs
 * only for paragraphs that are too long) → passages (pack-pieces).
 *
 * Words are never changed: passage text is the paragraph's tokens joined by single spaces (wrapped line
 * breaks and whitespace runs become one space), paragraphs inside a passage are joined by a blank line.
 * A token is never cut; a single token longer than `maxChars` (a URL, a hash) becomes a passage alone,
 * longer than the bound, and the display layer truncates it. Except Chinese and Japanese, which put no
 * spaces between words or sentences: in a paragraph too long to quote whole, a run of CJK text is cut
 * after its sentence-final marks (。！？；) and, where a sentence is still too long, by characters; the
 * pieces are glued back without a space (see cut-cjk-token).
 *
 * Pure and deterministic: the same (docId, text, options) always yields the same passages and ids.
 */
import { buildParagraphs, type Paragraph, type ParagraphToken } from './build-paragraphs.js';
import { cutCjkToken, hasCjk, isCjkRun } from './cut-cjk-token.js';
import { detectBoilerplate } from './detect-boilerplate.js';
import { packPieces, type BreakKind, type Piece } from './pack-pieces.js';
import { splitSentences } from './split-sentences.js';

export { splitSentences, type SentenceSpan } from './split-sentences.js';

export interface Passage {
  /** `${docId}#p${ordinal}`: stable for as long as the document text and options are. */
  id: string;
  docId: string;
  /** 1-based position of the passage in the document. */
  ordinal: number;
  text: string;
  /** 1-based, among the document's content paragraphs (page chrome is not counted). */
  paragraphStart: number;
  paragraphEnd: number;
  /** 1-based lines of the original text (CRLF/CR/LF line breaks) the passage quotes from. */
  lineStart: number;
  lineEnd: number;
  /** The headings the passage sits under, outermost first, joined by " › " (Markdown documents). */
  section?: string;
  /** The pages it quotes from, 1-based, for text that marks its pages (a PDF's, with form feeds). */
  pageStart?: number;
  pageEnd?: number;
}

export interface SplitOptions {
  /** Longest passage, in UTF-16 code units (Discord quotes it). Default 1000. */
  maxChars?: number;
  /** Passages shorter than this are merged with a neighbour when one fits. Default maxChars / 5 (capped at 200). */
  minChars?: number;
}

export const DEFAULT_MAX_CHARS = 1000;

/** A packable piece: tokens [from, to) of one paragraph. */
interface Slice extends Piece {
  paragraph: Paragraph;
  from: number;
  to: number;
}

export function splitPassages(docId: string, text: string, options: SplitOptions = {}): Passage[] {
  const maxChars = Math.max(1, Math.floor(options.maxChars ?? DEFAULT_MAX_CHARS));
  const minChars = Math.max(0, Math.floor(options.minChars ?? Math.min(200, maxChars / 5)));
  const paragraphs = buildParagraphs(detectBoilerplate(text)).filter((paragraph) => paragraph.tokens.length > 0);
  const slices = sliceParagraphs(paragraphs, maxChars);
  return packPieces(slices, maxChars, minChars).map(([first, last], index) =>
    toPassage(docId, index + 1, slices.slice(first, last + 1)),
  );
}

/**
 * Whole paragraphs where they fit; otherwise sentences, and word runs for over-long sentences. A
 * paragraph following headings keeps room for them, so "Questionable status" can open its passage.
 */
function sliceParagraphs(paragraphs: Paragraph[], maxChars: number): Slice[] {
  const slices: Slice[] = [];
  let headingRoom = 0;
  paragraphs.forEach((original, index) => {
    const next = paragraphs[index + 1];
    const budget = headingRoom > 0 && headingRoom <= maxChars / 2 ? maxChars - headingRoom : maxChars;
    const whole = original.text.length <= budget;
    const paragraph = whole ? original : cutCjkRuns(original, budget);
    const ends = whole ? new Set([paragraph.tokens.length]) : sentenceEnds(paragraph);
    const ranges = whole ? [[0, paragraph.tokens.length] as const] : cutParagraph(paragraph, ends, budget);
    ranges.forEach(([from, to], k) => {
      const last = k === ranges.length - 1;
      const endsSentence = ends.has(to);
      const breakAfter: BreakKind = !last ? (endsSentence ? 'sentence' : 'word') : paragraph.heading && next ? 'heading' : 'paragraph';
      const joinBefore = k === 0 ? 2 : paragraph.tokens[from]?.glued ? 0 : 1;
      slices.push({ paragraph, from, to, length: textOf(paragraph, from, to).length, joinBefore, breakAfter });
    });
    headingRoom = paragraph.heading ? headingRoom + paragraph.text.length + 2 : 0;
  });
  return slices;
}

/**
 * The paragraph with its CJK tokens cut into glued pieces (at sentence ends, then within `budget`);
 * the same paragraph when it has none, so text in other scripts is cut exactly as before.
 */
function cutCjkRuns(paragraph: Paragraph, budget: number): Paragraph {
  if (!hasCjk(paragraph.text)) return paragraph;
  const tokens: ParagraphToken[] = [];
  for (const token of paragraph.tokens) {
    if (!isCjkRun(token.text)) {
      tokens.push(token);
      continue;
    }
    cutCjkToken(token.text, budget).forEach((piece, k) => {
      tokens.push(k === 0 ? { ...token, text: piece } : { text: piece, line: token.line, glued: true });
    });
  }
  return tokens.length === paragraph.tokens.length ? paragraph : { ...paragraph, tokens };
}

/** Token ranges of a too-long paragraph: its sentences, with sentences over `budget` cut between words. */
function cutParagraph(paragraph: Paragraph, ends: Set<number>, budget: number): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  for (const [from, to] of sentenceRanges(paragraph, ends)) {
    if (textOf(paragraph, from, to).length <= budget) {
      ranges.push([from, to]);
      continue;
    }
    let start = from;
    let length = 0;
    for (let t = from; t < to; t++) {
      const size = (paragraph.tokens[t]?.text.length ?? 0) + (t > start && !paragraph.tokens[t]?.glued ? 1 : 0);
      if (t > start && length + size > budget) {
        ranges.push([start, t]);
        start = t;
        length = paragraph.tokens[t]?.text.length ?? 0;
      } else {
        length += size;
      }
    }
    ranges.push([start, to]);
  }
  return ranges;
}

/** Sentences of the paragraph as token ranges; boundaries always fall between tokens. */
function sentenceRanges(paragraph: Paragraph, ends: Set<number>): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  let start = 0;
  for (const end of [...ends].sort((a, b) => a - b)) {
    if (end > start) ranges.push([start, end]);
    start = end;
  }
  if (start < paragraph.tokens.length) ranges.push([start, paragraph.tokens.length]);
  return ranges;
}

/** Token indexes at which a sentence ends (exclusive end). */
function sentenceEnds(paragraph: Paragraph): Set<number> {
  const starts: number[] = [];
  let offset = 0;
  paragraph.tokens.forEach((token, t) => {
    if (t > 0 && !token.glued) offset += 1;
    starts.push(offset);
    offset += token.text.length;
  });
  const ends = new Set<number>();
  let t = 0;
  for (const span of splitSentences(paragraph.text)) {
    while (t < starts.length && (starts[t] ?? 0) < span.end) t++;
    ends.add(t);
  }
  return ends;
}

function textOf(paragraph: Paragraph, from: number, to: number): string {
  let text = '';
  for (let t = from; t < to; t++) {
    const token = paragraph.tokens[t]!;
    text += t > from && !token.glued ? ` ${token.text}` : token.text;
  }
  return text;
}

function toPassage(docId: string, ordinal: number, slices: Slice[]): Passage {
  let text = '';
  slices.forEach((slice, k) => {
    if (k > 0) text += slice.paragraph !== slices[k - 1]?.paragraph ? '\n\n' : slice.paragraph.tokens[slice.from]?.glued ? '' : ' ';
    text += textOf(slice.paragraph, slice.from, slice.to);
  });
  const first = slices[0] as Slice;
  const last = slices[slices.length - 1] as Slice;
  return {
    id: `${docId}#p${ordinal}`,
    docId,
    ordinal,
    text,
    paragraphStart: first.paragraph.ordinal,
    paragraphEnd: last.paragraph.ordinal,
    lineStart: first.paragraph.tokens[first.from]?.line ?? first.paragraph.lineStart,
    lineEnd: last.paragraph.tokens[last.to - 1]?.line ?? last.paragraph.lineEnd,
  };
}
