/**
 * How a PDF's pages are laid out in its extracted text, so a passage can be cited by page. Pages are
 * joined by PAGE_SEPARATOR: a form feed on a line of its own. Page N therefore starts on the line
 * after the (N-1)th form feed; the form feed's own line belongs to the page before. Lines are counted
 * by "\n" only, from 1. Page text never holds a form feed of its own (joinPages turns any into "\n").
 */
export const PAGE_SEPARATOR = '\n\f\n';

/** The pages' texts joined with PAGE_SEPARATOR; form feeds inside a page become line breaks. */
export function joinPages(pages: readonly string[]): string {
  return pages.map((page) => page.replaceAll('\f', '\n')).join(PAGE_SEPARATOR);
}

/** The pages' texts back from joinPages's output (one page, the whole text, when there is no form feed). */
export function splitPages(text: string): string[] {
  return text.split('\f').map((page, index, all) => {
    const start = index > 0 && page.startsWith('\n') ? 1 : 0;
    const end = index < all.length - 1 && page.endsWith('\n') ? page.length - 1 : page.length;
    return page.slice(start, Math.max(start, end));
  });
}

/**
 * The 1-based line on which each page starts: [1, ...] for paged text, [] when the text holds no form
 * feed (it is not a PDF's, or has one page). A page starts on the line of the first character after a
 * form feed, or on the next line when the form feed ends its line.
 */
export function pageStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  for (let at = 0; at < text.length; at += 1) {
    const char = text.charCodeAt(at);
    if (char === 0x0a /* \n */) line += 1;
    else if (char === 0x0c /* \f */) starts.push(text.charCodeAt(at + 1) === 0x0a ? line + 1 : line);
  }
  return starts.length === 0 ? [] : [1, ...starts];
}

/** The 1-based page a 1-based line is on, given pageStartLines's result; undefined for unpaged text. */
export function pageAtLine(starts: readonly number[], line: number): number | undefined {
  if (starts.length === 0) return undefined;
  // Binary search for the last start at or before the line.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= line) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
