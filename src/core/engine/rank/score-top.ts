import type { Scope } from '../../documents/document.js';
import type { CompactIndex } from '../postings/compact-index.js';
import type { FieldPostings } from '../postings/field-postings.js';
import { scaledTermValue, termBound, termFactor, termValue, TEXT_BOOST, TITLE_BOOST } from '../scoring.js';
import { LeadingDocuments } from './leading-documents.js';
import { addPostings, addValue, QueryRun } from './query-run.js';
import type { ScoringWorkspace } from './scoring-workspace.js';
import type { TermBounds } from './term-bounds.js';
import { TF_OVERFLOW, type Segment } from '../postings/segment.js';
import { TopK, type ScoredSlot } from './top-k.js';

export type TopRequest = {
  /** Distinct exact terms in query order, each with its boost. */
  terms: ReadonlyArray<{ term: string; boost: number }>;
  scopes: readonly Scope[];
  /** How many of the best passages to return (finite). */
  limit: number;
  /** How many documents to return, each as its best passage, in rank order. */
  documents: number;
  /** How many passages to choose by score × number of terms matched (RM3's feedback passages). */
  feedback: number;
  /** Slots likely to rank high (e.g. an earlier pass's best): scored first, they set the bar at once. */
  seeds: readonly number[];
  /** Whether to count the whole match too: passages, documents, and passages per term. */
  counts: boolean;
};

/** How much of the searched scopes the query matched: passages, documents, and passages per term (query order). */
export type MatchCounts = { total: number; documents: number; termMatches: number[] };

export type TopScores = {
  top: ScoredSlot[];
  feedback: ScoredSlot[];
  leading: ScoredSlot[];
  sources: Map<number, number[]>;
  counts: MatchCounts | undefined;
};

/**
 * Rounding slack for comparisons against bounds: a bound and an exact score are sums of the same
 * terms in different orders, so they may differ in the last bits; the slack keeps pruning safe.
 */
const SLACK = 1e-9;

type Term = { id: number; position: number; idfText: number; idfTitle: number; factorText: number; factorTitle: number; bound: number };

/**
 * The best `limit` passages, `feedback` passages by score × terms matched, and leading `documents`
 * documents of an exact-term query, with the same scores and order as scoring every match
 * (score-passages), but skipping passages that cannot make any of the lists: MaxScore (Turtle &
 * Flood, 1995). Each term's largest possible contribution is known (term-bounds). Sorted by it, the
 * cheapest terms whose bounds sum below the current bars (the k-th best passage, the d-th best
 * document, the f-th best score × matched) cannot lift a passage into the lists alone; only passages
 * matching one of the other, "essential", terms are candidates; the cheap terms are then added to the
 * candidates dearest first, dropping those that can no longer make it, and only the survivors are
 * scored in full. Seeds score first, so the bars can be high from the start; until the bars are set, a
 * block is scored whole. The counts (`counts`) still cover every match: a bitmap per block of the
 * passages any term matched, one cheap pass over the postings.
 *
 * A survivor's full score is recomputed from its forward lists, term by term in query order exactly as
 * score-passages sums them, so scores are bit for bit the same and so are ties.
 */
