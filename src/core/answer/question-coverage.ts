import { analyze, analyzeTerm, identifierWords, tokenize } from '../engine/engine.js';
import type { EverydayWords } from './everyday-words.js';

/**
 * How a question's terms weigh in the "is this covered at all" test, and which of them are ordinary
 * English words. A term weighs its BM25 IDF over the searched passages (a term no passage uses weighs
 * the most), except an ordinary word ("wrote", "earn", "dropdown", "quietly"): whether a passage uses
 * it is mostly the asker's phrasing, so it weighs at most like a typical word of the question (the
 * median weight of its terms the corpus uses). A name or identifier ("Jira", "Telegram", `VITE_PORT`)
 * keeps its full weight: the question is about it, and a passage without it does not answer. So does
 * an ordinary word in `lacking`: the thing the question asks for, which no passage names. An ordinary
 * word in `phrasing` (the question's verbs, adverbs and prepositions: "how do I make pnpm go through
 * a SOCKS5 proxy") weighs PHRASING_SHARE of that: it says how the question is asked more than what it
 * is about.
 */
export type QuestionWeights = { weights: Map<string, number>; everyday: ReadonlySet<string> };

/**
 * An ordinary word of the question's phrasing weighs this share of a typical word's weight. Measured on
 * five docs question sets (174 answerable, 40 not), verbs alone: at 0.5, 3 more of the 40 refused
 * ("anyone know how to set up a liveness probe in a kubernetes deployment yaml?" of the pnpm docs),
 * one answerable question refused and another answered instead; at 0.8, 2 more refused but "how do I
 * write unit tests for my routes?" refused too; at 0.3, 1 more refused and 2 answerable lost. With
 * adverbs and prepositions as well, no answerable question is refused ("do I *still* get some kind of
 * retirement match?", "… sub apps *inside* sub apps?" were).
 */
export const PHRASING_SHARE = 0.5;

export function coverageWeights(
  question: string,
  idf: ReadonlyMap<string, number>,
  termMatches: ReadonlyMap<string, number>,
  everyday: Pick<EverydayWords, 'isEveryday'>,
  lacking: Iterable<string> = [],
  phrasing: ReadonlySet<string> = new Set(),
): QuestionWeights {
  const ordinary = everydayTerms(question, everyday);
  for (const term of lacking) ordinary.delete(term);
  const seen = [...idf].filter(([term]) => (termMatches.get(term) ?? 0) > 0).map(([, weight]) => weight);
  if (seen.length === 0) return { weights: new Map(idf), everyday: ordinary };
  seen.sort((a, b) => a - b);
  const typical = seen[Math.floor((seen.length - 1) / 2)]!;
  return {
    weights: new Map([...idf].map(([term, weight]) => [term, ordinary.has(term) ? Math.min(typical, weight) * (phrasing.has(term) ? PHRASING_SHARE : 1) : weight])),
    everyday: ordinary,
  };
}

/**
 * The analysed terms of `question` every occurrence of which is an ordinary lowercase English word,
 * or such a word inside an identifier (ITEMS of VITE_MAX_ITEMS: capitals there are the identifier's
 * style, not a name's).
 */
function everydayTerms(question: string, everyday: Pick<EverydayWords, 'isEveryday'>): Set<string> {
  const yes = new Set<string>();
  const no = new Set<string>();
  const inIdentifiers = identifierWords(question);
  for (const token of tokenize(question)) {
    const term = analyzeTerm(token);
    if (term === null) continue;
    (everyday.isEveryday(inIdentifiers.has(token) ? token.toLowerCase() : token) ? yes : no).add(term);
  }
  for (const term of no) yes.delete(term);
  return yes;
}

/**
 * The words of each name or identifier the question writes as one word ("GitHub" → git, hub;
 * basicAuth → basic, auth) whose whole the documents use (`used`), unless the question also writes
 * them as words of their own. The index holds a name and its words, so that "message content" finds
 * MessageContent; but in the no-match test they are one mention, and counted three times a name the
 * documents use outweighs what they lack: "can pnpm audit output SARIF to upload to GitHub code
 * scanning?" was covered by a page naming GitHub and audit, not SARIF.
 */
export function partsOfUsedWholes(question: string, used: (term: string) => boolean): Set<string> {
  const own = new Set<string>();
  const parts = new Set<string>();
  for (const word of spacedWords(question)) {
    const tokens = tokenize(word);
    const terms = tokens.map((token) => analyzeTerm(token)).filter((term) => term !== null);
    // The tokenizer gives a name or identifier whole, then its words; "e-mail" it only splits.
    const whole = tokens.length > 1 && tokens[0] === word ? analyzeTerm(word) : null;
    if (whole === null) for (const term of terms) own.add(term);
    else if (used(whole)) for (const term of terms) if (term !== whole) parts.add(term);
  }
  for (const term of own) parts.delete(term);
  return parts;
}

/** The question's words as written between spaces, without the punctuation around them ("(GitHub," → GitHub). */
export function spacedWords(question: string): string[] {
  return question
    .split(/\s+/u)
    .map((typed) => typed.replace(EDGE_PUNCTUATION, ''))
    .filter((word) => word !== '');
}

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

// A URL or a bare domain path: its words name a place, not the topic.
const URL = /\b(?:https?:\/\/|www\.)\S+/g;
const HAS_URL = new RegExp(URL.source);

/**
 * For the question's terms no passage uses, the related words that stand for them in a passage
 * ("movie" for "film": related-words), each with the terms it stands for.
 */
export type StandIns = ReadonlyMap<string, readonly string[]>;

