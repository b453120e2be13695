import { analyzeTerm } from '../engine/engine.js';
import type { ReadAs } from './answer.js';
import type { EverydayWords } from './everyday-words.js';

/**
 * Questions typed in a hurry carry typos ("how do I instal pnpm globaly?", "registery"), and a word no
 * passage uses weighs the most in the no-match test, as a name the documents lack would: one typo
 * made a well-matched question "not covered". So a plain lowercase word of five letters or more that
 * the spelling dictionary does not list (a compound of two of its words does not count: "vacaton"
 * splits into "vac" and "aton") and no searched passage uses is read as the word one edit away (a
 * letter dropped, added or changed, or two swapped) that the dictionary knows, compounds included
 * ("middleware"), and the most passages use. A name the documents lack stays as typed: it is
 * capitalised ("Jira"), or written with digits ("socks5"), or one edit from no word the passages use
 * ("sarif", "kubernetes").
 */
export type Spelling = {
  /** The question with its typos corrected; as given when it has none. */
  text: string;
  /** Each corrected word and what it was read as, in question order. */
  corrections: ReadAs[];
};

/** Words shorter than this have too many neighbours one edit away: "deno" is one from "demo". */
const MIN_TYPO_CHARS = 5;
/** A question with more unknown words than this is not mistyped but about something else. */
const MAX_TYPOS = 3;
/** A plain word: lowercase letters standing alone, not part of an identifier, a path or a version. */
const PLAIN_WORD = /(?<![\p{L}\p{N}_.\-/@#$`'’])\p{Ll}+(?![\p{L}\p{N}_\-/@`]|[.'’]\p{L})/gu;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Corrects the typos of `question` (see Spelling). `passagesUsing` tells, for analysed terms, how many
 * searched passages use each.
 */
export function correctSpelling(question: string, lexicon: EverydayWords, passagesUsing: (terms: readonly string[]) => number[]): Spelling {
  const corrections: Spelling['corrections'] = [];
  const words = [...question.matchAll(PLAIN_WORD)].filter((match) => match[0].length >= MIN_TYPO_CHARS);
  const terms = words.map((match) => analyzeTerm(match[0]));
  const used = passagesUsing(terms.map((term) => term ?? ''));
  const suspects: RegExpExecArray[] = [];
  for (const [i, match] of words.entries()) {
    if (terms[i] === null || used[i]! > 0 || lexicon.isListed(match[0])) continue;
    suspects.push(match);
    if (suspects.length > MAX_TYPOS) return { text: question, corrections };
  }
  let text = '';
  let from = 0;
  for (const match of suspects) {
    const read = nearestUsedWord(match[0], lexicon, passagesUsing);
    if (read === undefined) continue;
    corrections.push({ typed: match[0], read });
    text += question.slice(from, match.index) + read;
    from = match.index + match[0].length;
  }
  return corrections.length === 0 ? { text: question, corrections } : { text: text + question.slice(from), corrections };
}

/** The dictionary word one edit from `word` that the most passages use (the first such, on a tie); none when no passage uses one. */
function nearestUsedWord(word: string, lexicon: EverydayWords, passagesUsing: (terms: readonly string[]) => number[]): string | undefined {
  const candidates = [...oneEditAway(word)];
  const terms = candidates.map((candidate) => analyzeTerm(candidate) ?? '');
  const used = passagesUsing(terms);
  // A word the dictionary writes ("exactly", "environment") before a string that only shares a word's
  // stem ("exactely", "environent"), which is read as that word and said as the dictionary writes it:
  // "compair" is read as "compare" (through "compar").
  const pick = (allowed: (candidate: string) => boolean) => {
    let best: string | undefined;
    let bestUse = 0;
    candidates.forEach((candidate, i) => {
      if (used[i]! > bestUse && lexicon.isEveryday(candidate) && allowed(candidate)) {
        best = candidate;
        bestUse = used[i]!;
      }
    });
    return best;
  };
  const best = pick((candidate) => lexicon.written(candidate) === candidate) ?? pick(() => true);
  return best === undefined ? undefined : (lexicon.written(best) ?? best);
}

/** The strings one deletion, transposition, substitution or insertion of a letter away from `word`. */
function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail.length > 0 && letter !== tail[0]) out.add(head + letter + tail.slice(1));
      out.add(head + letter + tail);
    }
  }
  out.delete(word);
  return out;
}

/** How a reply says what it read: 'read “globaly” as “globally”, “registery” as “registry”'. */
export function readAsText(readAs: readonly ReadAs[]): string {
  return `read ${readAs.map(({ typed, read }) => `“${typed}” as “${read}”`).join(', ')}`;
}
