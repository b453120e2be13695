// How a passage's text is laid out for choosing a highlight (select-highlight): its prose sentences
// with their terms, label lines and titles, paragraphs and blocks, and its code lines.
import type { PassageSegment } from '../passages/passage-segments.js';
import { splitSentences, type SentenceSpan } from '../passages/split-sentences.js';
import { analyze, type AnalyzedText } from '../engine/engine.js';
import { LIST_BULLET } from '../passages/markdown/render-list.js';

/** A sentence of a passage: its span in the text and its distinct analysed terms. */
export type Sentence = { start: number; end: number; terms: Set<string> };

type Span = { start: number; end: number };

/**
 * A line that opens with a short label and is no sentence: "Type: number", "Default: 500", "Tip:
 * Importing files". A table row ("Command: pnpm add -g · Description: Install a package globally",
 * cells joined by " · ") is content, not a label.
 */
const LABEL_LINE = /^\p{L}[\p{L} ]{0,20}: [^\n·]*[^.!?\s·]$/u;

/** Whether a line labels rather than says (LABEL_LINE): "Type: number", "Extends: `undici.Dispatcher`". */
export function isLabelLine(line: string): boolean {
  return LABEL_LINE.test(line.trim());
}

/**
 * Whether a sentence is an option's metadata or a callout's title, not prose: it labels what
 * follows ("Type: number" above an option's description), so it never answers.
 */
export function isLabel(text: string, sentence: Sentence): boolean {
  const { lineStart, lineEnd } = lineAround(text, sentence);
  const whole = text.slice(lineStart, lineEnd);
  const line = whole.startsWith(LIST_BULLET) ? whole.slice(LIST_BULLET.length) : whole;
  if (line.trim() !== text.slice(sentence.start, sentence.end).trim()) return false;
  if (isLabelLine(line)) return true;
  // A callout's title with no title of its own ("Warning", "Note"): one word, a paragraph of its own.
  // So is a plain text's heading ("Growing Piracy in Russia's Regions", a story's title line): a
  // paragraph of its own in title case, with no full stop.
  const ownParagraph = (lineStart === 0 || text.startsWith('\n\n', lineStart - 2)) && (lineEnd === text.length || text.startsWith('\n\n', lineEnd));
  return ownParagraph && (LONE_WORD.test(line.trim()) || isTitleLine(line.trim()));
}

/** Whether the label of a label line ("DMs" in "DMs: 18 months retention") holds a word of the question. */
export function labelAsked(text: string, sentence: Sentence, termWeights: ReadonlyMap<string, number>): boolean {
  const body = text.slice(sentence.start, sentence.end);
  const colon = body.indexOf(': ');
  return colon > 0 && analyze(body.slice(0, colon)).some((term) => (termWeights.get(term) ?? 0) > 0);
}

const LONE_WORD = /^\p{L}+$/u;
/** A title's small words, which title case leaves lowercase ("Growing Piracy in Russia's Regions"). */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']);
/** Titles are short: a line of more words is a sentence that lost its full stop. */
const MAX_TITLE_WORDS = 12;

/** A line in title case with no closing punctuation: every word but the small ones capitalised. */
function isTitleLine(line: string): boolean {
  if (/[.!?:;,·]$/u.test(line)) return false;
  const words = line.split(/\s+/u);
  return words.length >= 2 && words.length <= MAX_TITLE_WORDS && words.every((word) => TITLE_SMALL_WORDS.has(word) || /^[\p{Lu}\p{N}"“'‘(]/u.test(word));
}

/** Where the line holding a sentence starts, and where it ends (its line break, or the end of the text). */
function lineAround(text: string, sentence: Span): { lineStart: number; lineEnd: number } {
  const lineEnd = text.indexOf('\n', sentence.end);
  return { lineStart: text.lastIndexOf('\n', sentence.start - 1) + 1, lineEnd: lineEnd < 0 ? text.length : lineEnd };
}

/** Whether two sentences are in one paragraph: no line break between them. */
export function sameParagraph(text: string, a: Span, b: Span): boolean {
  return !text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)).includes('\n');
}

/** Whether two sentences read on together: not two list items or table rows (lines of their own). */
export function sameBlock(text: string, a: Span, b: Span): boolean {
  const gap = text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start));
  for (let i = gap.indexOf('\n'); i >= 0; i = gap.indexOf('\n', i + 2)) {
    if (gap[i + 1] !== '\n') return false;
  }
  return true;
}

