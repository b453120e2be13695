import { CompactIndex, type CompactArrays } from './compact-index.js';

/**
 * The compact index's persisted state, copied (a snapshot is written while the index keeps changing):
 * every slot live, the base segment covering all of them. An index with removed passages is first
 * compacted (`compactedIndex`).
 */
export function compactArrays(index: CompactIndex): CompactArrays {
  if (index.liveCount !== index.slotCount) return compactArrays(compactedIndex(index));
  const base = index.baseSegments();
  return {
    terms: [...index.terms.all()],
    scopes: index.scopes.all(),
    keys: index.keys.copy(),
    slotScopes: index.slotScopes.copy(),
    slotDocs: index.slotDocs.copy(),
    title: index.title.arrays(base.title),
    text: index.text.arrays(base.text),
  };
}

/**
 * A copy of the index without its removed passages and the terms only they used: live slots renumbered
 * 0..n−1 in the same order (so ties still break by passage key), documents renumbered in slot order (a
 * document's passages are consecutive slots), term ids kept in the same order.
 */
export function compactedIndex(index: CompactIndex): CompactIndex {
  const scopes = index.slotScopes.array;
  const liveSlots = new Uint32Array(index.liveCount);
  let n = 0;
  for (let slot = 0; slot < index.slotCount; slot++) if (scopes[slot] !== 0) liveSlots[n++] = slot;
  const termMap = new Int32Array(index.terms.size).fill(-1);
  const kept: string[] = [];
  for (let id = 0; id < index.terms.size; id++) {
    if ((index.text.df.array[id] ?? 0) > 0 || (index.title.df.array[id] ?? 0) > 0) termMap[id] = kept.push(index.terms.term(id)) - 1;
  }
  const slotDocs = new Uint32Array(n);
  let [previous, ordinal] = [-1, -1];
  for (let i = 0; i < n; i++) {
    const doc = index.slotDocs.array[liveSlots[i]!]!;
    if (doc !== previous) [previous, ordinal] = [doc, ordinal + 1];
    slotDocs[i] = ordinal;
  }
  const arrays: CompactArrays = {
    terms: kept,
    scopes: index.scopes.all(),
    keys: liveSlots.map((slot) => index.keys.array[slot]!),
    slotScopes: liveSlots.map((slot) => scopes[slot]!),
    slotDocs,
    title: index.title.compacted(liveSlots, termMap),
    text: index.text.compacted(liveSlots, termMap),
  };
  return new CompactIndex(arrays, { blockBits: index.blockBits });
}
