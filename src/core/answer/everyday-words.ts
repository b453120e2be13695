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
  /** Whether a lowercase token is a word of the dictionary itself, an entry or one of its derived forms: not a compound of two ("vac" + "aton"). */
  isListed(token: string): boolean;
  /**
   * How the dictionary writes a listed token: itself when it is an entry or one of its derived forms,
   * else the shortest entry it shares a stem with ("compar", one letter from "compair", is written
   * "compare"); undefined when it is not listed.
   */
  written(token: string): string | undefined;
};

/** Compound parts shorter than this ("ji" + "ra") are too easily found to mean anything. */
const MIN_PART_CHARS = 3;
/** A Hunspell entry: the word, then optional "/" and affix flags; nothing else on the line. */
const ENTRY = /^([^\s/]+)(?:\/(\S*))?$/;
/** Hunspell files state their entry count approximately; fewer than this share of it means a cut file. */
const MIN_STATED_SHARE = 0.9;

/**
 * Reads a Hunspell dictionary (`.dic`: a count line, then one `word/FLAGS` per line) and, with
 * `affixPath`, its affix rules (`.aff`), so that an entry's derived forms count too ("quietly",
 * "redeployed"). Only lowercase entries count as everyday words: Hunspell spells names and acronyms
 * capitalised ("Tokyo", "NASA").
 * Throws `resource_invalid` naming the file when it is missing or is not such a list, so that a broken
 * install fails at start-up instead of quietly answering worse.
 */
export function loadEverydayWords(path: string, affixPath?: string): EverydayWords {
  const text = readResource(path);
  const affixes = affixPath === undefined ? [] : readAffixes(affixPath);
  const lines = text.split('\n');
  const stated = Number(lines[0]?.trim());
  const invalid = (why: string) =>
    new FootnoteError('resource_invalid', `The English word list ${path} is not a Hunspell dictionary (${why}); reinstall footnote's dependencies (npm ci).`);
  if (!Number.isInteger(stated) || stated <= 0) throw invalid('its first line is not the entry count');
  const words = new Map<string, string>(); // entry → its affix flags
  const stems = new Map<string, string>(); // stem → the shortest entry with it
  let entries = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const entry = ENTRY.exec(line);
    const word = entry?.[1];
    if (word === undefined || word.includes('\uFFFD')) throw invalid(`line ${i + 1} is not a word entry`);
    entries++;
    if (word !== word.toLowerCase()) continue;
    words.set(word, entry![2] ?? '');
    const stem = analyzeTerm(word);
    if (stem !== null && (stems.get(stem) ?? word).length >= word.length) stems.set(stem, word);
  }
  if (entries < stated * MIN_STATED_SHARE) throw invalid(`${entries} entries where its first line states ${stated}`);
  const known = (word: string) => words.has(word) || stems.has(analyzeTerm(word) ?? word) || derivable(word, words, affixes);
  return {
    isListed: known,
    written(token) {
      if (words.has(token) || derivable(token, words, affixes)) return token;
      return stems.get(analyzeTerm(token) ?? token);
    },
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

/**
 * A Hunspell affix rule (`SFX Y 0 ly .`): an entry carrying `flag` whose end (a suffix) or start (a
 * prefix) matches `condition` takes `strip` off and `add` on. "quietly" is no entry of its own: it is
 * "quiet/…Y…" with the rule above, and Porter's stemmer does not bring the two together (quietli).
 */
type AffixRule = { kind: 'PFX' | 'SFX'; flag: string; crossProduct: boolean; strip: string; add: string; condition: RegExp };

/** An affix rule line: kind, flag, stripped characters ("0" for none), added characters, condition. */
const AFFIX_RULE = /^(PFX|SFX)\s+(\S+)\s+(\S+)\s+([^\s/]+)(?:\/\S*)?\s+(\S+)/;
/** An affix class's header: kind, flag, whether it combines with the other kind (Y/N), rule count. */
const AFFIX_HEADER = /^(PFX|SFX)\s+(\S+)\s+([YN])\s+\d+\s*$/;

function readAffixes(path: string): AffixRule[] {
  const rules: AffixRule[] = [];
  const crossProduct = new Set<string>();
  for (const line of readResource(path).split('\n')) {
    const header = AFFIX_HEADER.exec(line);
    if (header) {
      if (header[3] === 'Y') crossProduct.add(`${header[1]} ${header[2]}`);
      continue;
    }
    const rule = AFFIX_RULE.exec(line);
    if (!rule) continue; // comments and the file's other settings (SET, TRY, COMPOUNDRULE, …)
    const [, kind, flag, strip, add, condition] = rule as unknown as [string, 'PFX' | 'SFX', string, string, string, string];
    let pattern: RegExp;
    try {
      pattern = new RegExp(kind === 'SFX' ? `${condition}$` : `^${condition}`, 'u');
    } catch (cause) {
      throw new FootnoteError('resource_invalid', `The English affix file ${path} has a rule with a condition that is not one (${condition}); reinstall footnote's dependencies (npm ci).`, { cause });
    }
    rules.push({ kind, flag, crossProduct: crossProduct.has(`${kind} ${flag}`), strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add, condition: pattern });
  }
  if (!rules.some((rule) => rule.kind === 'SFX')) {
    throw new FootnoteError('resource_invalid', `The English affix file ${path} has no suffix rules; reinstall footnote's dependencies (npm ci).`);
  }
  return rules;
}

/**
 * Whether `word` is an entry with affix rules applied, as Hunspell checks it: undo a rule, find the
 * entry, check it carries the rule's flag. A prefix and a suffix combine where both rules allow it
 * ("redeployed": re- and -ed on "deploy").
 */
function derivable(word: string, entries: ReadonlyMap<string, string>, rules: readonly AffixRule[], needs = ''): boolean {
  for (const rule of rules) {
    if (rule.add === '' || word.length <= rule.add.length) continue;
    if (rule.kind === 'SFX') {
      if (!word.endsWith(rule.add)) continue;
      const root = word.slice(0, -rule.add.length) + rule.strip;
      const flags = entries.get(root);
      if (flags !== undefined && flags.includes(rule.flag) && [...needs].every((flag) => flags.includes(flag)) && rule.condition.test(root)) return true;
    } else if (needs === '' && word.startsWith(rule.add)) {
      const rest = rule.strip + word.slice(rule.add.length);
      if (entries.get(rest)?.includes(rule.flag) && rule.condition.test(rest)) return true;
      if (rule.crossProduct && derivable(rest, entries, rules.filter((other) => other.kind === 'SFX' && other.crossProduct), rule.flag)) return true;
    }
  }
  return false;
}

function readResource(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new FootnoteError('resource_invalid', `The English word list ${path} could not be read; reinstall footnote's dependencies (npm ci).`, { cause });
  }
}

let shipped: EverydayWords | undefined;

/** The word list footnote ships with (SCOWL's en_US Hunspell dictionary, package dictionary-en), loaded once. */
export function everydayWords(): EverydayWords {
  const file = (name: string) => fileURLToPath(new URL(name, import.meta.resolve('dictionary-en')));
  shipped ??= loadEverydayWords(file('index.dic'), file('index.aff'));
  return shipped;
}
