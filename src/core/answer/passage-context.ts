/** A passage with its neighbours in document order, for showing a citation in context. */
export type PassageContext<P> = { before: P[]; passage: P; after: P[]; position: number; total: number };

/** The passage `passageId` of a document's passages with up to `radius` neighbours each side, or undefined. */
export function passageContext<P extends { id: string }>(passages: readonly P[], passageId: string, radius = 1): PassageContext<P> | undefined {
  const i = passages.findIndex((p) => p.id === passageId);
  const passage = passages[i];
  if (i < 0 || !passage) return undefined;
  return {
    before: passages.slice(Math.max(0, i - radius), i),
    passage,
    after: passages.slice(i + 1, i + 1 + radius),
    position: i + 1,
    total: passages.length,
  };
}
