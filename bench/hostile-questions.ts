import { contentWords } from './generate-queries.js';
import { createRandom, type Random } from './prng.js';
import type { SourceCollection } from './read-ir-collections.js';

/**
 * Questions built to be slow or to confuse (issue 10, "Bad input"): each must get an answer or a
 * no-match in milliseconds. footnote alone is timed on them; the peers have no no-match to reach.
 */
export const HOSTILE_KINDS = ['identifiers', 'rare words', 'one word 300 times', 'pasted stack trace', 'typos'] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];
export type HostileSet = Record<HostileKind, string[]>;

/** The frames of a pasted trace take up to this much, leaving room for its error line and question. */
const MAX_TRACE_CHARS = 3700;

export const HOSTILE_METHOD =
  'identifiers: 40 camelCase and dotted names made of source words (serverOptionsWatch.usePolling). rare words: 60 ' +
  'made-up words no source uses. one word 300 times: a source word, 300 times. pasted stack trace: an error line of ' +
  'source words and V8 stack frames of made-up paths, up to 3,700 characters of them, as a CLI user pastes it. typos: a ' +
  "natural question with two letters swapped in two of its words. The same questions at every size.";

/** `count` questions of each hostile kind, from the natural questions and the source sentences. */
export function hostileQuestions(collections: readonly SourceCollection[], natural: readonly string[], count: number, seed: string): HostileSet {
  const random = createRandom(`${seed}/hostile`);
  const sentences = collections.flatMap((c) => c.documents.flatMap((d) => d.sentences));
  const words = () => {
    for (;;) {
      const found = contentWords(random.pick(sentences));
      if (found.length >= 3) return found;
    }
  };
  const camel = (parts: readonly string[]) => parts.map((part, i) => (i === 0 ? part : part[0]!.toUpperCase() + part.slice(1))).join('');
  const madeUp = () => Array.from({ length: random.int(6, 10) }, () => 'zqxjkvwy'[random.int(0, 7)]).join('');
  const out = {} as HostileSet;
  out.identifiers = times(count, () => Array.from({ length: 40 }, () => (random.int(0, 1) === 0 ? camel(words().slice(0, 3)) : words().slice(0, 3).join('.'))).join(' '));
  out['rare words'] = times(count, () => Array.from({ length: 60 }, madeUp).join(' '));
  out['one word 300 times'] = times(count, () => Array(300).fill(random.pick(words())).join(' '));
  out['pasted stack trace'] = times(count, () => {
    const frames = Array.from({ length: 40 }, (_, i) => `    at ${camel(words().slice(0, 2))} (file:///home/${madeUp()}/app/node_modules/${madeUp()}/dist/chunk-${madeUp()}.js:${1000 + i * 37}:${i + 3})`);
    // As many frames as fit under ask's 4,000-character bound: a longer paste is refused before it is read.
    while ([...frames, ''].join('\n').length > MAX_TRACE_CHARS) frames.pop();
    return [`TypeError: ${words().slice(0, 6).join(' ')}`, ...frames, 'what does this mean?'].join('\n');
  });
  out.typos = times(count, () => withTypos(random.pick(natural), random));
  return out;
}

function times<T>(count: number, make: () => T): T[] {
  return Array.from({ length: count }, make);
}

/** The question with two letters swapped inside two of its longer words. */
function withTypos(question: string, random: Random): string {
  const words = question.split(' ');
  const long = words.map((word, i) => [word, i] as const).filter(([word]) => /^[a-z]{6,}$/.test(word));
  for (const [word, i] of long.slice(0, 2)) {
    const at = random.int(1, word.length - 3);
    words[i] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
  return words.join(' ');
}