/**
 * Each prose sentence's span and distinct terms: from the text's analysis when given, else sentence
 * by sentence. Code blocks and their fences are never sentences; a list item's bullet is left out.
 * The entries of an enumeration count for the sentence introducing it (foldEnumerations).
 */
export function passageSentences(text: string, segments: readonly PassageSegment[], analyzed: AnalyzedText | undefined): Sentence[] {
  const sentences = sentenceTerms(text, segments, analyzed);
  foldEnumerations(text, sentences);
  return sentences;
}

/** Each prose sentence's span and distinct terms (see passageSentences). */
function sentenceTerms(
  text: string,
  segments: readonly PassageSegment[],
  analyzed: AnalyzedText | undefined,
): Sentence[] {
  const spans: SentenceSpan[] = [];
  for (const segment of segments) {
    if (segment.kind !== 'prose') continue;
    // A line of its own is a unit of its own: Markdown passages put list items and table rows on
    // separate lines (plain passages have no single line breaks, only blank lines between paragraphs).
    for (let lineStart = segment.start; lineStart < segment.end; ) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 || newline > segment.end ? segment.end : newline;
      for (const span of splitSentences(text.slice(lineStart, lineEnd))) {
        let start = lineStart + span.start;
        if (text.startsWith(LIST_BULLET, start)) start += LIST_BULLET.length;
        if (start < lineStart + span.end) spans.push({ start, end: lineStart + span.end });
      }
      lineStart = lineEnd + 1;
    }
  }
  if (!analyzed) return spans.map((span) => ({ ...span, terms: new Set(analyze(text.slice(span.start, span.end))) }));
  const sentences = spans.map((span) => ({ ...span, terms: new Set<string>() }));
  let sentence = 0;
  for (let i = 0; i < analyzed.terms.length; i++) {
    const start = analyzed.starts[i]!;
    while (sentence < sentences.length && sentences[sentence]!.end <= start) sentence++;
    const current = sentences[sentence];
    if (current && start >= current.start) current.terms.add(analyzed.terms[i]!);
  }
  return sentences;
}

/** A list item that is one entry of an enumeration, not a sentence: "Vacations,", "Jury leave, and". */
const ENUMERATED = /(?:[,;]|\s(?:and|or))$/u;

/**
 * An enumeration's items ("• Federal holidays," "• Vacations," … "• Bereavement") name the things the
 * line introducing the list says something of ("Out of Office - #670: Any time you are out of office
 * for less than 3 weeks. Including:"): their words count for that statement, which answers "which tock
 * line do I use when I'm on vacation?", and not for an item alone.
 */
function foldEnumerations(text: string, sentences: readonly Sentence[]): void {
  const item = (i: number) => {
    const sentence = sentences[i]!;
    const { lineStart, lineEnd } = lineAround(text, sentence);
    const ownLine = /^\s*• $/u.test(text.slice(lineStart, sentence.start)) && text.slice(sentence.end, lineEnd).trim() === '';
    return ownLine ? text.slice(sentence.start, sentence.end).trimEnd() : undefined;
  };
  for (let i = 1; i < sentences.length; i++) {
    const entry = item(i);
    // The last entry has no comma: it follows one that has.
    const enumerated = entry !== undefined && (ENUMERATED.test(entry) || (/\p{L}$/u.test(entry) && ENUMERATED.test(item(i - 1) ?? '')));
    if (!enumerated) continue;
    let statement = i - 1;
    while (statement >= 0 && (ENUMERATED.test(item(statement) ?? '') || text.slice(sentences[statement]!.start, sentences[statement]!.end).trimEnd().endsWith(':'))) statement--;
    if (statement >= 0) for (const term of sentences[i]!.terms) sentences[statement]!.terms.add(term);
  }
}

/** The code line holding the most question weight (never a fence), with that weight. */
export function bestCodeLine(text: string, segments: readonly PassageSegment[], termWeights: ReadonlyMap<string, number>): (Span & { score: number }) | undefined {
  let best: (Span & { score: number }) | undefined;
  for (const segment of segments) {
    if (segment.kind !== 'code') continue;
    let start = segment.codeStart;
    while (start < segment.codeEnd) {
      const newline = text.indexOf('\n', start);
      const end = newline < 0 || newline > segment.codeEnd ? segment.codeEnd : newline;
      let score = 0;
      for (const term of new Set(analyze(text.slice(start, end)))) score += termWeights.get(term) ?? 0;
      if (text.slice(start, end).trim() !== '' && (!best || score > best.score)) best = { start, end, score };
      start = end + 1;
    }
  }
  return best;
}
