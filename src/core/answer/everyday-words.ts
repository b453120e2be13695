import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeTerm } from '../engine/engine.js';
import { FootnoteError } from '../errors.js';

/**
 * The ordinary English vocabulary, to tell a word the corpus happens not to use ("wrote", "earn",
 * "dropdown") from a name it lacks ("Jira", "Telegram"). Both sets hold analysed terms (Porter stems),
 * the form questions are matched in.
 */
export type EverydayWords = {
  /** Whether a question's token (as typed) is an ordinary English word or a compound of two. */
  isEveryday(token: string): boolean;
};

/** Compound parts shorter than this ("ji" + "ra") are too easily found to mean anything. */
const MIN_PART_CHARS = 3;
/** A Hunspell entry: the word, then optional "/" and affix flags; nothing else on the line. */
const ENTRY = /^([^\s/]+)(?:\/\S*)?$/;
/** Hunspell files state their entry count approximately; fewer than this share of it means a cut file. */
const MIN_STATED_SHARE = 0.9;

/**
 * Reads a Hunspell dictionary (`.dic`: a count line, then one `word/FLAGS` per line). Only lowercase
 * entries count as everyday words: Hunspell spells names and acronyms capitalised ("Tokyo", "NASA").
 * Throws `resource_invalid` naming the file when it is missing or is not such a list, so that a broken
 * install fails at start-up instead of quietly answering worse.
 */
export function loadEverydayWords(path: string): EverydayWords {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new FootnoteError('resource_invalid', `The English word list ${path} could not be read; reinstall footnote's dependencies (npm ci).`, { cause });
  }
  const lines = text.split('\n');
  const stated = Number(lines[0]?.trim());
  const invalid = (why: string) =>
    new FootnoteError('resource_invalid', `The English word list ${path} is not a Hunspell dictionary (${why}); reinstall footnote's dependencies (npm ci).`);
  if (!Number.isInteger(stated) || stated <= 0) throw invalid('its first line is not the entry count');
  const words = new Set<string>();
  const stems = new Set<string>();
  let entries = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const word = ENTRY.exec(line)?.[1];
    if (word === undefined || word.includes('\uFFFD')) throw invalid(`line ${i + 1} is not a word entry`);
    entries++;
    if (word !== word.toLowerCase()) continue;
    words.add(word);
    const stem = analyzeTerm(word);
    if (stem !== null) stems.add(stem);
  }
  if (entries < stated * MIN_STATED_SHARE) throw invalid(`${entries} entries where its first line states ${stated}`);
  const known = (word: string) => words.has(word) || stems.has(analyzeTerm(word) ?? word);
  return {
    isEveryday(token) {
      if (token !== token.toLowerCase() || /\d/.test(token)) return false;
      if (known(token)) return true;
      for (let cut = MIN_PART_CHARS; cut <= token.length - MIN_PART_CHARS; cut++) {
        if (words.has(token.slice(0, cut)) && known(token.slice(cut))) return true;
      }
      return false;
    },
  };
}

let shipped: EverydayWords | undefined;

/** The word list footnote ships with (SCOWL's en_US Hunspell dictionary, package dictionary-en), loaded once. */
export function everydayWords(): EverydayWords {
  shipped ??= loadEverydayWords(fileURLToPath(new URL('index.dic', import.meta.resolve('dictionary-en'))));
  return shipped;
}
