import { createRandom, type Random } from './prng.js';
import type { SourceCollection } from './read-ir-collections.js';

export const QUERY_CLASSES = ['natural', 'keyword', 'single'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];
export type QuerySet = Record<QueryClass, string[]>;

export const QUERY_METHOD =
  'natural: questions of 10-20 words with their stop words, as people type them; half are the IR collections\' own ' +
  'information needs (first sentence, trimmed to 20 words; those under 10 words skipped), half fill question templates ' +
  '("What did the study find about X and Y in Z?") with content words that co-occur in one randomly drawn source sentence. ' +
  'keyword: 2-4 consecutive content words of a random source sentence. single: one content word of a random source ' +
  'sentence (so frequent terms come up as often as people use them). Fixed seed; the same questions at every size.';

/** Function words that a content-word slot must not take (a plain English list, independent of footnote's analysis). */
const FUNCTION_WORDS = new Set(
  (
    'a about above after again against all also although among an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each either etc few for from further had has have having ' +
    'he her here hers him his how however i if in into is it its itself just may me might more most much must my no nor not ' +
    'now of off often on once one only or other our out over own same shall she should since so some such than that the ' +
    'their them then there these they this those through thus to too two under until up upon us very was we were what when ' +
    'where whether which while who whom why will with within without would yet you your used using use given found shown ' +
    'described discussed presented paper article several various three well many new based'
  ).split(' '),
);

const TEMPLATES = [
  'What did the study find about {a} and {b} in {c}?',
  'How does {a} affect the {b} of {c} in practice?',
  'Is there any evidence that {a} improves {b} for {c}?',
  'Which methods are used for {a} when {b} and {c} are involved?',
  'Can you explain the relationship between {a} and {b} in the context of {c}?',
  'What are the main problems with {a} and {b} according to research on {c}?',
  'I am looking for papers that describe {a} in {b} with {c}.',
  'Why is {a} important for {b}, and what does that mean for {c}?',
  'What is known about the effect of {a} on {b} and {c}?',
  'Where can I find information on {a} used in {b} or {c}?',
  'Has anyone compared {a} with {b} for the {c} problem?',
  'what do we know about {a} {b} and how it relates to {c}',
];

/** Natural questions, keyword queries and single terms, `count` of each, from the source text. */
export function generateQueries(collections: readonly SourceCollection[], count: number, seed: string | number): QuerySet {
  const random = createRandom(seed).fork('queries');
  const sentences = collections.flatMap((c) => c.documents.flatMap((d) => d.sentences));
  const real = shuffled(realQuestions(collections), random.fork('real'));
  const natural: string[] = [];
  const templated = random.fork('templates');
  for (let i = 0; i < count; i++) {
    const fromReal = i % 2 === 0 ? real[i / 2] : undefined;
    natural.push(fromReal ?? templateQuestion(sentences, templated));
  }
  const keywordRandom = random.fork('keyword');
  const singleRandom = random.fork('single');
  return {
    natural,
    keyword: Array.from({ length: count }, () => keywordQuery(sentences, keywordRandom)),
    single: Array.from({ length: count }, () => singleTerm(sentences, singleRandom)),
  };
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** The collections' own queries as 10-20-word questions (first sentence, trimmed; shorter ones skipped). */
function realQuestions(collections: readonly SourceCollection[]): string[] {
  const out: string[] = [];
  for (const query of collections.flatMap((c) => c.queries)) {
    const first = (query.split(/(?<=[.?!])\s+/)[0] ?? '').trim();
    const words = (first === first.toUpperCase() ? sentenceCase(first) : first).split(' ');
    if (words.length < 10) continue;
    if (words.length <= 20) {
      out.push(words.join(' '));
      continue;
    }
    // Cut to 20 words, then drop dangling function words ("... retrieval and") before the question mark.
    const kept = words.slice(0, 20);
    while (kept.length > 10 && FUNCTION_WORDS.has((kept.at(-1) ?? '').toLowerCase().replace(/[^a-z]/g, ''))) kept.pop();
    out.push(`${kept.join(' ').replace(/[,;:.\-]+$/, '')}?`);
  }
  return out;
}

function templateQuestion(sentences: readonly string[], random: Random): string {
  for (;;) {
    const words = [...new Set(contentWords(random.pick(sentences)))];
    if (words.length < 3) continue;
    const [a, b, c] = shuffled(words, random);
    const question = random.pick(TEMPLATES).replace('{a}', a ?? '').replace('{b}', b ?? '').replace('{c}', c ?? '');
    const n = wordCount(question);
    if (n >= 10 && n <= 20) return question;
  }
}

function keywordQuery(sentences: readonly string[], random: Random): string {
  for (;;) {
    const runs = contentRuns(random.pick(sentences)).filter((run) => run.length >= 2);
    if (runs.length === 0) continue;
    const run = random.pick(runs);
    const length = Math.min(run.length, random.int(2, 4));
    const start = random.int(0, run.length - length);
    return run.slice(start, start + length).join(' ');
  }
}

function singleTerm(sentences: readonly string[], random: Random): string {
  for (;;) {
    const words = contentWords(random.pick(sentences));
    if (words.length > 0) return random.pick(words);
  }
}

/** Lowercase alphabetic words of 4+ letters that are not function words, in order. */
export function contentWords(sentence: string): string[] {
  return contentRuns(sentence).flat();
}

/** Maximal runs of consecutive content words (a function word or punctuation ends a run). */
function contentRuns(sentence: string): string[][] {
  const runs: string[][] = [[]];
  for (const token of sentence.split(/\s+/)) {
    const word = token.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
    const isContent = /^[A-Za-z]{4,}$/.test(word) && !FUNCTION_WORDS.has(word.toLowerCase());
    if (isContent) runs[runs.length - 1]?.push(word.toLowerCase());
    if (!isContent || word !== token) runs.push([]);
  }
  return runs.filter((run) => run.length > 0);
}

function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
