/**
 * Packs consecutive pieces of text (whole paragraphs, or sentences / word runs of paragraphs too long to
 * quote whole) into passages of at most `maxChars`.
 *
 * Greedy "merge until the next one would not fit" leaves a runt at the end of a run (a 60-char
 * paragraph alone after a full passage) and cannot look ahead to keep a heading with its paragraph. So
 * this is a small dynamic programme over break points (like Knuth–Plass line breaking): the cost of a
 * passage is its squared relative slack (merging two passages that fit always costs less, so neighbours
 * are kept together; lengths come out balanced), plus a penalty under `minChars`, plus a penalty for
 * the kind of break it ends on: free between paragraphs, small inside a paragraph (between sentences),
 * larger mid-sentence, and large right after a heading. O(pieces × pieces-per-passage).
 */

export type BreakKind = 'paragraph' | 'sentence' | 'word' | 'heading';

export interface Piece {
  /** Length of the piece's text. */
  length: number;
  /** Characters joining it to the previous piece in one passage: 1 (" ", same paragraph) or 2 ("\n\n"). */
  joinBefore: number;
  /** What a passage break right after this piece would cut. */
  breakAfter: BreakKind;
}

const BREAK_PENALTY: Record<BreakKind, number> = { paragraph: 0, sentence: 0.3, word: 1, heading: 5 };
const SHORT_PENALTY = 1;

/** Returns inclusive [first, last] piece indexes of each passage, in order. */
export function packPieces(pieces: readonly Piece[], maxChars: number, minChars: number): Array<[number, number]> {
  const n = pieces.length;
  const best: number[] = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const from: number[] = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    // Candidate passage = pieces[start - 1 .. end - 1]; grow it backwards while it fits.
    let length = 0;
    for (let start = end; start >= 1; start--) {
      const piece = pieces[start - 1] as Piece;
      length += piece.length + (start < end ? (pieces[start] as Piece).joinBefore : 0);
      if (length > maxChars && start < end) break;
      const previousBreak = start > 1 ? BREAK_PENALTY[(pieces[start - 2] as Piece).breakAfter] : 0;
      const cost = (best[start - 1] as number) + passageCost(length, maxChars, minChars) + previousBreak;
      if (cost < (best[end] as number)) {
        best[end] = cost;
        from[end] = start;
      }
    }
  }
  const ranges: Array<[number, number]> = [];
  for (let end = n; end > 0; end = (from[end] as number) - 1) ranges.push([(from[end] as number) - 1, end - 1]);
  return ranges.reverse();
}

function passageCost(length: number, maxChars: number, minChars: number): number {
  if (length > maxChars) return 0; // a single piece that cannot be cut further (one over-long token)
  const slack = (maxChars - length) / maxChars;
  return slack * slack + (length < minChars ? SHORT_PENALTY : 0);
}
