import type { Answer } from '../answer/answer.js';

export type SeedQuestion = { question: string; answer: string };

export type SeedReport = {
  questions: number;
  recallAt1: number;
  recallAt3: number;
  /** Share of questions whose first passage containing the answer also highlights it. */
  highlightContainsAnswer: number;
  /** Seed questions wrongly answered with no-match (must be 0). */
  seedNoMatch: number;
  offTopic: number;
  offTopicNoMatchRate: number;
  /** Median `ask` time in ms over all questions, after start-up. */
  medianAskMs: number;
};

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Scores answers to the dev questions: a passage "contains the answer" when its text contains the
 * expected span after collapsing whitespace (the rule stated with the question sets).
 */
export function evaluateSeedAnswers(
  seeds: ReadonlyArray<{ seed: SeedQuestion; answer: Answer; ms: number }>,
  offTopic: ReadonlyArray<{ answer: Answer; ms: number }>,
): SeedReport {
  let at1 = 0;
  let at3 = 0;
  let highlighted = 0;
  let noMatch = 0;
  for (const { seed, answer } of seeds) {
    if (answer.kind !== 'answer') {
      if (answer.kind === 'no-match') noMatch++;
      continue;
    }
    const span = collapse(seed.answer);
    const containing = answer.results.findIndex((r) => collapse(r.text).includes(span));
    if (containing === 0) at1++;
    if (containing >= 0 && containing < 3) at3++;
    if (containing >= 0 && collapse(answer.results[containing]!.highlight).includes(span)) highlighted++;
  }
  const offTopicNoMatch = offTopic.filter(({ answer }) => answer.kind === 'no-match').length;
  const times = [...seeds.map((s) => s.ms), ...offTopic.map((o) => o.ms)].sort((a, b) => a - b);
  const n = seeds.length;
  return {
    questions: n,
    recallAt1: n ? at1 / n : 0,
    recallAt3: n ? at3 / n : 0,
    highlightContainsAnswer: n ? highlighted / n : 0,
    seedNoMatch: noMatch,
    offTopic: offTopic.length,
    offTopicNoMatchRate: offTopic.length ? offTopicNoMatch / offTopic.length : 0,
    medianAskMs: times.length ? times[Math.floor(times.length / 2)]! : 0,
  };
}
