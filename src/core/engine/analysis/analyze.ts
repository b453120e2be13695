/**
 * Production text analysis for retrieval: one tokenizer and one term normaliser, used for BOTH indexing
 * and querying (plug `tokenize` into MiniSearch's `tokenize` and `analyzeTerm` into its `processTerm`).
 *
 * Pipeline: `tokenize` (Unicode-aware split, keeps words/numbers/acronyms/contractions whole, splits on
 * hyphens and other punctuation, adds the words of identifiers after them) → `analyzeTerm` (NFKC, lowercase, Latin diacritic folding, stop word
 * removal, possessive stripping, Porter stemming of ASCII words).
 *
 * Measured with MiniSearch over ≤1,000-character passages on the CISI/MED/CACM/NPL test collections,
 * replacing MiniSearch's default analysis (split on punctuation, lowercase) with this one is worth
 * +0.049/+0.020/+0.095/+0.060 nDCG@10; of that, stemming is worth +0.02 to +0.08 and stop words
 * +0.01 to +0.03.
 */
import { stemmer } from 'stemmer';
import { CLIPPED_STEMS } from './clipped-words.js';
import { irregularVerbs } from './irregular-verbs.js';

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
  // the same typed without the apostrophe, as chat is ("whats the default", "it doesnt work"); not
  // those that are words of their own (its, id, ill, well, were, lets, shed, hell)
  'im', 'youre', 'theyre', 'ive', 'youve', 'weve', 'theyve', 'youd', 'theyd', 'youll', 'theyll', 'isnt',
  'arent', 'wasnt', 'werent', 'hasnt', 'havent', 'hadnt', 'doesnt', 'dont', 'didnt', 'wont', 'wouldnt',
  'shant', 'shouldnt', 'cant', 'couldnt', 'mustnt', 'thats', 'whos', 'whats', 'heres', 'theres', 'whens',
  'wheres', 'whys', 'hows',
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
/**
 * Words joined into an identifier: by "_" (snake_case, VITE_MAX_ITEMS), or by "." when a word with a
 * letter is followed by a lowercase letter (import.meta.env, vite.config.ts, server.port); a full stop
 * before a capital ("end.The") or after a number ("3.x") is not a join.
 */
