import type { Scope } from '../documents/document.js';
import type { CompactIndex } from './compact-index.js';
import { LeadingDocuments } from './leading-documents.js';
import { D, DOC_BOOST, K_PLUS_1, QueryRun, TEXT_BOOST } from './query-run.js';
import { TITLE_BOOST } from './index-options.js';
import type { FieldPostings } from './field-postings.js';
import { TF_OVERFLOW, type Segment } from './segment.js';
import { TopK, type ScoredSlot } from './top-k.js';

export type TopRequest = {
  /** Distinct exact terms in query order, each with its boost. */
  terms: ReadonlyArray<{ term: string; boost: number }>;
  scopes: readonly Scope[];
  /** How many of the best passages to return (finite). */
  limit: number;
  /** How many documents to return, each as its best passage, in rank order. */
  documents: number;
  /** Slots likely to rank high (e.g. an earlier pass's best): scored first, they set the bar at once. */
  seeds: readonly number[];
};

export type TopScores = { top: ScoredSlot[]; leading: ScoredSlot[]; sources: Map<number, number[]> };

/**
 * Rounding slack for comparisons against bounds: a bound and an exact score are sums of the same
 * terms in different orders, so they may differ in the last bits; the slack keeps pruning safe.
 */
const SLACK = 1e-9;

type Term = { id: number; position: number; idfText: number; idfTitle: number; factorText: number; factorTitle: number; bound: number };

/**
 * The best `limit` passages and leading `documents` documents of an exact-term query, with the same
 * scores and order as scoring every match (score-passages), but skipping passages that cannot make
 * either list: MaxScore (Turtle & Flood, 1995). Each term's largest possible contribution is known
 * (term-bounds). Sorted by it, the cheapest terms whose bounds sum below the current bar (the worse of
 * the k-th best passage and the d-th best document) cannot lift a passage into the lists alone; only
 * passages matching one of the other, "essential", terms are candidates, and only those whose partial
 * score plus the cheap terms' bounds reaches the bar are scored in full. Seeds score first, so the bar
 * is high from the start. RM3's second pass is what this is for: ~20 feedback terms are common words
 * that match most passages, yet rarely decide the top ten.
 *
 * A candidate's full score is recomputed from its forward lists, term by term in query order exactly
 * as score-passages sums them, so scores are bit for bit the same and so are ties.
 */
export function scoreTop(index: CompactIndex, request: TopRequest): TopScores {
  const sources = new Map<number, number[]>();
  const top = new TopK(request.limit);
  const leading = new LeadingDocuments(request.documents);
  const n = index.liveCount;
  if (n === 0 || request.terms.length === 0 || (request.limit === 0 && request.documents === 0)) return { top: [], leading: [], sources };
  const run = new QueryRun(index, request.scopes, n);
  const segments = index.segments();
  const { state } = run.ws;

  const terms: Term[] = [];
  request.terms.forEach(({ term, boost }, position) => {
    const id = index.terms.idOf(term);
    if (id === undefined) return;
    sources.set(id, [position]);
    const idfText = run.idf(index.text, id);
    const idfTitle = run.idf(index.title, id);
    const factorText = 1 * boost * TEXT_BOOST * DOC_BOOST;
    const factorTitle = 1 * boost * TITLE_BOOST * DOC_BOOST;
    const max = index.bounds.maxima(id, segments, state, run.normTitle);
    const bound = (factorText * idfText * (D + max.text) + factorTitle * idfTitle * (D + max.title)) * (1 + SLACK);
    terms.push({ id, position, idfText, idfTitle, factorText, factorTitle, bound });
  });
  if (terms.length === 0) return { top: [], leading: [], sources };

  const scorer = new ExactScorer(index, run, terms, request.terms.length);
  const slotDocs = index.slotDocs.array;
  let bar = -Infinity;
  const offer = (slot: number) => {
    const score = scorer.score(slot);
    if (score === undefined) return;
    top.offer(slot, score);
    leading.offer(slotDocs[slot]!, slot, score);
    bar = Math.min(request.limit > 0 ? top.worstScore() : Infinity, request.documents > 0 ? leading.worstScore() : Infinity);
  };
  const seeds = new Set<number>();
  for (const slot of request.seeds) {
    if (slot < index.slotCount && !seeds.has(slot) && (!run.checkScopes || run.mask[index.slotScopes.array[slot]!] !== 0)) {
      seeds.add(slot);
      offer(slot);
    }
  }

  // Cheapest first; cumulative[i] = the bounds of terms[0..i) summed: a passage matching none of
  // terms[e..] scores at most cumulative[e].
  const byBound = [...terms].sort((a, b) => a.bound - b.bound);
  const cumulative = [0];
  for (const term of byBound) cumulative.push(cumulative.at(-1)! + term.bound);
  const { termScore: partial, termStamp: stamp, termTouched: candidates } = run.ws;
  const { mask, checkScopes } = run;
  const slotScopes = index.slotScopes.array;
  const reaches = (slot: number, rest: number) => partial[slot]! + rest >= bar * (1 - SLACK);

  for (let s = 0; s < segments.text.length; s++) {
    const block = new BlockPostings(segments.text[s]!, segments.title[s]!, byBound, state, run.normTitle);
    for (; block.next(); ) {
      let essential = 0;
      while (essential < byBound.length && cumulative[essential + 1]! < bar * (1 - SLACK)) essential++;
      if (essential === byBound.length) return finish(); // nothing left can reach the lists
      // 1. Every passage of the block matching an essential term, with those terms' scores summed.
      const touched = run.ws.nextTerm();
      let count = 0;
      for (let t = essential; t < byBound.length; t++) count = block.accumulate(t, stamp, touched, partial, candidates, count);
      // 2. Those that could still reach the bar; then the cheap terms, dearest first, each followed by
      //    dropping the candidates that can no longer make it.
      const live = run.ws.nextTerm();
      let kept = 0;
      for (let i = 0; i < count; i++) {
        const slot = candidates[i]!;
        if (!reaches(slot, cumulative[essential]!) || seeds.has(slot) || (checkScopes && mask[slotScopes[slot]!] === 0)) continue;
        stamp[slot] = live;
        candidates[kept++] = slot;
      }
      for (let t = essential - 1; t >= 0 && kept > 0; t--) {
        block.addTo(t, candidates, kept, stamp, live, partial);
        let still = 0;
        for (let i = 0; i < kept; i++) {
          const slot = candidates[i]!;
          if (reaches(slot, cumulative[t]!)) candidates[still++] = slot;
          else stamp[slot] = 0;
        }
        kept = still;
      }
      // 3. The survivors, scored exactly.
      for (let i = 0; i < kept; i++) if (reaches(candidates[i]!, 0)) offer(candidates[i]!);
    }
  }
  return finish();

  function finish(): TopScores {
    return { top: top.sorted(), leading: leading.sorted(), sources };
  }
}

