import type { CompactIndex, SearchStatistics } from '../postings/compact-index.js';
import { forEachPosting, TF_OVERFLOW, type Segment } from '../postings/segment.js';
import { idf, lengthNormalizer, prefixWeight, termFactor, termValue, TEXT_BOOST, TITLE_BOOST } from '../scoring.js';
import type { BestCollector } from './collect-best.js';
import type { ScoringWorkspace } from './scoring-workspace.js';

export type Expansion = { id: number; weight: number };

/**
 * One query's accumulation into the index's workspace: per passage its score so far and how many
 * distinct query terms it matched, and the list of passages touched. BM25's statistics (N, df, average
 * lengths) are those of the searched scopes (`stats`, see CompactIndex.statistics).
 */
export class QueryRun {
  readonly sources = new Map<number, number[]>();
  touched = 0;
  readonly mask: Uint8Array;
  readonly checkScopes: boolean;
  readonly normTitle: Float64Array;
  readonly ws: ScoringWorkspace;
  /** This query's stamp (see ScoringWorkspace.nextQuery). */
  readonly base: number;
  /** In-scope postings the last `addPostings` added (its second result). */
  lastMatched = 0;
  private readonly slotScopes: Uint32Array;
  private readonly segments: { title: Segment[]; text: Segment[] };

  constructor(
    readonly index: CompactIndex,
    readonly stats: SearchStatistics,
    scratch: ScoringWorkspace,
  ) {
    this.mask = stats.mask;
    this.checkScopes = !index.searchesEverything(this.mask);
    this.slotScopes = index.slotScopes.array;
    this.segments = index.segments();
    this.ws = scratch;
    this.ws.fit(index.slotCount, index.documentOrdinals);
    this.normTitle = this.ws.titleNorms(index.title.lengths.array, index.title.slotCount, stats.title.average);
    // The text normalisers live in the interleaved state, next to the score they feed.
    const average = stats.text.average;
    const lengths = index.text.lengths.array;
    this.ws.prepareNorms(index.slotCount, average, (slot) => lengthNormalizer(lengths[slot]!, average));
    this.base = this.ws.nextQuery();
  }

  /**
   * The term itself (weight 1) and, for a prefix term, every longer indexed term it starts (minisearch's
   * prefix weight); only terms the searched scopes use (the others match nothing here).
   */
  expansions(term: string, prefix: boolean): Expansion[] {
    const out: Expansion[] = [];
    const id = this.index.terms.idOf(term);
    if (id !== undefined && this.searches(id)) out.push({ id, weight: 1 });
    if (!prefix) return out;
    for (const derived of this.index.terms.extensions(term)) {
      if (!this.searches(derived)) continue;
      const length = this.index.terms.term(derived).length;
      out.push({ id: derived, weight: prefixWeight(length, term.length) });
    }
    return out;
  }

  addSource(id: number, queryIndex: number): void {
    const list = this.sources.get(id);
    if (list) list.push(queryIndex);
    else this.sources.set(id, [queryIndex]);
  }

  /**
   * Whether some passage of the searched scopes has term `id`: a term only other scopes use is left out
   * of the query (it would add nothing, but its postings would be walked and its bound would weigh).
   */
  searches(id: number): boolean {
    return this.stats.text.df(id) > 0 || this.stats.title.df(id) > 0;
  }

  /** The term's IDF in a field, over the searched scopes. */
  idf(field: 'title' | 'text', id: number): number {
    return idf(this.stats.n, this.stats[field].df(id));
  }