const JOIN = String.raw`(?:_(?=[\p{L}\p{N}])|(?<=\p{L}[\p{L}\p{M}\p{N}]*)\.(?=\p{Ll}))`;
const TOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])|${WORD}(?:${JOIN}${WORD})*`, // acronym | word or identifier
  'gu',
);
const WORD_ONLY = new RegExp(WORD, 'gu');
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
  if (NON_ASCII.test(text)) return tokenizeWithRegex(text);
  const out: string[] = [];
  for (const match of text.replace(BACKTICK, "'").matchAll(ASCII_TOKEN)) {
    const token = match[0];
    if (PLAIN_ASCII.test(token) || ACRONYM.test(token)) out.push(token);
    else identifierParts(token, 0, ASCII_WORD_ONLY, (part) => out.push(part));
  }
  return out;
}

/** The general tokenizer (any script), and the reference the ASCII path is tested against. */
export function tokenizeWithRegex(text: string): string[] {
  const normalized = text.normalize('NFKC').replace(INVISIBLE, '').replace(APOSTROPHES, "'");
  const out: string[] = [];
  for (const match of normalized.matchAll(TOKEN)) {
    const token = match[0];
    if (ACRONYM.test(token)) out.push(token);
    else if (IDEOGRAPHIC.test(token)) splitIdeographs(token, out);
    else identifierParts(token, 0, WORD_ONLY, (part) => out.push(part));
  }
  return out;
}

// A lowercase letter then a capital (messageContent), or a capital run then a capitalised word
// (HTTPServer): where camelCase and PascalCase identifiers join their words. A digit then a capital
// is not one: codes such as 09MOSCOW521 stay whole.
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
const HAS_CAMEL = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u;
const JOINED = /[._]/;
const CAPITALISED = /^\p{Lu}/u;
const LETTER_THEN_NAME = /^\p{Ll}\p{Lu}/u;

/**
 * A token, then the words an identifier is made of, each with its offset in the token: people ask
 * "message content" of `GatewayIntentBits.MessageContent` and "max items" of VITE_MAX_ITEMS, and
 * also paste the identifier whole, which then matches it exactly (the whole is the rarer term).
 * `words` is WORD (global) for the token's alphabet.
 */
function identifierParts(token: string, at: number, words: RegExp, emit: (part: string, at: number) => void): void {
  emit(token, at);
  const parts = JOINED.test(token) ? [...token.matchAll(words)].map((m) => [m[0], m.index] as const) : [[token, 0] as const];
  for (const [part, offset] of parts) {
    if (parts.length > 1) emit(part, at + offset);
    if (!HAS_CAMEL.test(part)) continue;
    let inner = 0;
    for (const piece of part.split(CAMEL_BOUNDARY)) {
      emit(piece, at + offset + inner);
      inner += piece.length;
    }
  }
}

/**
 * TOKEN for ASCII text, where NFKC changes nothing, \p{L} is [A-Za-z], \p{N} is [0-9] and \p{M} is
 * empty: the same expression without Unicode property classes, which V8 matches several times faster
 * (and no token of ASCII text is an ideograph to split).
 */
const ASCII_WORD_SOURCE = String.raw`[A-Za-z0-9]+(?:'(?=[A-Za-z0-9])[A-Za-z0-9]+|(?<=[0-9])[.,](?=[0-9])[0-9]+[A-Za-z0-9]*)*`;
const ASCII_JOIN = String.raw`(?:_(?=[A-Za-z0-9])|(?<=[A-Za-z][A-Za-z0-9]*)\.(?=[a-z]))`;
const ASCII_TOKEN = new RegExp(
  String.raw`(?<![A-Za-z0-9])[A-Za-z](?:\.[A-Za-z])+\.?(?![A-Za-z0-9])|${ASCII_WORD_SOURCE}(?:${ASCII_JOIN}${ASCII_WORD_SOURCE})*`,
  'g',
);
const ASCII_WORD_ONLY = new RegExp(ASCII_WORD_SOURCE, 'g');
/** A token that is neither an identifier nor camelCase (most tokens): emitted as it is. */
const PLAIN_ASCII = /^(?:[a-z0-9',]+|[A-Z][a-z0-9',]*|[A-Z0-9',]+)$/;
/** The one ASCII character among APOSTROPHES. */
const BACKTICK = /`/g;

const ASCII_WORD = /^[a-z]+$/;
const PLURAL_AFTER_DIGIT = /^[a-z]*[0-9]+s$/;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_ASCII = /[^\u0000-\u007f]/;
const LATIN_ONLY = /^[\p{Script=Latin}\p{M}\p{N}'.,]+$/u;
const MARKS = /\p{M}/gu;

/**
 * Normalises one token to an index term, or null if it should not be indexed/searched:
 * NFKC + lowercase; Latin diacritics folded (naïve → naive); dotted acronyms joined and kept verbatim
 * (U.S. → us, never stopped or stemmed); stop words → null; possessive 's removed; remaining apostrophes
 * dropped (O'Brien → obrien); thousands separators dropped (1,000 → 1000); pure a-z words Porter-stemmed
 * (tokens with digits or other scripts are left as they are, but for a plural "s" after a digit).
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
  // An irregular verb's past forms are stemmed as its base (said → say → sai): see irregular-verbs.
  // A clipped word is the word it clips: "repo" a repository (see clipped-words).
  if (ASCII_WORD.test(t)) {
    t = stemmer(irregularVerbs().get(t) ?? t);
    t = CLIPPED_STEMS.get(t) ?? t;
  }
  // The stemmer leaves tokens with digits alone, but a plural after a digit is still a plural: MP3s → mp3, 1990s → 1990.
  else if (PLURAL_AFTER_DIGIT.test(t)) t = t.slice(0, -1);
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
  const add = (token: string, at: number) => {
    const term = analyzeTerm(token);
    if (term === null) return;
    terms.push(term);
    starts.push(at);
  };
  for (const match of text.replace(BACKTICK, "'").matchAll(ASCII_TOKEN)) {
    if (PLAIN_ASCII.test(match[0]) || ACRONYM.test(match[0])) add(match[0], match.index);
    else identifierParts(match[0], match.index, ASCII_WORD_ONLY, add);
  }
  return { terms, starts };
}

/**
 * The terms of the identifiers in `text` that `tokenize` also splits into words (server.strictPort,
 * VITE_MAX_ITEMS, strictPort; not a capitalised name like GraphQL): a question may paste one the documents write otherwise, and then
 * its words, not the whole, say whether the documents cover it.
 */
export function identifierWholes(text: string): Set<string> {
  return identifiers(text).wholes;
}

/**
 * The words identifiers in `text` are made of, as typed (MAX and ITEMS of VITE_MAX_ITEMS, Port of
 * strictPort): words whose capitals are the identifier's style, not a name's.
 */
export function identifierWords(text: string): Set<string> {
  return identifiers(text).words;
}

function identifiers(text: string): { wholes: Set<string>; words: Set<string> } {
  const wholes = new Set<string>();
  const words = new Set<string>();
  const normalized = text.normalize('NFKC').replace(INVISIBLE, '').replace(APOSTROPHES, "'");
  for (const [token] of normalized.matchAll(TOKEN)) {
    // A capitalised word with capitals inside (GraphQL, TypeScript, MessageContent) is a name before
    // it is code: when the documents lack it, the question is about something they lack. So is one
    // opening with a lone lowercase letter (jQuery, iPhone, gRPC): "is it okay to use jQuery?" is not
    // covered by pages on queries.
    if (ACRONYM.test(token) || IDEOGRAPHIC.test(token) || (!JOINED.test(token) && (CAPITALISED.test(token) || LETTER_THEN_NAME.test(token)))) continue;
    const pieces: string[] = [];
    identifierParts(token, 0, WORD_ONLY, (piece) => pieces.push(piece));
    if (pieces.length < 2) continue;
    const term = analyzeTerm(token);
    if (term !== null) wholes.add(term);
    for (const piece of pieces.slice(1)) words.add(piece);
  }
  return { wholes, words };
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