/**
 * One block of a segment at a time (`next`), and the query terms' postings in it, scored as
 * factor · idf · (d + tf·(k1+1) / (tf + norm)) with title and text as separate postings.
 */
class BlockPostings {
  private block = -1;
  private readonly fields: ReadonlyArray<{ segment: Segment; cursors: number[]; norms: Float64Array; stride: number; title: boolean }>;
  base = 0;

  constructor(
    texts: Segment,
    titles: Segment,
    private readonly terms: readonly Term[],
    textNorms: Float64Array,
    titleNorms: Float64Array,
  ) {
    this.fields = [
      { segment: texts, cursors: terms.map((t) => firstBlockEntry(texts, t.id)), norms: textNorms, stride: 3, title: false },
      { segment: titles, cursors: terms.map((t) => firstBlockEntry(titles, t.id)), norms: titleNorms, stride: 1, title: true },
    ];
  }

  /** Moves to the next block; false past the last. */
  next(): boolean {
    const texts = this.fields[0]!.segment;
    this.block++;
    this.base = texts.from + this.block * 2 ** texts.blockBits;
    return this.base < texts.to;
  }

  /**
   * Adds term `t`'s postings in this block into `partial`: a slot not yet stamped `touched` is stamped,
   * set and appended to `list` (from `count`); returns the new count. One loop over typed arrays, no calls: it is the hot path.
   */
  accumulate(t: number, stamp: Uint32Array, touched: number, partial: Float64Array, list: Uint32Array, count: number): number {
    const term = this.terms[t]!;
    for (const { segment, cursors, norms, stride, title } of this.fields) {
      const [from, to] = blockRange(segment, term.id, cursors, t, this.block);
      const { offsets, tfs, overflow } = segment;
      const factor = title ? term.factorTitle * term.idfTitle : term.factorText * term.idfText;
      const base = this.base;
      for (let i = from; i < to; i++) {
        const slot = base + offsets[i]!;
        let tf = tfs[i]!;
        if (tf === TF_OVERFLOW) tf = overflow.get(i)!;
        const value = factor * (D + (tf * K_PLUS_1) / (tf + norms[stride * slot]!));
        if (stamp[slot] !== touched) {
          stamp[slot] = touched;
          partial[slot] = value;
          list[count++] = slot;
        } else partial[slot]! += value;
      }
    }
    return count;
  }

  /**
   * Adds term `t`'s value to the `count` candidates (those whose `stamp` is `live`): walking its
   * postings when they are few next to the candidates, else looking each candidate up (binary search).
   */
  addTo(t: number, candidates: Uint32Array, count: number, stamp: Uint32Array, live: number, partial: Float64Array): void {
    const term = this.terms[t]!;
    for (const { segment, cursors, norms, stride, title } of this.fields) {
      const [from, to] = blockRange(segment, term.id, cursors, t, this.block);
      if (from === to) continue;
      const { offsets, tfs, overflow } = segment;
      const factor = title ? term.factorTitle * term.idfTitle : term.factorText * term.idfText;
      if (count * (Math.log2(to - from) + 2) * 4 < to - from) {
        for (let c = 0; c < count; c++) {
          const slot = candidates[c]!;
          const target = slot - this.base;
          let [low, high] = [from, to - 1];
          while (low <= high) {
            const middle = (low + high) >>> 1;
            const offset = offsets[middle]!;
            if (offset === target) {
              let tf = tfs[middle]!;
              if (tf === TF_OVERFLOW) tf = overflow.get(middle)!;
              partial[slot]! += factor * (D + (tf * K_PLUS_1) / (tf + norms[stride * slot]!));
              break;
            }
            if (offset < target) low = middle + 1;
            else high = middle - 1;
          }
        }
      } else {
        const base = this.base;
        for (let i = from; i < to; i++) {
          const slot = base + offsets[i]!;
          if (stamp[slot] !== live) continue;
          let tf = tfs[i]!;
          if (tf === TF_OVERFLOW) tf = overflow.get(i)!;
          partial[slot]! += factor * (D + (tf * K_PLUS_1) / (tf + norms[stride * slot]!));
        }
      }
    }
  }
}

