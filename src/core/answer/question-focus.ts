import { entityTagger } from './answer-entities.js';

/**
 * The thing a what- or which-question asks about: the nouns right after "what's the", "which"
 * ("What's the wifi password at the hotel?" → wifi, password; "which env variables …" → env,
 * variables). Words as typed, lowercased. Empty for other questions.
 */
export function questionFocus(question: string): Set<string> {
  const focus = new Set<string>();
  if (!WHAT.test(question)) return focus;
  const nlp = entityTagger();
  const tokens = nlp.readDoc(question).tokens();
  let at = 0;
  while (at < tokens.length() && !WHAT.test(tokens.itemAt(at).out())) at++;
  for (at++; at < tokens.length(); at++) {
    const token = tokens.itemAt(at);
    const pos = token.out(nlp.its.pos);
    if (pos === 'NOUN' || pos === 'PROPN') focus.add(token.out().toLowerCase());
    else if (focus.size > 0 ? !POSSESSIVE.test(token.out()) : !LEAD.has(pos)) break;
  }
  return focus;
}

const WHAT = /^(?:what|which)$|\b(?:what|which)\b/i;
/** What may stand between "what" and the nouns it asks about: "'s", "the", "oldest". */
const LEAD = new Set(['AUX', 'PART', 'DET', 'ADJ']);
/** "the bot's wifi requirement": a possessive goes on to the noun it qualifies. */
const POSSESSIVE = /^['’]s?$/;
