import { charClass, trimWhere } from './trim-where.js';

/**
 * English function words. Their density is the best single signal separating prose from page chrome
 * (jusText, Pomikálek 2011): sentences are ~40% stopwords, menus and widgets almost none.
 */
const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each either even ever every few ' +
    'for from further had has have having he her here hers herself him himself his how however i if in ' +
    'into is it its itself just last least less many may me might more most much must my myself neither ' +
    'no nor not now of off on once one only or other our ours ourselves out over own per same shall she ' +
    'should since so some still such than that the their theirs them themselves then there these they ' +
    'this those though through thus to too under until up upon us very was we were what when where ' +
    'whether which while who whom whose why will with within without would yet you your yours yourself'
  ).split(' '),
);

/** Stripped from both ends of a word (by a loop: the regular expression was quadratic on "a!!!…!b"). */
const EDGE_PUNCTUATION = charClass(/[^\p{L}\p{N}]/u);
const LETTER = /\p{L}/u;

/**
 * Words of a text: runs containing a letter, lowercased, stripped of edge punctuation. Most tokens are
 * plain ASCII letters and digits, which need none of the Unicode regular expressions: they take a
 * short path (the boilerplate detector reads every word of a document, ~150k per MB).
 */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s+/u)) {
    const plain = asciiAlphanumeric(token);
    if (plain === 'letters') words.push(token.toLowerCase());
    else if (plain === 'unusual') {
      const word = trimWhere(token, EDGE_PUNCTUATION).toLowerCase();
      if (LETTER.test(word)) words.push(word.replace(/’/gu, "'"));
    }
  }
  return words;
}

/** 'letters': ASCII letters and digits with a letter among them; 'none': empty or digits only; 'unusual': anything else. */
function asciiAlphanumeric(token: string): 'letters' | 'none' | 'unusual' {
  let letter = false;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    const folded = code | 0x20; // A-Z onto a-z
    if (folded >= 0x61 && folded <= 0x7a) letter = true;
    else if (code < 0x30 || code > 0x39) return 'unusual';
  }
  return letter ? 'letters' : 'none';
}

/** Share of words that are English stopwords (0 for a text without words). */
export function stopwordDensity(words: readonly string[]): number {
  if (words.length === 0) return 0;
  let count = 0;
  for (const word of words) if (ENGLISH_STOPWORDS.has(word)) count++;
  return count / words.length;
}
