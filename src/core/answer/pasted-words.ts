import { QUOTED } from './question-coverage.js';

/** How many words (as typed) in a row a sentence must share with a question to be a message pasted into it: more than a restated phrase ("the US-Russia agreement"), less than most messages. */
const PASTED_RUN = 6;

/**
 * Whether `text` repeats a run of PASTED_RUN words of `pasted` (pastedWords of a question), anywhere:
 * the asker's copy of a message can differ in its first words (their own path in "Access to script
 * at 'file:///C:/proj/…' from origin 'null' has been blocked").
 */
export function repeatsPasted(text: string, pasted: readonly string[]): boolean {
  // Most questions paste nothing so long: then no text need be read (a highlight asks for every sentence).
  const runs = runsOf(pasted);
  if (runs.size === 0) return false;
  const words = typedWords(text);
  for (let from = 0; from + PASTED_RUN <= words.length; from++) {
    for (const start of runs.get(words[from]!) ?? []) {
      let k = 1;
      while (k < PASTED_RUN && words[from + k] === pasted[start + k]) k++;
      if (k === PASTED_RUN) return true;
    }
  }
  return false;
}

/**
 * Where the runs of PASTED_RUN words in `pasted` start (within one part: parts end with an empty
 * string), by their first word; worked out once per question's words.
 */
function runsOf(pasted: readonly string[]): ReadonlyMap<string, readonly number[]> {
  let runs = RUNS.get(pasted);
  if (runs === undefined) {
    runs = new Map();
    for (let i = 0; i + PASTED_RUN <= pasted.length; i++) {
      if (pasted.slice(i, i + PASTED_RUN).includes('')) continue;
      runs.set(pasted[i]!, [...(runs.get(pasted[i]!) ?? []), i]);
    }
    RUNS.set(pasted, runs);
  }
  return runs;
}

const RUNS = new WeakMap<readonly string[], Map<string, number[]>>();

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
