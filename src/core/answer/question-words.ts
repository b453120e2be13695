import { entityTagger } from './answer-entities.js';
import { spacedWords } from './question-coverage.js';

/** What a question's words do, as wink-nlp tags them (see questionWords). Words as typed, lowercased. */
export type QuestionWords = {
  /** The words naming what the question is about. */
  focus: Set<string>;
  /**
   * Its verbs, adverbs and prepositions, written as plain words: mostly how it is asked ("how do I
   * *make* pnpm *go through* …", "do I *still* get …", "sub apps *inside* sub apps").
   */
  phrasing: Set<string>;
};

/**
 * The question's words by role, from one tagging (about 0.3 ms):
 * - focus: the nouns a what-, which- or how-many-question asks for ("What's the wifi password at the
 *   hotel?" → wifi, password; "which env variables …" → env, variables; "how many weeks of sabbatical"
 *   → weeks, sabbatical), and the nouns of a compound, two or more nouns in a row ("paid jury duty
 *   leave" → jury, duty, leave; "visa sponsorship"): the first ones say which kind of the last is
 *   meant, and a document that speaks of leave but never of jury duty does not cover jury duty leave;
 * - phrasing: the verbs, auxiliaries, adverbs and prepositions written as plain words, so not "react"
 *   of `@types/react`, which the tagger reads as a verb. What is left (nouns, adjectives, names,
 *   numbers) says what the question is about.
 */
export function questionWords(question: string): QuestionWords {
  const focus = new Set<string>();
  const phrasing = new Set<string>();
  const nlp = entityTagger();
  const tokens = nlp.readDoc(question).tokens();
  const word = (i: number) => tokens.itemAt(i).out();
  const pos = (i: number) => tokens.itemAt(i).out(nlp.its.pos);
  const count = tokens.length();

  let at = 0;
  while (at < count && !ASKS_FOR.test(word(at))) at++;
  let asked = false;
  for (at++; at < count; at++) {
    if (pos(at) === 'NOUN' || pos(at) === 'PROPN') {
      asked = true;
      focus.add(word(at).toLowerCase());
    } else if (asked && word(at).toLowerCase() === 'of') {
      // "how many weeks of sabbatical": the noun after "of" says which weeks are asked for.
      asked = false;
    } else if (asked ? !POSSESSIVE.test(word(at)) : !LEAD.has(pos(at))) break;
  }

  for (let start = 0; start < count; ) {
    let end = start;
    while (end < count && pos(end) === 'NOUN') end++;
    if (end - start >= 2) for (let i = start; i < end; i++) focus.add(word(i).toLowerCase());
    start = Math.max(end, start + 1);
  }

  const plain = new Set(spacedWords(question).filter((typed) => PLAIN_WORD.test(typed)));
  for (let i = 0; i < count; i++) {
    if (PHRASING.has(pos(i)) && plain.has(word(i))) phrasing.add(word(i).toLowerCase());
  }
  for (const vague of VAGUE_NOUNS) focus.delete(vague);
  return { focus, phrasing };
}

/** Nouns that name nothing in particular ("my work stuff", "that thing"): never what a question is about. */
const VAGUE_NOUNS = ['stuff', 'thing', 'things', 'something', 'anything', 'everything', 'way', 'ways', 'kind', 'sort', 'lot', 'bit'];

/** The words after which a question names what it asks for: "what", "which", "how many", "how much". */
const ASKS_FOR = /^(?:what|which|many|much)$/i;
/** What may stand between "what" and the nouns it asks about: "'s", "the", "oldest". */
const LEAD = new Set(['AUX', 'PART', 'DET', 'ADJ']);
/** "the bot's wifi requirement": a possessive goes on to the noun it qualifies. */
const POSSESSIVE = /^['’]s?$/;
/** The parts of speech that say how a question is asked rather than what about (wink-nlp's tags). */
const PHRASING = new Set(['VERB', 'AUX', 'ADV', 'ADP']);
/** A word as typed, between spaces, that is letters only (an apostrophe inside: "can't"). */
const PLAIN_WORD = /^\p{L}+(?:['’]\p{L}+)?$/u;