export function scoreTop(index: CompactIndex, scratch: ScoringWorkspace, bounds: TermBounds, request: TopRequest): TopScores {
  const sources = new Map<number, number[]>();
  const lists = new Lists(request);
  const stats = index.statistics(request.scopes);
  const counts: MatchCounts | undefined = request.counts ? { total: 0, documents: 0, termMatches: request.terms.map(() => 0) } : undefined;
  const empty = (): TopScores => ({ top: [], feedback: [], leading: [], sources, counts });
  if (stats.n === 0 || request.terms.length === 0) return empty();
  const run = new QueryRun(index, stats, scratch);
  const segments = index.segments();
  const { state } = run.ws;

  const terms: Term[] = [];
  request.terms.forEach(({ term, boost }, position) => {
    const id = index.terms.idOf(term);
    if (id === undefined || !run.searches(id)) return;
    sources.set(id, [position]);
    const idfText = run.idf('text', id);
    const idfTitle = run.idf('title', id);
    const factorText = termFactor(1, boost, TEXT_BOOST);
    const factorTitle = termFactor(1, boost, TITLE_BOOST);
    // Bounds at the searched scopes' average lengths (see TermBounds: valid for any average).
    const maxText = bounds.maximum(index, id, segments.text, index.text, stats.text.average);
    const maxTitle = bounds.maximum(index, id, segments.title, index.title, stats.title.average);
    const bound = (termBound(factorText, idfText, maxText) + termBound(factorTitle, idfTitle, maxTitle)) * (1 + SLACK);
    terms.push({ id, position, idfText, idfTitle, factorText, factorTitle, bound });
  });
  if (terms.length === 0) return empty();
  // The passages of the searched scopes a term matches are its df there (text postings: a title term
  // is in the text too), kept per scope: no need to count them posting by posting.
  if (counts) for (const term of terms) counts.termMatches[term.position] = stats.text.df(term.id);

  const scorer = new ExactScorer(index, run, terms, request.terms.length);
  const slotDocs = index.slotDocs.array;
  const offerExact = (slot: number) => {
    const score = scorer.score(slot);
    if (score !== undefined) lists.offer(slot, score, scorer.matched, slotDocs[slot]!);
  };
  const seeds = new Set<number>();
  for (const slot of request.seeds) {
    if (slot < index.slotCount && !seeds.has(slot) && (!run.checkScopes || run.mask[index.slotScopes.array[slot]!] !== 0)) {
      seeds.add(slot);
      offerExact(slot);
    }
  }

  // Cheapest first; cumulative[i] = the bounds of terms[0..i) summed: a passage matching none of
  // terms[e..] scores at most cumulative[e], with at most e terms matched.
  const byBound = [...terms].sort((a, b) => a.bound - b.bound);
  const inQueryOrder = terms.map((term) => byBound.indexOf(term));
  const cumulative = [0];
  for (const term of byBound) cumulative.push(cumulative.at(-1)! + term.bound);
  const { termStamp: live, termTouched: candidates } = run.ws;
  const { mask, checkScopes, base } = run;
  const slotScopes = index.slotScopes.array;
  // Could a passage with score `score` over `matched` terms so far, and at most `rest` more over
  // `more` terms, still make a list?
  const reaches = (score: number, matched: number, rest: number, more: number) =>
    score + rest >= lists.scoreBar * (1 - SLACK) || (score + rest) * (matched + more) >= lists.coordinatedBar * (1 - SLACK);
  let lastDoc = -1;

  for (let s = 0; s < segments.text.length; s++) {
    const block = new BlockPostings(segments.text[s]!, segments.title[s]!, byBound, state, run.normTitle);
    for (; block.next(); ) {
      if (counts) lastDoc = block.count(counts, inQueryOrder, run, slotDocs, lastDoc);
      let essential = 0;
      while (essential < byBound.length && !reaches(0, 0, cumulative[essential + 1]!, essential + 1)) essential++;
      if (essential === byBound.length) {
        if (counts) continue; // nothing here can make the lists, but it still counts
        break;
      }
      const touchedBefore = run.touched;
      if (essential === 0) {
        // No bar yet (or none any term can stay under): the block scored whole, in query order.
        for (const t of inQueryOrder) {
          const [textFrom, textTo] = block.range(t, 0);
          const [titleFrom, titleTo] = block.range(t, 1);
          run.touched = addPostings(run, block.texts, textFrom, textTo, block.titles, titleFrom, titleTo, block.base, byBound[t]!, true);
        }
        for (let i = touchedBefore; i < run.touched; i++) {
          const slot = run.ws.touched[i]!;
          if (seeds.has(slot)) continue;
          const matched = state[3 * slot + 2]! - base;
          const score = state[3 * slot + 1]!;
          if (score >= lists.scoreBar || score * matched >= lists.coordinatedBar) lists.offer(slot, score, matched, slotDocs[slot]!);
        }
        continue;
      }
      // 1. Every passage of the block matching an essential term, with those terms' scores summed
      //    (in the query's state: score, and base + terms matched).
      for (let t = essential; t < byBound.length; t++) run.touched = block.accumulate(t, state, base, run.ws.touched, run.touched);
      // 2. Those that could still make a list; then the cheap terms, dearest first, each followed by
      //    dropping the candidates that can no longer make it.
      const mark = run.ws.nextTerm();
      let kept = 0;
      for (let i = touchedBefore; i < run.touched; i++) {
        const slot = run.ws.touched[i]!;
        if (!reaches(state[3 * slot + 1]!, state[3 * slot + 2]! - base, cumulative[essential]!, essential)) continue;
        if (seeds.has(slot) || (checkScopes && mask[slotScopes[slot]!] === 0)) continue;
        live[slot] = mark;
        candidates[kept++] = slot;
      }
      for (let t = essential - 1; t >= 0 && kept > 0; t--) {
        block.addTo(t, candidates, kept, live, mark, state);
        let still = 0;
        for (let i = 0; i < kept; i++) {
          const slot = candidates[i]!;
          if (reaches(state[3 * slot + 1]!, state[3 * slot + 2]! - base, cumulative[t]!, t)) candidates[still++] = slot;
          else live[slot] = 0;
        }
        kept = still;
      }
      // 3. The survivors, scored exactly.
      for (let i = 0; i < kept; i++) offerExact(candidates[i]!);
    }
  }
  return { top: lists.top.sorted(), feedback: lists.feedbackPassages(), leading: lists.leading.sorted(), sources, counts };
}

