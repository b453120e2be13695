import { QUOTED } from './question-coverage.js';
import { holdsRun, placesOf, type WordPlaces } from './word-runs.js';

/** How many words (as typed) in a row a sentence must share with a question to be a message pasted into it: more than a restated phrase ("the US-Russia agreement"), less than most messages. */
const PASTED_RUN = 6;

/**
 * Whether `text` repeats a run of PASTED_RUN words of `pasted` (pastedWords of a question), anywhere:
 * the asker's copy of a message can differ in its first words (their own path in "Access to script
 * at 'file:///C:/proj/…' from origin 'null' has been blocked").
 */
export function repeatsPasted(text: string, pasted: readonly string[]): boolean {
  // Most questions paste nothing so long: then no text need be read (a highlight asks for every sentence).
  const places = placesOfRuns(pasted);
  // An empty string ends each part of `pasted`, and a typed word is never empty: no run crosses two parts.
  return places !== undefined && holdsRun(typedWords(text), pasted, places, PASTED_RUN);
}

/** The places of `pasted`'s words (word-runs), or undefined when no part has PASTED_RUN words; worked out once per question's words. */
function placesOfRuns(pasted: readonly string[]): WordPlaces | undefined {
  if (!PLACES.has(pasted)) {
    let longest = 0;
    let run = 0;
    for (const word of pasted) {
      run = word === '' ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    PLACES.set(pasted, longest >= PASTED_RUN ? placesOf(pasted) : undefined);
  }
  return PLACES.get(pasted);
}

const PLACES = new WeakMap<readonly string[], WordPlaces | undefined>();

/**
 * The words of a text as typed, lowercased. An identifier is one word: counted with its parts
 * (server.allowedHosts, server, allowed, hosts), "Setting server.allowedHosts to true allows …" shared
 * six words in a row with "is it safe to set server.allowedHosts to true?" and read as a pasted message.
 */
export function typedWords(text: string): string[] {
  return text.toLowerCase().match(TYPED_WORD) ?? [];
}

const TYPED_WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}_'’.$-]*[\p{L}\p{N}])?/gu;

/**
 * The words of a question (typedWords) where a message may be pasted: its sentences that ask nothing
 * ("Module "fs" has been externalized for browser compatibility."), and of those that ask, the
 * quoted parts and what follows a colon ("… and the console says: Access to script at …"), or the
 * whole when it reads like a message (a digit, a dotted or snake_case name, a capital inside:
 * "how do I fix Server responded with status code 431?"). An empty string ends each part, so that no
 * run of words crosses two. Not the asker's own question: "can pnpm audit --fix bump the versions in
 * the lockfile instead of adding a pile of overrides?" shares six words with the sentence that
 * answers it ("… in the lockfile instead of adding overrides"), which is no pasted message.
 */
export function pastedWords(question: string): string[] {
  const words: string[] = [];
  for (const sentence of question.split(SENTENCE_BREAK)) {
    const asks = sentence.trimEnd().endsWith('?') && !MESSAGE_LIKE.test(sentence);
    const colon = sentence.indexOf(': ');
    const parts = !asks ? [sentence] : [...[...sentence.matchAll(QUOTED)].map((match) => match[0]), ...(colon < 0 ? [] : [sentence.slice(colon + 2)])];
    for (const part of parts) {
      for (const word of typedWords(part)) words.push(word);
      words.push('');
    }
  }
  return words;
}

/** Questions are typed in lowercase as often as not ("… not supported. what now?"): splitSentences, made for prose, never breaks before a lowercase word. */
const SENTENCE_BREAK = /(?<=[.?!])\s+/u;
/** What a message has and an asker's own words seldom do: a digit, a dotted or snake_case name, a capital inside (not "I"). */
const MESSAGE_LIKE = /\d|\w[._]\w|\s(?!I\b)\p{Lu}/u;
