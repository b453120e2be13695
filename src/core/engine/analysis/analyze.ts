/**
 * Production text analysis for retrieval: one tokenizer and one term normaliser, used for BOTH indexing
 * and querying (plug `tokenize` into MiniSearch's `tokenize` and `analyzeTerm` into its `processTerm`).
 *
 * Pipeline: `tokenize` (Unicode-aware split, keeps words/numbers/acronyms/contractions whole, splits on
 * hyphens and other punctuation) → `analyzeTerm` (NFKC, lowercase, Latin diacritic folding, stop word
 * removal, possessive stripping, Porter stemming of ASCII words).
 *
 * Measured with MiniSearch over ≤1,000-character passages on the CISI/MED/CACM/NPL test collections,
 * replacing MiniSearch's default analysis (split on punctuation, lowercase) with this one is worth
 * +0.049/+0.020/+0.095/+0.060 nDCG@10; of that, stemming is worth +0.02 to +0.08 and stop words
 * +0.01 to +0.03.
 */
import { stemmer } from 'stemmer';

/**
 * English stop words: exactly the active entries of Martin Porter's Snowball English stop list
 * (snowballstem.org/algorithms/english/stop.txt, BSD licence; also shipped by Lucene as
 * `snowball/english_stop.txt`), 174 words. It is the list designed to go with the Porter stemmer and,
 * unlike Lucene's 33-word `EnglishAnalyzer` set, it covers the interrogatives and auxiliaries that make up
 * natural-language questions ("what", "did", "does", "which", "how", ...), so a question such as
 * "What did the prosecution fail to present in the Kvasov trial?" keeps only its content words.
 * As in the original, the homonym-prone modals (will, can, may, must, might, shall) and "us"
 * (U.S. = United States) are deliberately NOT stop words. Contracted forms are listed with a straight
 * apostrophe; `analyzeTerm` maps typographic apostrophes to it first.
 * Measured against Lucene's 33 words (same pipeline otherwise): +0.017/+0.004/+0.005/+0.003 nDCG@10 on
 * CISI/MED/CACM/NPL.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // pronouns
  'i', 'me', 'my', 'myself', 'we', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself',
  'yourselves', 'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself',
  'they', 'them', 'their', 'theirs', 'themselves',
  // demonstratives, interrogatives
  'what', 'which', 'who', 'whom', 'this', 'that', 'these', 'those',
  // be, have, do
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does',
  'did', 'doing',
  // auxiliaries kept by Porter
  'would', 'should', 'could', 'ought',
  // compound forms
  "i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've", "we've", "they've",
  "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll", "we'll",
  "they'll", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't",
  "didn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", 'cannot', "couldn't", "mustn't",
  "let's", "that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's", "how's",
  // articles
  'a', 'an', 'the',
  // the rest (prepositions, conjunctions, adverbs, quantifiers)
  'and', 'but', 'if', 'or', 'because', 'as', 'until', 'while', 'of', 'at', 'by', 'for', 'with', 'about',
  'against', 'between', 'into', 'through', 'during', 'before', 'after', 'above', 'below', 'to', 'from',
  'up', 'down', 'in', 'out', 'on', 'off', 'over', 'under', 'again', 'further', 'then', 'once', 'here',
  'there', 'when', 'where', 'why', 'how', 'all', 'any', 'both', 'each', 'few', 'more', 'most', 'other',
  'some', 'such', 'no', 'nor', 'not', 'only', 'own', 'same', 'so', 'than', 'too', 'very',
]);

/** Tokens longer than this are not words (hashes, base64, run-together garbage) and are dropped. */
export const MAX_TERM_LENGTH = 64;