/** The three lists a search fills, and the bars a passage must reach to change one of them. */
class Lists {
  readonly top: TopK;
  readonly feedback: TopK;
  readonly leading: LeadingDocuments;
  /** The score below which a passage changes neither the best passages nor the leading documents. */
  scoreBar = -Infinity;
  /** The score × matched below which a passage does not change the feedback passages. */
  coordinatedBar = Infinity;
  /** The plain score of each passage offered to the feedback list (which ranks by score × matched). */
  private readonly feedbackScores = new Map<number, number>();

  constructor(private readonly request: Pick<TopRequest, 'limit' | 'documents' | 'feedback'>) {
    this.top = new TopK(request.limit);
    this.feedback = new TopK(request.feedback);
    this.leading = new LeadingDocuments(request.documents);
    this.update();
  }

  offer(slot: number, score: number, matched: number, doc: number): void {
    if (this.top.wants(slot, score)) this.top.offer(slot, score);
    if (this.request.feedback > 0 && this.feedback.wants(slot, score * matched)) {
      this.feedback.offer(slot, score * matched);
      this.feedbackScores.set(slot, score);
    }
    if (score >= this.leading.worstScore()) this.leading.offer(doc, slot, score);
    this.update();
  }

  /** The feedback passages in their order (score × matched), each with its plain score. */
  feedbackPassages(): ScoredSlot[] {
    return this.feedback.sorted().map(({ slot }) => ({ slot, score: this.feedbackScores.get(slot)! }));
  }

  private update(): void {
    const { limit, documents, feedback } = this.request;
    this.scoreBar = Math.min(limit > 0 ? this.top.worstScore() : Infinity, documents > 0 ? this.leading.worstScore() : Infinity);
    this.coordinatedBar = feedback > 0 ? this.feedback.worstScore() : Infinity;
  }
}

/**
 * One block of a segment at a time (`next`), and the query terms' postings in it (terms by index in
 * bound order), scored as factor · idf · (d + tf·(k1+1) / (tf + norm)).
 */
class BlockPostings {
  private block = -1;
  private readonly fields: ReadonlyArray<{ segment: Segment; cursors: number[]; norms: Float64Array; stride: number; title: boolean }>;
  base = 0;

  constructor(
    readonly texts: Segment,
    readonly titles: Segment,
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
    this.block++;
    this.base = this.texts.from + this.block * 2 ** this.texts.blockBits;
    return this.base < this.texts.to;
  }

  /** Term `t`'s postings in this block in field 0 (text) or 1 (title): [from, to). */
  range(t: number, field: 0 | 1): [number, number] {
    const { segment, cursors } = this.fields[field]!;
    return blockRange(segment, this.terms[t]!.id, cursors, t, this.block);
  }

  /**
   * Marks in a bitmap every passage of this block that a term matched (in the searched scopes) and
   * adds them to `counts` (per term, the searched scopes' df is the count: see scoreTop). Documents
   * are counted as passages are visited in slot order (a document's passages are adjacent): returns
   * the last document seen, for the next block.
   */
  count(counts: MatchCounts, inQueryOrder: readonly number[], run: QueryRun, slotDocs: Uint32Array, lastDoc: number): number {
    const words = run.ws.blockBitmap(2 ** this.texts.blockBits);
    const { mask, checkScopes } = run;
    const slotScopes = run.index.slotScopes.array;
    const base = this.base;
    for (const t of inQueryOrder) {
      for (const field of [0, 1] as const) {
        const [from, to] = this.range(t, field);
        const offsets = this.fields[field]!.segment.offsets;
        for (let i = from; i < to; i++) {
          const offset = offsets[i]!;
          if (checkScopes && mask[slotScopes[base + offset]!] === 0) continue;
          words[offset >>> 5]! |= 1 << (offset & 31);
        }
      }
    }
    for (let w = 0; w < words.length; w++) {
      let word = words[w]!;
      if (word === 0) continue;
      words[w] = 0;
      while (word !== 0) {
        const low = word & -word;
        const doc = slotDocs[base + w * 32 + 31 - Math.clz32(low)]!;
        counts.total++;
        if (doc !== lastDoc) {
          counts.documents++;
          lastDoc = doc;
        }
        word ^= low;
      }
    }
    return lastDoc;
  }

  /** Term `t`'s postings in this block, per field that has some: where, their normalisers, and boost · idf. */
  private postingsOf(t: number) {
    const term = this.terms[t]!;
    const out = [];
    for (const { segment, cursors, norms, stride, title } of this.fields) {
      const [from, to] = blockRange(segment, term.id, cursors, t, this.block);
      const factor = title ? term.factorTitle * term.idfTitle : term.factorText * term.idfText;
      if (from < to) out.push({ segment, from, to, norms, stride, title, factor });
    }
    return out;
  }

