import { splitSentences } from '../passages/split-sentences.js';
import { analyze, type AnalyzedText } from '../search/analyze.js';

/** A highlight shorter than this reads as a fragment, so the best neighbouring sentence joins it. */
const SHORT_SENTENCE_CHARS = 80;
/**
 * A neighbour that adds query terms worth at least this share of the best sentence's score joins the
 * highlight: questions often name their subject in one sentence ("…, said Sean Spicer") and ask about
 * what the next one says ("they have to honor the commitments").
 */
const NEIGHBOUR_SHARE = 0.4;
/** Two sentences longer than this no longer read as a highlight. */
const MAX_HIGHLIGHT_CHARS = 400;

export type Highlight = { start: number; end: number };

/**
 * The one or two sentences of `text` that best answer the question: each sentence scores the summed
 * weight (IDF) of the distinct query terms it contains; ties go to the earlier sentence. A neighbour
 * joins when the best sentence is short, or when it adds enough of the question's missing terms.
 * Returns offsets into `text`, so the highlight is always verbatim. `analyzed` (the text's terms with
 * their offsets, when the caller has them) saves analysing each sentence again.
 */
export function selectHighlight(text: string, termWeights: ReadonlyMap<string, number>, analyzed?: AnalyzedText): Highlight {
  const sentences = sentenceTerms(text, analyzed);
  if (sentences.length === 0) return { start: 0, end: text.length };
  const weigh = (terms: Iterable<string>) => {
    let sum = 0;
    for (const term of terms) sum += termWeights.get(term) ?? 0;
    return sum;
  };
  let best = 0;
  let bestScore = weigh(sentences[0]!.terms);
  for (let i = 1; i < sentences.length; i++) {
    const score = weigh(sentences[i]!.terms);
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  const chosen = sentences[best]!;
  const added = (i: number) => {
    const neighbour = sentences[i];
    return neighbour ? weigh([...neighbour.terms].filter((t) => !chosen.terms.has(t))) : -1;
  };
  const [before, after] = [added(best - 1), added(best + 1)];
  const neighbour = after >= 0 && after >= before ? sentences[best + 1] : before >= 0 ? sentences[best - 1] : undefined;
  if (!neighbour) return { start: chosen.start, end: chosen.end };
  const joined = { start: Math.min(chosen.start, neighbour.start), end: Math.max(chosen.end, neighbour.end) };
  const short = chosen.end - chosen.start < SHORT_SENTENCE_CHARS;
  const strong = bestScore > 0 && Math.max(before, after) >= bestScore * NEIGHBOUR_SHARE;
  return (short || strong) && joined.end - joined.start <= MAX_HIGHLIGHT_CHARS ? joined : { start: chosen.start, end: chosen.end };
}

/** Each sentence's span and distinct terms: from the text's analysis when given, else sentence by sentence. */
function sentenceTerms(text: string, analyzed: AnalyzedText | undefined): Array<{ start: number; end: number; terms: Set<string> }> {
  const spans = splitSentences(text);
  if (!analyzed) return spans.map((span) => ({ ...span, terms: new Set(analyze(text.slice(span.start, span.end))) }));
  const sentences = spans.map((span) => ({ ...span, terms: new Set<string>() }));
  let sentence = 0;
  for (let i = 0; i < analyzed.terms.length; i++) {
    const start = analyzed.starts[i]!;
    while (sentence < sentences.length && sentences[sentence]!.end <= start) sentence++;
    sentences[sentence]?.terms.add(analyzed.terms[i]!);
  }
  return sentences;
}