/**
 * Full scores of single passages from their forward lists: the query's term ids ascending are merged
 * with the passage's (also ascending), then the terms are summed in query order as score-passages does.
 */
class ExactScorer {
  private readonly ids: Int32Array;
  private readonly order: Term[];
  private readonly byPosition: Array<Term | undefined>;
  private readonly textTf: Float64Array;
  private readonly titleTf: Float64Array;

  constructor(
    private readonly index: CompactIndex,
    private readonly run: QueryRun,
    terms: readonly Term[],
    positions: number,
  ) {
    this.order = [...terms].sort((a, b) => a.id - b.id);
    this.ids = Int32Array.from(this.order, (t) => t.id);
    this.byPosition = Array.from({ length: positions }, () => undefined);
    for (const term of terms) this.byPosition[term.position] = term;
    this.textTf = new Float64Array(positions);
    this.titleTf = new Float64Array(positions);
  }

  /** The passage's final score (score × matched / matched, as the collector computes it), or undefined if it matches nothing. */
  score(slot: number): number | undefined {
    this.textTf.fill(0);
    this.titleTf.fill(0);
    this.gather(this.index.text, slot, this.textTf);
    this.gather(this.index.title, slot, this.titleTf);
    const textNorm = this.run.ws.state[3 * slot]!;
    const titleNorm = this.run.normTitle[slot]!;
    let score = 0;
    let matched = 0;
    for (let position = 0; position < this.byPosition.length; position++) {
      const term = this.byPosition[position];
      if (!term) continue;
      const [textTf, titleTf] = [this.textTf[position]!, this.titleTf[position]!];
      if (textTf === 0 && titleTf === 0) continue;
      const titleValue = titleTf > 0 ? term.factorTitle * (term.idfTitle * (D + (titleTf * K_PLUS_1) / (titleTf + titleNorm))) : -1;
      let value = titleValue;
      if (textTf > 0) {
        value = term.factorText * (term.idfText * (D + (textTf * K_PLUS_1) / (textTf + textNorm)));
        if (titleValue >= 0) value = titleValue + value;
      }
      score = matched === 0 ? value : score + value;
      matched++;
    }
    return matched === 0 ? undefined : (score * matched) / matched;
  }

  /** Frequencies of the query's terms in one slot's forward list, by query position. */
  private gather(field: FieldPostings, slot: number, out: Float64Array): void {
    const bytes = field.forward.array;
    const end = field.forwardStarts.array[slot + 1]!;
    let at = field.forwardStarts.array[slot]!;
    const ids = this.ids;
    const last = ids[ids.length - 1]!;
    let next = 0;
    let id = 0;
    while (at < end) {
      let byte = bytes[at++]!;
      let value = byte & 127;
      for (let scale = 128; byte >= 128; scale *= 128) value += ((byte = bytes[at++]!) & 127) * scale;
      id += Math.floor(value / 2);
      let tf = 1;
      if (value % 2 === 1) {
        byte = bytes[at++]!;
        tf = byte & 127;
        for (let scale = 128; byte >= 128; scale *= 128) tf += ((byte = bytes[at++]!) & 127) * scale;
        tf += 2;
      }
      if (id > last) return;
      while (ids[next]! < id) next++;
      if (ids[next] === id) out[this.order[next]!.position] = tf;
    }
  }
}

/** The first block-directory entry of term `id` in a segment (or the end if it has none). */
function firstBlockEntry(segment: Segment, id: number): number {
  return id + 1 < segment.starts.length ? segment.blockStarts[id]! : 0;
}

/** Postings of term `id` in block `block`, [from, to), advancing the term's cursor past blocks before it. */
function blockRange(segment: Segment, id: number, cursors: number[], t: number, block: number): [number, number] {
  if (id + 1 >= segment.starts.length) return [0, 0];
  const last = segment.blockStarts[id + 1]!;
  let entry = cursors[t]!;
  while (entry < last && segment.blocks[entry]! < block) entry++;
  cursors[t] = entry;
  if (entry >= last || segment.blocks[entry] !== block) return [0, 0];
  cursors[t] = entry + 1;
  return [segment.blockPositions[entry]!, entry + 1 < last ? segment.blockPositions[entry + 1]! : segment.starts[id + 1]!];
}
