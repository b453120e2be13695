import type { CompactIndex } from '../postings/compact-index.js';
import type { ScoringWorkspace } from './scoring-workspace.js';
import { LeadingDocuments } from './leading-documents.js';
import { ranksBefore, TopK, type ScoredSlot } from './top-k.js';

export type BestRequest = { limit: number; feedback: number; documents: number };
export type Best = { top: ScoredSlot[]; feedback: ScoredSlot[]; leading: ScoredSlot[]; documents: number };

/**
 * Turns a query's accumulated scores (in the workspace, stamped `base`) into its best passages, a range
 * of slots at a time (query-run hands over each block as soon as every term has scored it, while its
 * state is still in the CPU cache). A passage's score is the sum of its
 * terms' values, ranked with ties by slot; also the best passages by score × matched (RM3's feedback), the best passage
 * of each of the leading documents, and how many documents matched.
 */
/** Above every slot (a small integer, which V8 keeps unboxed, unlike Infinity). */
const NO_SLOT = 2 ** 30 - 1;

export class BestCollector {
  private readonly top: TopK | undefined;
  private readonly all: ScoredSlot[] = [];
  private readonly feedback: TopK;
  private readonly leading: LeadingDocuments;
  private readonly documentStamp: number;
  private documents = 0;
  private readonly state: Float64Array;
  private readonly docStamp: Uint32Array;
  private readonly slotDocs: Uint32Array;
  private readonly wantsFeedback: boolean;
  // The bars to beat, kept in fields of their own: most slots are turned away by one comparison.
  private topScore = -Infinity;
  private topSlot = NO_SLOT;
  private feedbackScore = -Infinity;
  private feedbackSlot = NO_SLOT;
  private leadingScore = -Infinity;

  constructor(
    index: CompactIndex,
    private readonly ws: ScoringWorkspace,
    private readonly base: number,
    request: BestRequest,
  ) {
    this.top = Number.isFinite(request.limit) ? new TopK(request.limit) : undefined;
    this.feedback = new TopK(request.feedback);
    this.leading = new LeadingDocuments(request.documents);
    this.documentStamp = ws.nextDocuments();
    this.state = ws.state;
    this.docStamp = ws.docStamp;
    this.slotDocs = index.slotDocs.array;
    this.wantsFeedback = request.feedback > 0;
  }

  /**
   * Takes the matched slots of [from, to), whose slots were first touched at entries
   * [touchedFrom, touchedTo) of the touched list: scanning the range in order when most of it matched
   * (sequential reads), else visiting just those entries; `take` runs once per match.
   * Each list keeps the bar a newcomer must beat, so most slots cost a few comparisons: the best
   * passages, the feedback passages (score × matched), and the leading documents (a passage under the
   * d-th best document's best cannot change that list, see LeadingDocuments).
   */
  collect(from: number, to: number, touchedFrom: number, touchedTo: number): void {
    if ((touchedTo - touchedFrom) * 8 > to - from) for (let slot = from; slot < to; slot++) this.take(slot);
    else for (let i = touchedFrom; i < touchedTo; i++) this.take(this.ws.touched[i]!);
  }

  /** One slot: nothing if this query did not match it, else offered to each list whose bar it beats. */
  private take(slot: number): void {
    const meta = this.state[3 * slot + 2]!;
    if (meta < this.base) return;
    const count = meta - this.base;
    const score = this.state[3 * slot + 1]!;
    if (this.top === undefined) this.all.push({ slot, score });
    else if (score > this.topScore || (score === this.topScore && slot < this.topSlot)) {
      this.top.offer(slot, score);
      this.topScore = this.top.worstScore();
      this.topSlot = this.top.worstSlot();
    }
    const coordinated = score * count;
    if (this.wantsFeedback && (coordinated > this.feedbackScore || (coordinated === this.feedbackScore && slot < this.feedbackSlot))) {
      this.feedback.offer(slot, coordinated);
      this.feedbackScore = this.feedback.worstScore();
      this.feedbackSlot = this.feedback.worstSlot();
    }
    const doc = this.slotDocs[slot]!;
    if (this.docStamp[doc] !== this.documentStamp) {
      this.docStamp[doc] = this.documentStamp;
      this.documents++;
    }
    if (score >= this.leadingScore) {
      this.leading.offer(doc, slot, score);
      this.leadingScore = this.leading.worstScore();
    }
  }

  finish(): Best {
    const final = ({ slot }: ScoredSlot): ScoredSlot => ({ slot, score: this.ws.state[3 * slot + 1]! });
    return {
      top: this.top ? this.top.sorted() : this.all.sort((a, b) => (ranksBefore(a.score, a.slot, b.score, b.slot) ? -1 : 1)),
      feedback: this.feedback.sorted().map(final),
      leading: this.leading.sorted(),
      documents: this.documents,
    };
  }
}