  /**
   * Exact terms (a query without prefix terms), in query order; returns each term's new matches.
   * minisearch adds a passage's title score, then its text score, into the term's score before adding
   * that to the passage's total; so each term's title postings are walked alongside its text postings
   * and a passage gets title + text in one step. Slots are visited a block at a time, every term's
   * postings of one block before the next block: the block's state stays in the CPU cache while all
   * terms update it, each passage still receives its terms in query order, and the finished block goes
   * to `collector` while still cached. This is where a question's time goes: the inner loop is
   * `addPostings`, on local typed arrays.
   */
  addExactTerms(terms: ReadonlyArray<{ expansion: Expansion | undefined; boost: number; counted: boolean }>, collector?: BestCollector): number[] {
    const matches = terms.map(() => 0);
    const prepared = terms.map(({ expansion, boost }) =>
      expansion
        ? {
            id: expansion.id,
            idfTitle: this.idf('title', expansion.id),
            idfText: this.idf('text', expansion.id),
            factorTitle: termFactor(1, boost, TITLE_BOOST),
            factorText: termFactor(1, boost, TEXT_BOOST),
          }
        : undefined,
    );
    for (let s = 0; s < this.segments.text.length; s++) {
      const titles = this.segments.title[s]!;
      const texts = this.segments.text[s]!;
      // Per term, the next entry of its block directory in each field.
      const titleCursor = prepared.map((p) => (p && p.id + 1 < titles.starts.length ? titles.blockStarts[p.id]! : 0));
      const textCursor = prepared.map((p) => (p && p.id + 1 < texts.starts.length ? texts.blockStarts[p.id]! : 0));
      const blockSize = 2 ** texts.blockBits;
      for (let block = 0; texts.from + block * blockSize < texts.to; block++) {
        const blockBase = texts.from + block * blockSize;
        const touchedBefore = this.touched;
        for (let t = 0; t < prepared.length; t++) {
          const p = prepared[t];
          if (!p) continue;
          const counted = terms[t]!.counted;
          const [titleFrom, titleTo] = blockRange(titles, p.id, titleCursor, t, block);
          const [textFrom, textTo] = blockRange(texts, p.id, textCursor, t, block);
          const before = this.touched;
          this.touched = addPostings(this, texts, textFrom, textTo, titles, titleFrom, titleTo, blockBase, p, counted);
          matches[t]! += counted ? this.lastMatched : this.touched - before;
        }
        collector?.collect(blockBase, Math.min(blockBase + blockSize, texts.to), touchedBefore, this.touched);
      }
    }
    return matches;
  }

  /**
   * A prefix term: the term's own postings and those of every term it starts are summed per passage
   * first (title then text, term by term, as minisearch does), then added as one term.
   */
  addPrefixTerm(expansions: readonly Expansion[], boost: number, counted: boolean): number {
    const { termScore, termStamp, termTouched, state } = this.ws;
    const term = this.ws.nextTerm();
    let found = 0;
    for (const { id, weight } of expansions) {
      for (const [field, segments, fieldBoost] of [
        ['title', this.segments.title, TITLE_BOOST],
        ['text', this.segments.text, TEXT_BOOST],
      ] as const) {
        // A term only other scopes use adds nothing here (and its df here is 0).
        if (this.stats[field].df(id) === 0) continue;
        const termIdf = this.idf(field, id);
        const factor = termFactor(weight, boost, fieldBoost);
        for (const segment of segments) {
          forEachPosting(segment, id, (slot, tf) => {
            if (this.checkScopes && this.mask[this.slotScopes[slot]!] === 0) return;
            const norm = field === 'title' ? this.normTitle[slot]! : state[3 * slot]!;
            const value = termValue(factor, termIdf, tf, norm);
            if (termStamp[slot] !== term) {
              termStamp[slot] = term;
              termScore[slot] = value;
              termTouched[found++] = slot;
            } else termScore[slot]! += value;
          });
        }
      }
    }
    let matches = 0;
    for (let i = 0; i < found; i++) matches += this.accumulate(termTouched[i]!, termScore[termTouched[i]!]!, counted);
    return matches;
  }

  /** Adds one term's score to a passage; returns 1 if the passage newly matched the term. */
  private accumulate(slot: number, value: number, counted: boolean): number {
    const { state, touched } = this.ws;
    const at = 3 * slot;
    const meta = state[at + 2]!;
    if (meta < this.base) {
      state[at + 1] = value;
      state[at + 2] = this.base + 1;
      touched[this.touched++] = slot;
      return 1;
    }
    state[at + 1]! += value;
    if (!counted) return 0;
    state[at + 2] = meta + 1;
    return 1;
  }
}

