/**
 * Rule-based English sentence splitter, used to cut over-long paragraphs and, later, to pick the one
 * sentence of a passage that answers a question.
 *
 * Why not Intl.Segmenter('en', { granularity: 'sentence' })? On Node 20 (ICU 78) it breaks after
 * "The U.S. ", "Mr. ", "St. ", "E.O. " and after the cable's paragraph numbers ("5. "), i.e. inside most
 * sentences of our corpus; its output also depends on the ICU build Node ships with (small-icu,
 * system-icu), and passages and highlights must be identical on every machine. Fixing its output would
 * mean re-implementing the same abbreviation rules anyway, so the rules are written out here, where they
 * can be read and tested.
 *
 * A boundary is only ever placed at whitespace, after sentence-final punctuation (optionally followed by
 * closing quotes or brackets), or at a blank line (paragraph break). Then:
 * - never before a lowercase word ("Assoc. of America", "…" he said);
 * - never after a title ("Mr.", "Dr.", "St." …) or after "No."/"Aug."/"Fig." before a number;
 * - after other abbreviations, initials and dotted acronyms ("U.S.", "Inc.", "J.") only when the next word
 *   is a typical sentence opener ("…outside the U.S. The RIAA…" but "the U.S. Trade Representative");
 * - never after a list number at the start of a sentence ("5. In 2008, …");
 * - decimals and URLs ("$1.5", "allofmp3.com") contain no whitespace, so they are never split.
 *
 * Chinese and Japanese put no space between sentences: there a boundary also falls right after 。！？；
 * (with their closing quotes), inside a run of text without whitespace (see cut-cjk-token).
 */

import { cutCjkToken, endsCjkSentence } from './cut-cjk-token.js';
import { charClass, trimWhere } from './trim-where.js';

export interface SentenceSpan {
  /** Offset of the first character of the sentence. */
  start: number;
  /** Offset just past its last non-space character. */
  end: number;
}

/** Abbreviations that precede a name: a boundary never follows them. */
const TITLES = new Set(
  'mr mrs ms messrs mmes dr prof rev hon gen sen rep gov lt col capt sgt cpl adm maj brig pres supt insp det st mt ft'.split(' '),
);

/** Abbreviations that precede a number ("No. 5", "Aug. 31", "Fig. 3"). */
const BEFORE_NUMBER = new Set(
  'no nos art fig figs vol vols p pp para paras ch sec sect ed eq ref tel ex jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** Month abbreviations stay abbreviations without a number after them ("in Aug. Kvasov …"). */
const MONTHS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));

/**
 * Other frequent abbreviations: a sentence may end on them, so the next word has to say so. Dotted
 * ones ("e.g.", "a.m.") are recognised by shape; words that are also plain English ("am") are not listed.
 */
const ABBREVIATIONS = new Set(
  'inc ltd co corp bros assoc dept univ govt approx vs etc al cf ca viz ave blvd rd sr jr'.split(' '),
);

/** Abbreviations after which a sentence practically never ends. */
const NEVER_FINAL = new Set(['vs', 'eg', 'ie', 'cf', 'viz']);

/** Capitalised words that typically open a sentence (and rarely continue a name after an abbreviation). */
const OPENERS = new Set(
  (
    'the a an this that these those it its he she they we i you his her their our there here in on at for ' +
    'but and or so however if when while as after before since although though despite meanwhile what why ' +
    'how who some many most all yet still also then thus moreover furthermore likewise similarly ' +
    'unfortunately according following during instead indeed nevertheless one another each both'
  ).split(' '),
);

const CLOSER = charClass(/["'”’»)\]}]/u);
const NOT_LETTER = charClass(/\P{L}/u);
const OPENERS_PUNCT = /^["'“‘«(\[{¿¡]+/u;
/** A CJK sentence-final mark (see cut-cjk-token): only tokens holding one need cutting. */
const CJK_MARK = /[。！？；｡．]/u;

interface Token {
  text: string;
  start: number;
  end: number;
}

export function splitSentences(text: string): SentenceSpan[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\S+/gu)) {
    if (!CJK_MARK.test(match[0])) {
      tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
      continue;
    }
    let start = match.index;
    for (const piece of cutCjkToken(match[0])) {
      tokens.push({ text: piece, start, end: start + piece.length });
      start += piece.length;
    }
  }
  const spans: SentenceSpan[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (next && !isBoundary(text, token, next, i === first)) continue;
    spans.push({ start: (tokens[first] as Token).start, end: token.end });
    first = i + 1;
  }
  return spans;
}

function isBoundary(text: string, token: Token, next: Token, firstOfSentence: boolean): boolean {
  // A blank line is a paragraph break (passages join paragraphs with "\n\n"), whatever precedes it.
  if (/\n[^\S\n]*\n/u.test(text.slice(token.end, next.start))) return true;
  if (endsCjkSentence(token.text)) return true;

  const core = trimWhere(token.text, CLOSER, 'end');
  const quoted = core.length < token.text.length;
  if (!/[.!?…]$/u.test(core)) return false;

  const nextWord = next.text.replace(OPENERS_PUNCT, '');
  if (/^\p{Ll}/u.test(nextWord)) return false;
  if (/[!?]$/u.test(core)) return true;
  if (/(?:\.\.\.|…)$/u.test(core)) return /^\p{Lu}/u.test(nextWord) || next.text !== nextWord;
  if (quoted) return true; // '…laws."' – the period belongs to the quoted sentence.

  // An opening bracket or quote is not part of the word: "(e.g." is the abbreviation "e.g.".
  const word = core.slice(0, -1).replace(OPENERS_PUNCT, '');
  const key = word.toLowerCase().replace(/\./gu, '');
  const startsNumber = /^[\p{N}$€£#]/u.test(nextWord);
  const opener = OPENERS.has(trimWhere(nextWord, NOT_LETTER, 'end').toLowerCase()) && /^\p{Lu}/u.test(nextWord);

  if (firstOfSentence && /^\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]?$/u.test(word)) return false; // "5. In 2008"
  if (TITLES.has(key) && /^\p{L}+$/u.test(word)) return false;
  if (BEFORE_NUMBER.has(key) && /^\p{L}+$/u.test(word) && startsNumber) return false;
  if (NEVER_FINAL.has(key) && /^[\p{L}.]+$/u.test(word)) return false;
  const abbreviation =
    (ABBREVIATIONS.has(key) && /^[\p{L}.]+$/u.test(word)) ||
    (MONTHS.has(key) && /^\p{Lu}\p{Ll}+$/u.test(word)) ||
    /^\p{Lu}$/u.test(word) || // an initial: "J. Smith", "Plan B."
    /^(?:\p{L}\.)+\p{L}$/u.test(word); // dotted acronym: "U.S", "E.O", "a.m"
  return abbreviation ? opener : true;
}