// Characters that vanish before tokenising: soft hyphen, zero-width space, word joiner, BOM.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
// Typographic apostrophes → "'".
const APOSTROPHES = /[\u2018\u2019\u02BC\uFF07\u0060\u00B4]/g;
// Scripts written without spaces between words: every character is its own token (as Lucene's
// StandardTokenizer does for Han ideographs).
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * One token: a dotted acronym (U.S., e.g., U.S.A.), or a run of letters/marks/digits (any script)
 * that may contain apostrophes between letters (don't, O'Brien, Kvasov's) and "." or "," between digits
 * (3.14, 1,000,000). Ideographs/kana inside a run are split off one character each afterwards.
 */
const WORD = String.raw`(?:[\p{L}\p{M}\p{N}]+(?:'(?=[\p{L}\p{N}])[\p{L}\p{M}\p{N}]+|(?<=\p{N})[.,](?=\p{N})[\p{N}]+[\p{L}\p{M}\p{N}]*)*)`;
const TOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])|${WORD}`, // acronym | word
  'gu',
);
const ACRONYM = /^\p{L}(?:\.\p{L})+\.?$/u;

function splitIdeographs(token: string, out: string[]): void {
  if (!IDEOGRAPHIC.test(token)) {
    out.push(token);
    return;
  }
  let run = '';
  for (const ch of token) {
    if (IDEOGRAPHIC.test(ch)) {
      if (run) out.push(run);
      run = '';
      out.push(ch);
    } else run += ch;
  }
  if (run) out.push(run);
}

/**
 * Splits text into raw tokens (case and punctuation inside tokens preserved; `analyzeTerm` normalises).
 * Punctuation, symbols ($, %, @, /, _ ...), whitespace and hyphens separate tokens, as in Lucene's
 * StandardTokenizer ("state-of-the-art" → state, of, the, art; "COVID-19" → COVID, 19). Adding the joined
 * form as well ("e-mail" → e, mail, email) was measured and dropped: it did not help on the four test
 * collections (MED −0.012 nDCG@10) and lengthens every hyphen-rich passage.
 *
 * Pure-ASCII text (most passages, nearly every question) takes ASCII_TOKEN, which returns exactly what
 * the general path returns (a property test compares them) two to three times faster: tokenising was
 * most of the time of indexing, of highlighting and of near-duplicate detection.
 */
export function tokenize(text: string): string[] {
  if (!NON_ASCII.test(text)) return text.replace(BACKTICK, "'").match(ASCII_TOKEN) ?? [];
  return tokenizeWithRegex(text);
}

/** The general tokenizer (any script), and the reference the ASCII path is tested against. */
export function tokenizeWithRegex(text: string): string[] {
  const normalized = text.normalize('NFKC').replace(INVISIBLE, '').replace(APOSTROPHES, "'");
  const out: string[] = [];
  for (const match of normalized.matchAll(TOKEN)) {
    const token = match[0];
    if (ACRONYM.test(token)) out.push(token);
    else splitIdeographs(token, out);
  }
  return out;
}

/**
 * TOKEN for ASCII text, where NFKC changes nothing, \p{L} is [A-Za-z], \p{N} is [0-9] and \p{M} is
 * empty: the same expression without Unicode property classes, which V8 matches several times faster
 * (and no token of ASCII text is an ideograph to split).
 */
const ASCII_TOKEN =
  /(?<![A-Za-z0-9])[A-Za-z](?:\.[A-Za-z])+\.?(?![A-Za-z0-9])|[A-Za-z0-9]+(?:'(?=[A-Za-z0-9])[A-Za-z0-9]+|(?<=[0-9])[.,](?=[0-9])[0-9]+[A-Za-z0-9]*)*/g;
/** The one ASCII character among APOSTROPHES. */
const BACKTICK = /`/g;

const ASCII_WORD = /^[a-z]+$/;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_ASCII = /[^\u0000-\u007f]/;
const LATIN_ONLY = /^[\p{Script=Latin}\p{M}\p{N}'.,]+$/u;
const MARKS = /\p{M}/gu;

/**
 * Normalises one token to an index term, or null if it should not be indexed/searched:
 * NFKC + lowercase; Latin diacritics folded (naïve → naive); dotted acronyms joined and kept verbatim
 * (U.S. → us, never stopped or stemmed); stop words → null; possessive 's removed; remaining apostrophes
 * dropped (O'Brien → obrien); thousands separators dropped (1,000 → 1000); pure a-z words Porter-stemmed
 * (tokens with digits or other scripts are left as they are).
 */
export function analyzeTerm(term: string): string | null {
  // Tokens repeat a great deal (Zipf), and normalising + stemming dominates analysis time, so results
  // are memoised; the cache is bounded and simply starts over when full.
  const cached = TERM_CACHE.get(term);
  if (cached !== undefined) return cached;
  const result = analyzeTermUncached(term);
  if (TERM_CACHE.size >= TERM_CACHE_LIMIT) TERM_CACHE.clear();
  TERM_CACHE.set(term, result);
  return result;
}

const TERM_CACHE = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

function analyzeTermUncached(term: string): string | null {
  let t = term.normalize('NFKC').replace(INVISIBLE, '').replace(APOSTROPHES, "'").toLowerCase();
  if (NON_ASCII.test(t) && LATIN_ONLY.test(t)) {
    t = t.normalize('NFD').replace(MARKS, '').normalize('NFC');
  }
  if (!HAS_WORD_CHAR.test(t)) return null;
  if (ACRONYM.test(t)) {
    const joined = t.replace(/\./g, '');
    return joined.length <= MAX_TERM_LENGTH ? joined : null;
  }
  if (STOP_WORDS.has(t)) return null;
  if (t.endsWith("'s")) {
    t = t.slice(0, -2);
    if (STOP_WORDS.has(t)) return null;
  }
  t = t.replace(/'/g, '');
  t = t.replace(/(?<=\p{N}),(?=\p{N})/gu, '');
  if (t.length === 0 || t.length > MAX_TERM_LENGTH) return null;
  if (ASCII_WORD.test(t)) t = stemmer(t);
  return t;
}

/** The index terms of a text, each with the offset in the text of the token it came from. */
export type AnalyzedText = { terms: string[]; starts: number[] };

/**
 * `analyze` with offsets, for ASCII text (where tokenising changes no offsets); undefined otherwise.
 * Lets a caller analyse a passage once and then split its terms by sentence, instead of analysing each
 * sentence again: for ASCII text the two give the same terms, as tokens never span whitespace.
 */
export function analyzeWithOffsets(text: string): AnalyzedText | undefined {
  if (NON_ASCII.test(text)) return undefined;
  const terms: string[] = [];
  const starts: number[] = [];
  for (const match of text.replace(BACKTICK, "'").matchAll(ASCII_TOKEN)) {
    const term = analyzeTerm(match[0]);
    if (term === null) continue;
    terms.push(term);
    starts.push(match.index);
  }
  return { terms, starts };
}

/** tokenize + analyzeTerm, dropping nulls: the index terms of a text, in order (duplicates kept). */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = analyzeTerm(token);
    if (term !== null) out.push(term);
  }
  return out;
}