/**
 * Adds one term's postings in one block into the query's state, text postings [textFrom, textTo)
 * with the title postings [titleFrom, titleTo) walked alongside (both ascend by slot; minisearch adds
 * a passage's title score to its text score before adding the term to the passage, so a title value
 * joins its text value first). Returns the new touched count; `run.lastMatched` holds how many in-scope
 * postings it added. A plain function on locals, so that the optimiser compiles the hot loop alone.
 */
export function addPostings(
  run: QueryRun,
  texts: Segment,
  textFrom: number,
  textTo: number,
  titles: Segment,
  titleFrom: number,
  titleTo: number,
  blockBase: number,
  p: { factorTitle: number; idfTitle: number; factorText: number; idfText: number },
  counted: boolean,
): number {
  const { mask, checkScopes, base, normTitle } = run;
  const slotScopes = run.index.slotScopes.array;
  const { state, touched } = run.ws;
  let count = run.touched;
  const { offsets, tfs } = texts;
  const { factorText, idfText, factorTitle, idfTitle } = p;
  const titleOffsets = titles.offsets;
  const titleTfs = titles.tfs;
  let inScope = 0;
  let ti = titleFrom;
  let titleSlot = ti < titleTo ? blockBase + titleOffsets[ti]! : Infinity;
  for (let i = textFrom; i <= textTo; i++) {
    // i === textTo is a sentinel pass that flushes title postings after the last text posting.
    const slot = i < textTo ? blockBase + offsets[i]! : Infinity;
    let titleValue = -1;
    while (titleSlot <= slot) {
      let tf = titleTfs[ti]!;
      if (tf === TF_OVERFLOW) tf = titles.overflow.get(ti)!;
      const value = termValue(factorTitle, idfTitle, tf, normTitle[titleSlot]!);
      const here = titleSlot;
      titleSlot = ++ti < titleTo ? blockBase + titleOffsets[ti]! : Infinity;
      if (here === slot) {
        titleValue = value;
        break;
      }
      // A title term is always in the text field too (the text starts with the title), so a title
      // posting without a text posting does not happen; handled for safety all the same.
      if (checkScopes && mask[slotScopes[here]!] === 0) continue;
      inScope++;
      count = addValue(state, touched, count, base, here, value, counted);
    }
    if (i === textTo) break;
    if (checkScopes && mask[slotScopes[slot]!] === 0) continue;
    inScope++;
    let tf = tfs[i]!;
    if (tf === TF_OVERFLOW) tf = texts.overflow.get(i)!;
    let value = termValue(factorText, idfText, tf, state[3 * slot]!);
    if (titleValue >= 0) value = titleValue + value;
    count = addValue(state, touched, count, base, slot, value, counted);
  }
  run.lastMatched = inScope;
  return count;
}

/**
 * One value into a slot's state: on the query's first touch it is set, counted as one term matched
 * and the slot appended to `touched`; after that it is added, and counted if `counted`. Returns the
 * touched count.
 */
export function addValue(state: Float64Array, touched: Uint32Array, count: number, base: number, slot: number, value: number, counted: boolean): number {
  const at = 3 * slot;
  const meta = state[at + 2]!;
  if (meta < base) {
    state[at + 1] = value;
    state[at + 2] = base + 1;
    touched[count++] = slot;
  } else {
    state[at + 1]! += value;
    if (counted) state[at + 2] = meta + 1;
  }
  return count;
}

/**
 * The postings of term `id` in block `block` of a segment, [from, to), advancing the term's directory
 * cursor (blocks are visited in ascending order).
 */
function blockRange(segment: Segment, id: number, cursors: number[], t: number, block: number): [number, number] {
  if (id + 1 >= segment.starts.length) return [0, 0];
  const entry = cursors[t]!;
  const last = segment.blockStarts[id + 1]!;
  if (entry >= last || segment.blocks[entry] !== block) return [0, 0];
  cursors[t] = entry + 1;
  return [segment.blockPositions[entry]!, entry + 1 < last ? segment.blockPositions[entry + 1]! : segment.starts[id + 1]!];
}
