import type { CompactIndex } from './compact-index.js';
import type { ScoringWorkspace } from './scoring-workspace.js';
import { ranksBefore, TopK, type ScoredSlot } from './top-k.js';

export type BestRequest = { limit: number; feedback: number; documents: number };
export type Best = { top: ScoredSlot[]; feedback: ScoredSlot[]; leading: ScoredSlot[]; documents: number };

/**
 * Turns a query's accumulated scores (in the workspace, stamped `base`) into its best passages, a range
 * of slots at a time (query-run hands over each block as soon as every term has scored it, while its
 * state is still in the CPU cache). The final score is score × matched / matched (minisearch's quality
 * multiplier, then PassageIndex's division, in that order so the floating-point result is the same),
 * ranked with ties by slot; also the best passages by score × matched (RM3's feedback), the best passage
 * of each of the leading documents, and how many documents matched.
 */
export class BestCollector {
  private readonly top: TopK | undefined;
  private readonly all: ScoredSlot[] = [];
  private readonly feedback: TopK;
  private readonly docs: number[] = [];
  private readonly documentStamp: number;
  private topScore: number;
  private topSlot: number;
  private feedbackScore: number;
  private feedbackSlot: number;

  constructor(
    private readonly index: CompactIndex,
    private readonly ws: ScoringWorkspace,
    private readonly base: number,
    private readonly request: BestRequest,
  ) {
    this.top = Number.isFinite(request.limit) ? new TopK(request.limit) : undefined;
    this.feedback = new TopK(request.feedback);
    this.documentStamp = ws.nextDocuments();
    // The bars to beat, read again only after an offer: most slots are rejected by one comparison.
    [this.topScore, this.topSlot] = this.top ? [this.top.worstScore(), this.top.worstSlot()] : [-Infinity, Infinity];
    [this.feedbackScore, this.feedbackSlot] = [this.feedback.worstScore(), this.feedback.worstSlot()];
  }

  /**
   * Takes the matched slots of [from, to), whose slots were first touched at entries
   * [touchedFrom, touchedTo) of the touched list: scanning the range in order when most of it matched
   * (sequential reads), else visiting just those entries.
   */
  collect(from: number, to: number, touchedFrom: number, touchedTo: number): void {
    const { state, touched } = this.ws;
    if ((touchedTo - touchedFrom) * 8 > to - from) {
      for (let slot = from; slot < to; slot++) {
        const meta = state[3 * slot + 2]!;
        if (meta >= this.base) this.offer(slot, meta - this.base);
      }
    } else {
      for (let i = touchedFrom; i < touchedTo; i++) this.offer(touched[i]!, state[3 * touched[i]! + 2]! - this.base);
    }
  }

  finish(): Best {
    const { docBest, docScore } = this.ws;
    const leading = new TopK(this.request.documents);
    for (const doc of this.docs) if (leading.wants(docBest[doc]!, docScore[doc]!)) leading.offer(docBest[doc]!, docScore[doc]!);
    const final = ({ slot }: ScoredSlot): ScoredSlot => ({ slot, score: this.finalScore(slot, this.ws.state[3 * slot + 2]! - this.base) });
    return {
      top: this.top ? this.top.sorted() : this.all.sort((a, b) => (ranksBefore(a.score, a.slot, b.score, b.slot) ? -1 : 1)),
      feedback: this.feedback.sorted().map(final),
      leading: leading.sorted(),
      documents: this.docs.length,
    };
  }

  /** count ≥ 1 for a matched slot, so this is (score × matched) / max(1, matched). */
  private finalScore(slot: number, count: number): number {
    return (this.ws.state[3 * slot + 1]! * count) / count;
  }

  private offer(slot: number, count: number): void {
    const score = this.finalScore(slot, count);
    if (!this.top) this.all.push({ slot, score });
    else if (score > this.topScore || (score === this.topScore && slot < this.topSlot)) {
      this.top.offer(slot, score);
      [this.topScore, this.topSlot] = [this.top.worstScore(), this.top.worstSlot()];
    }
    const coordinated = score * count;
    if (this.request.feedback > 0 && (coordinated > this.feedbackScore || (coordinated === this.feedbackScore && slot < this.feedbackSlot))) {
      this.feedback.offer(slot, coordinated);
      [this.feedbackScore, this.feedbackSlot] = [this.feedback.worstScore(), this.feedback.worstSlot()];
    }
    // Each document's best passage (its first in rank order), in per-document arrays.
    const { docStamp, docBest, docScore } = this.ws;
    const doc = this.index.slotDocs.array[slot]!;
    if (docStamp[doc] !== this.documentStamp) {
      docStamp[doc] = this.documentStamp;
      docBest[doc] = slot;
      docScore[doc] = score;
      this.docs.push(doc);
    } else if (ranksBefore(score, slot, docScore[doc]!, docBest[doc]!)) {
      docBest[doc] = slot;
      docScore[doc] = score;
    }
  }
}
