import type { Hit } from '../engine/engine.js';

/**
 * At most this many of the first results quote one page. Three passages of one page leave the reader
 * no second source, and the page the question is about is often the next one down: on the nine docs
 * question sets, a third result from another page put the asked page among the first three for 5 more
 * questions of 360 (R@3 310 → 315) and the answer span for 2 more (264 → 266: four gained, two lost
 * that sat in a page's third passage). The first result is never changed.
 */
export const MAX_PER_PAGE = 2;

/** Whether more than MAX_PER_PAGE of `hits` quote one page. */
export function crowded(hits: readonly Hit[]): boolean {
  const counts = new Map<string, number>();
  for (const hit of hits) {
    const page = pageOf(hit);
    const count = (counts.get(page) ?? 0) + 1;
    if (count > MAX_PER_PAGE) return true;
    counts.set(page, count);
  }
  return false;
}

/**
 * `following` (ranked, after `first`) reordered so that the first `places` of them, with `first`,
 * quote no page more than MAX_PER_PAGE times: a passage of a page already quoted that often waits
 * until after them, in its order.
 */
export function spreadOverPages(first: Hit, following: readonly Hit[], places: number): Hit[] {
  const counts = new Map<string, number>([[pageOf(first), 1]]);
  const taken: Hit[] = [];
  const waiting: Hit[] = [];
  for (const hit of following) {
    const page = pageOf(hit);
    const count = counts.get(page) ?? 0;
    if (taken.length < places && count < MAX_PER_PAGE) {
      taken.push(hit);
      counts.set(page, count + 1);
    } else waiting.push(hit);
  }
  return taken.concat(waiting);
}

function pageOf(hit: Hit): string {
  return `${hit.passage.scope}\u0000${hit.passage.docId}`;
}
