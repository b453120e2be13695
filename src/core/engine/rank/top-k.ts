/** A scored slot; the order is score descending, then slot ascending (= passage key, document order). */
export type ScoredSlot = { slot: number; score: number };

/** True when (scoreA, slotA) ranks before (scoreB, slotB). */
export function ranksBefore(scoreA: number, slotA: number, scoreB: number, slotB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && slotA < slotB);
}

/**
 * The best `capacity` slots of a stream, kept in a binary min-heap whose root is the worst kept one:
 * O(n log k) for n offers, against sorting every match (what made minisearch slow on common terms).
 */
export class TopK {
  private readonly slots: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(readonly capacity: number) {
    this.slots = new Uint32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** True if (score, slot) would be kept: a cheap test before `offer`, inlined by the caller's loop. */
  wants(slot: number, score: number): boolean {
    return this.size < this.capacity || ranksBefore(score, slot, this.scores[0]!, this.slots[0]!);
  }

  /** The score a newcomer must beat once full (−Infinity before; see `wants`). */
  worstScore(): number {
    return this.size < this.capacity ? -Infinity : this.scores[0]!;
  }

  /** The slot of the kept entry a newcomer with `worstScore()` must precede (2^30 − 1, above any slot, before full). */
  worstSlot(): number {
    return this.size < this.capacity ? 2 ** 30 - 1 : this.slots[0]!;
  }

  offer(slot: number, score: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      this.slots[this.size] = slot;
      this.scores[this.size] = score;
      this.siftUp(this.size++);
    } else if (ranksBefore(score, slot, this.scores[0]!, this.slots[0]!)) {
      this.slots[0] = slot;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  /** The kept slots, best first. */
  sorted(): ScoredSlot[] {
    const out: ScoredSlot[] = [];
    for (let i = 0; i < this.size; i++) out.push({ slot: this.slots[i]!, score: this.scores[i]! });
    return out.sort((a, b) => (ranksBefore(a.score, a.slot, b.score, b.slot) ? -1 : 1));
  }

  // The heap keeps the worst at the root: a parent never ranks before its children.
  private worse(i: number, j: number): boolean {
    return ranksBefore(this.scores[j]!, this.slots[j]!, this.scores[i]!, this.slots[i]!);
  }

  private swap(i: number, j: number): void {
    const [slot, score] = [this.slots[i]!, this.scores[i]!];
    this.slots[i] = this.slots[j]!;
    this.scores[i] = this.scores[j]!;
    this.slots[j] = slot;
    this.scores[j] = score;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.size && this.worse(left, worst)) worst = left;
      if (right < this.size && this.worse(right, worst)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
