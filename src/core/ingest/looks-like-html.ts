/** How much of the text is searched for markup: HTML shows its tags long before this. */
const SEARCH_CHARS = 64 * 1024;

/**
 * True when text looks like HTML markup: a doctype, or an opening/closing tag of an element name,
 * within its first 64 KB. Plain text or JSON named ".html" fails this.
 */
export function looksLikeHtml(text: string): boolean {
  return /<!doctype\s+html|<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i.test(text.slice(0, SEARCH_CHARS));
}
