import { splitSentences } from '../split-sentences.js';

export type Cut = { from: number; to: number; breakAfter: 'sentence' | 'word'; join: ' ' | '' };

/**
 * Cuts text longer than `budget` into spans no longer than it: whole sentences where they fit, runs of
 * words for longer sentences, and a word longer than the budget (a URL, a minified line) at the budget
 * itself, never inside a surrogate pair. `join` is what goes back between a span and the one before it
 * in a passage (the text between sentences and words is whitespace, collapsed to one space).
 */
export function cutUnit(text: string, budget: number): Cut[] {
  const cuts: Cut[] = [];
  for (const sentence of splitSentences(text)) {
    if (sentence.end - sentence.start <= budget) {
      cuts.push({ from: sentence.start, to: sentence.end, breakAfter: 'sentence', join: ' ' });
      continue;
    }
    const first = cuts.length;
    let run: { from: number; to: number } | undefined;
    for (const word of text.slice(sentence.start, sentence.end).matchAll(/\S+/gu)) {
      const from = sentence.start + word.index;
      const to = from + word[0].length;
      if (run && to - run.from <= budget) {
        run.to = to;
        continue;
      }
      if (run) cuts.push({ ...run, breakAfter: 'word', join: ' ' });
      run = undefined;
      if (to - from <= budget) run = { from, to };
      else hardCut(text, from, to, budget, cuts);
    }
    if (run) cuts.push({ ...run, breakAfter: 'word', join: ' ' });
    const last = cuts[cuts.length - 1];
    if (last && cuts.length > first) last.breakAfter = 'sentence';
  }
  return cuts;
}

function hardCut(text: string, from: number, to: number, budget: number, cuts: Cut[]): void {
  let start = from;
  while (start < to) {
    let end = Math.min(to, start + Math.max(1, budget));
    if (end < to && end - start > 1 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    cuts.push({ from: start, to: end, breakAfter: 'word', join: start === from ? ' ' : '' });
    start = end;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
