import { entityTagger } from './answer-entities.js';

/**
 * The words naming what a question is about, as typed and lowercased:
 * - the nouns a what- or which-question asks for ("What's the wifi password at the hotel?" → wifi,
 *   password; "which env variables …" → env, variables);
 * - the nouns of a compound, two or more nouns in a row ("paid jury duty leave" → jury, duty,
 *   leave; "visa sponsorship"): the first ones say which kind of the last is meant, and a document
 *   that speaks of leave but never of jury duty does not cover jury duty leave.
 * Nouns as wink-nlp tags them.
 */
export function questionFocus(question: string): Set<string> {
  const focus = new Set<string>();
  const nlp = entityTagger();
  const tokens = nlp.readDoc(question).tokens();
  const word = (i: number) => tokens.itemAt(i).out();
  const pos = (i: number) => tokens.itemAt(i).out(nlp.its.pos);
  const count = tokens.length();

  let at = 0;
  while (at < count && !WHAT.test(word(at))) at++;
  let asked = false;
  for (at++; at < count; at++) {
    if (pos(at) === 'NOUN' || pos(at) === 'PROPN') {
      asked = true;
      focus.add(word(at).toLowerCase());
    } else if (asked ? !POSSESSIVE.test(word(at)) : !LEAD.has(pos(at))) break;
  }

  for (let start = 0; start < count; ) {
    let end = start;
    while (end < count && pos(end) === 'NOUN') end++;
    if (end - start >= 2) for (let i = start; i < end; i++) focus.add(word(i).toLowerCase());
    start = Math.max(end, start + 1);
  }
  return focus;
}

const WHAT = /^(?:what|which)$/i;
/** What may stand between "what" and the nouns it asks about: "'s", "the", "oldest". */
const LEAD = new Set(['AUX', 'PART', 'DET', 'ADJ']);
/** "the bot's wifi requirement": a possessive goes on to the noun it qualifies. */
const POSSESSIVE = /^['’]s?$/;
