/** How many words of the highlight name it in the link; longer highlights use "start,end" (4 + 4 words). */
const WHOLE_HIGHLIGHT_WORDS = 8;
const EDGE_WORDS = 4;

/**
 * A link that scrolls to the cited sentence in browsers that support text fragments
 * (https://wicg.github.io/scroll-to-text-fragment/): `url#:~:text=start,end`. Browsers without support
 * open the page at the top. Parentheses are percent-encoded so the URL can sit in a markdown link.
 */
export function textFragmentUrl(url: string, highlight: string): string {
  const words = highlight.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const base = url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  if (words.length === 0) return base;
  const directive =
    words.length <= WHOLE_HIGHLIGHT_WORDS
      ? encodeFragmentText(words.join(' '))
      : `${encodeFragmentText(words.slice(0, EDGE_WORDS).join(' '))},${encodeFragmentText(words.slice(-EDGE_WORDS).join(' '))}`;
  // A URL that already has a fragment keeps it; the directive follows it (`#section:~:text=`).
  return `${base.includes('#') ? base : `${base}#`}:~:text=${directive}`;
}

/** Percent-encoding for a text directive: `-`, `,` and `&` are its syntax, and () would end a markdown link. */
function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/[-!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
