import type { AddRequest } from '../../src/core/knowledge/add-input.js';
import type { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';

/** Race document `i`: its own file name (so no add replaces another) and its own marker word. */
export function raceDocument(i: number): AddRequest {
  const text = `Race document ${i} carries the marker word racemarker${i} and nothing else of note.`;
  return { scope: 'global', input: { kind: 'file', name: `race-${i}.txt`, bytes: new TextEncoder().encode(text) }, title: `Race ${i}`, addedBy: 'race' };
}

/** The ids of race documents 0 … count − 1 that `kb` cannot find by their marker word. */
export function missingRaceDocuments(kb: KnowledgeBase, count: number): string[] {
  const missing: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = kb.ask(`racemarker${i}`);
    if (answer.kind !== 'answer' || answer.results[0]?.docId !== `race-${i}`) missing.push(`race-${i}`);
  }
  return missing;
}