  /**
   * Adds term `t`'s postings in this block into the query's state (score; base + terms matched),
   * appending newly touched slots to `touched` from `count`; returns the new count.
   */
  accumulate(t: number, state: Float64Array, base: number, touched: Uint32Array, count: number): number {
    for (const { segment, from, to, norms, stride, title, factor } of this.postingsOf(t)) {
      const { offsets } = segment;
      const blockBase = this.base;
      for (let i = from; i < to; i++) {
        const slot = blockBase + offsets[i]!;
        // A title posting adds to the score only: the same term's text posting counted the term.
        count = addValue(state, touched, count, base, slot, postingValue(segment, i, factor, norms[stride * slot]!), !title);
      }
    }
    return count;
  }

  /**
   * Adds term `t`'s value (and one more term matched) to the `count` candidates, those whose `live` is
   * `mark`: walking its postings when they are few next to the candidates, else looking each
   * candidate up (binary search).
   */
  addTo(t: number, candidates: Uint32Array, count: number, live: Uint32Array, mark: number, state: Float64Array): void {
    for (const { segment, from, to, norms, stride, title, factor } of this.postingsOf(t)) {
      const { offsets } = segment;
      const blockBase = this.base;
      const step = title ? 0 : 1;
      if (count * (Math.log2(to - from) + 2) * 4 < to - from) {
        for (let c = 0; c < count; c++) {
          const slot = candidates[c]!;
          const target = slot - blockBase;
          let [low, high] = [from, to - 1];
          while (low <= high) {
            const middle = (low + high) >>> 1;
            const offset = offsets[middle]!;
            if (offset === target) {
              state[3 * slot + 1]! += postingValue(segment, middle, factor, norms[stride * slot]!);
              state[3 * slot + 2]! += step;
              break;
            }
            if (offset < target) low = middle + 1;
            else high = middle - 1;
          }
        }
      } else {
        for (let i = from; i < to; i++) {
          const slot = blockBase + offsets[i]!;
          if (live[slot] !== mark) continue;
          state[3 * slot + 1]! += postingValue(segment, i, factor, norms[stride * slot]!);
          state[3 * slot + 2]! += step;
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
  /** Terms the last scored passage matched. */
  matched = 0;
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

  /** The passage's score (the sum of its terms' values, as the collector takes it), or undefined if it matches nothing. */
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
      const titleValue = titleTf > 0 ? termValue(term.factorTitle, term.idfTitle, titleTf, titleNorm) : -1;
      let value = titleValue;
      if (textTf > 0) {
        value = termValue(term.factorText, term.idfText, textTf, textNorm);
        if (titleValue >= 0) value = titleValue + value;
      }
      score += value;
      matched++;
    }
    this.matched = matched;
    return matched === 0 ? undefined : score;
  }

  /** Frequencies of the query's terms in one slot's forward list (ids ascending, as the query's), by query position. */
  private gather(field: FieldPostings, slot: number, out: Float64Array): void {
    const { ids, order } = this;
    const last = ids[ids.length - 1]!;
    let next = 0;
    field.forEachTerm(slot, (id, tf) => {
      if (id > last) return false;
      while (ids[next]! < id) next++;
      if (ids[next] === id) out[order[next]!.position] = tf;
      return true;
    });
  }
}

/** Posting `i`'s score: factor (boost · idf) · (d + tf·(k1+1) / (tf + norm)). */
function postingValue(segment: Segment, i: number, factor: number, norm: number): number {
  let tf = segment.tfs[i]!;
  if (tf === TF_OVERFLOW) tf = segment.overflow.get(i)!;
  return scaledTermValue(factor, tf, norm);
}

/** The first block-directory entry of term `id` in a segment (or the end if it has none). */
function firstBlockEntry(segment: Segment, id: number): number {
  return id + 1 < segment.starts.length ? segment.blockStarts[id]! : 0;
}

/**
 * Postings of term `id` in block `block`, [from, to), moving the term's cursor past blocks before it
 * (blocks are visited in ascending order; asking twice for one block gives the same range).
 */
function blockRange(segment: Segment, id: number, cursors: number[], t: number, block: number): [number, number] {
  if (id + 1 >= segment.starts.length) return [0, 0];
  const last = segment.blockStarts[id + 1]!;
  let entry = cursors[t]!;
  while (entry < last && segment.blocks[entry]! < block) entry++;
  cursors[t] = entry;
  if (entry >= last || segment.blocks[entry] !== block) return [0, 0];
  return [segment.blockPositions[entry]!, entry + 1 < last ? segment.blockPositions[entry + 1]! : segment.starts[id + 1]!];
}