export function standInsFor(unused: readonly string[], related: (term: string) => ReadonlyMap<string, number> | undefined): Map<string, string[]> {
  const standIns = new Map<string, string[]>();
  for (const term of unused) {
    for (const word of related(term)?.keys() ?? []) standIns.set(word, [...(standIns.get(word) ?? []), term]);
  }
  return standIns;
}

/**
 * The question terms a passage states: in its text (prose and code) or in the headings it sits under,
 * never in a URL (a link's path names a place, not the passage's topic); a term is also stated by a
 * word that stands in for it (`standIns`). Code counts: "echo step setup" asks about a code sample.
 * (Discounting ordinary words found only in code changed nothing on the docs questions and refused
 * such questions, so it is not done.)
 */
export function statedTerms(text: string, section: string | undefined, question: QuestionWeights, standIns: StandIns = new Map(), textTerms?: readonly string[]): Set<string> {
  const stated = new Set<string>();
  const take = (term: string) => {
    if (question.weights.has(term)) stated.add(term);
    for (const standsFor of standIns.get(term) ?? []) stated.add(standsFor);
  };
  const add = (from: string) => {
    for (const token of tokenize(from.replace(URL, ' '))) {
      const term = analyzeTerm(token);
      if (term !== null) take(term);
    }
  };
  if (section !== undefined) add(section);
  // The caller's analysis of the text (`textTerms`: analyze(text)) is the same when the text has no URL to leave out.
  if (textTerms !== undefined && !HAS_URL.test(text)) for (const term of textTerms) take(term);
  else add(text);
  return stated;
}

/** The share of the question's weight that `stated` (a passage's prose terms) holds. */
export function coverageOf(stated: ReadonlySet<string>, weights: ReadonlyMap<string, number>): number {
  let total = 0;
  let matched = 0;
  for (const [term, weight] of weights) {
    total += weight;
    if (stated.has(term)) matched += weight;
  }
  return total === 0 ? 0 : matched / total;
}

/**
 * A message the asker quotes (`'error: externally-managed-environment'`, "Server responded with status
 * code 431"): text in backticks, quotes or curly quotes that opens after a space, a bracket or a colon
 * (so the apostrophes of "We're … I'll" are no quotes), of at least MIN_MESSAGE_TERMS analysed terms.
 * A path or URL ("file:///C:/proj/…", "./locales/${lang}.js") is the asker's own, never the documents'.
 */
export const QUOTED = /(?<=^|[\s(:])(?:`([^`]+)`|'([^']+)'(?=$|[\s.,;:!?)])|"([^"]+)"|“([^”]+)”|‘([^’]+)’)/gu;
/** A message of fewer analysed terms says too little to be recognised ("Error: failed"). */
export const MIN_MESSAGE_TERMS = 3;
const PATH = /[/\\]|\$\{/u;

/** The analysed terms of each message the question quotes (QUOTED), paths and short quotes left out. */
export function quotedMessages(question: string): string[][] {
  return [...question.matchAll(QUOTED)]
    .map((match) => match.slice(1).find((group) => group !== undefined)!)
    .filter((message) => !PATH.test(message))
    .map((message) => analyze(message))
    .filter((terms) => terms.length >= MIN_MESSAGE_TERMS);
}

/**
 * A name written with its version glued on: "HTTP/3", "UTF-8", "SHA-256", "x86-64". The version is
 * part of the name (HTTP/2 is not HTTP/3), so the documents state it only where they write the two
 * together: asked "how do I enable HTTP/3?", docs that speak of HTTP and of port 3000 do not cover it.
 * A path ("src/2") has a second separator or letters after the number, and is not one.
 */
const VERSIONED = /(?<![\p{L}\p{N}./\\-])\p{L}+[/-]\d+(?:\.\d+)*(?![\p{L}\p{N}/\\-]|\.\p{L})/gu;

/** The analysed terms of each versioned name the question writes (VERSIONED): messages of their own. */
export function versionedNames(question: string): string[][] {
  return [...question.matchAll(VERSIONED)].map((match) => analyze(match[0])).filter((terms) => terms.length >= 2);
}

/**
 * The question terms that come only from quoted messages (quotedMessages) or versioned names
 * (versionedNames) no given passage holds: not two of a message's words stand together in any of
 * them, so the message is not in the documents, only some of its words are ("error", "managed",
 * "environment" scattered over pages about something else). Such terms do not count as stated
 * (coverage): a pasted message the documents lack is not covered by its words elsewhere. Every quoted
 * message of the docs questions is found this way, by 1 to 9 word pairs; `passages` should hold the
 * best passages for the message's own words as well as the question's, so that a message the
 * documents do hold is found.
 */
export function absentMessageTerms(question: string, messages: readonly string[][], passages: readonly string[]): Set<string> {
  if (messages.length === 0) return new Set();
  const pairs = new Set<string>();
  for (const text of passages) {
    const terms = analyze(text);
    for (let i = 0; i + 1 < terms.length; i++) pairs.add(`${terms[i]} ${terms[i + 1]}`);
  }
  const absent = new Set<string>();
  for (const message of messages) {
    let found = false;
    for (let i = 0; i + 1 < message.length && !found; i++) found = pairs.has(`${message[i]} ${message[i + 1]}`);
    if (!found) for (const term of message) absent.add(term);
  }
  // A term the question also uses outside its quotes and names is the asker's own word, and counts as usual.
  const outside = new Set(analyze(question.replace(QUOTED, ' ').replace(VERSIONED, ' ')));
  for (const term of outside) absent.delete(term);
  return absent;
}
