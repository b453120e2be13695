/** "paragraph 4, lines 12–18" / "paragraphs 3–4, lines 9–20" / "paragraph 2, line 7". */
export function formatLocation(p: { paragraphStart: number; paragraphEnd: number; lineStart: number; lineEnd: number }): string {
  const paragraphs =
    p.paragraphStart === p.paragraphEnd ? `paragraph ${p.paragraphStart}` : `paragraphs ${p.paragraphStart}–${p.paragraphEnd}`;
  const lines = p.lineStart === p.lineEnd ? `line ${p.lineStart}` : `lines ${p.lineStart}–${p.lineEnd}`;
  return `${paragraphs}, ${lines}`;
}
