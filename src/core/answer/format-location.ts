type Where = {
  paragraphStart: number;
  paragraphEnd: number;
  lineStart: number;
  lineEnd: number;
  section?: string | undefined;
  pageStart?: number | undefined;
  pageEnd?: number | undefined;
};

/**
 * Where a passage is, as a reader checks it: "paragraph 4, lines 12–18" / "paragraphs 3–4, lines
 * 9–20"; "page 4, lines 80–86" for a document with pages; "lines 40–52" under a section, since the
 * section names the place and Markdown blocks are not paragraphs a reader would count.
 */
export function formatLocation(p: Where): string {
  const lines = p.lineStart === p.lineEnd ? `line ${p.lineStart}` : `lines ${p.lineStart}–${p.lineEnd}`;
  if (p.pageStart !== undefined && p.pageEnd !== undefined) {
    return `${p.pageStart === p.pageEnd ? `page ${p.pageStart}` : `pages ${p.pageStart}–${p.pageEnd}`}, ${lines}`;
  }
  if (p.section !== undefined) return lines;
  const paragraphs =
    p.paragraphStart === p.paragraphEnd ? `paragraph ${p.paragraphStart}` : `paragraphs ${p.paragraphStart}–${p.paragraphEnd}`;
  return `${paragraphs}, ${lines}`;
}
