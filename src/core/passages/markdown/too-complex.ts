/**
 * A cheap line scan that tells when Markdown is too costly to parse, so that hostile or generated
 * input is read as plain paragraphs instead (see readPlainMarkdown).
 *
 * - Nesting: micromark re-checks every open container (quote, list item) on each line, so N levels over
 *   N lines cost N²; 64 levels is far beyond any document written by hand.
 * - Paragraph size: micromark resolves emphasis, code spans and links over a whole paragraph, which is
 *   superlinear (measured: 200 KB of `*em*` in one paragraph takes 6 s, 50 KB 0.7 s); 20,000 characters
 *   of prose without a blank line is not a paragraph anyone writes. Lines inside code fences and table
 *   rows (lines opening with "|", parsed cell by cell) are not counted, and a list item or a heading
 *   starts a new count.
 * - Size: about 1 µs per character even for plain text (3 µs where it is dense with markup), so beyond
 *   1.5 MB one document would take more than a few seconds (it is cut in a worker, under a timeout).
 */
export const MAX_NESTING = 64;
export const MAX_PARAGRAPH_CHARS = 20_000;
export const MAX_MARKDOWN_CHARS = 1_500_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
/** A list item's marker or a heading's, opening a line. */
const OPENS_BLOCK = /^(?:[-*+]|\d{1,9}[.)]|#{1,6})(?:[ \t]|$)/u;

export function tooComplexToParse(markdown: string): boolean {
  if (markdown.length > MAX_MARKDOWN_CHARS) return true;
  let fence: string | undefined;
  let run = 0;
  for (const line of markdown.split(/\r\n|\r|\n/u)) {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      run = 0;
      continue;
    }
    const trimmed = line.trimStart();
    // A list item or a heading opens a block of its own, resolved on its own: a changelog's thousand
    // one-line items with no blank line between them (FastAPI's release notes, 25 KB) are no paragraph.
    if (trimmed === '' || trimmed.startsWith('|')) run = 0;
    else run = (OPENS_BLOCK.test(trimmed) ? 0 : run) + line.length + 1;
    if (run > MAX_PARAGRAPH_CHARS || nesting(line) > MAX_NESTING) return true;
  }
  return false;
}

/** Container depth a line opens: quote markers, list markers, and indentation before them (2 per level). */
function nesting(line: string): number {
  let depth = 0;
  let indent = 0;
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === ' ') indent += 1;
    else if (char === '\t') indent += 4;
    else if (char === '>') depth += 1;
    else if ((char === '-' || char === '*' || char === '+') && /[ \t]/u.test(line[i + 1] ?? '')) depth += 1;
    else break;
    i++;
  }
  return depth === 0 ? 0 : depth + Math.floor(indent / 2);
}
