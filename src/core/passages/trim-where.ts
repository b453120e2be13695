/**
 * Trims the characters of a class from the ends of a text in linear time: what
 * `text.replace(/^[C]+|[C]+$/gu, '')` (or, with `'end'`, `/[C]+$/u`) returns, without the regular
 * expression. V8 tries an unanchored `[C]+$` at every position of a run of C that does not reach the end
 * ("a!!!…!b", ". . . x"), rescanning the rest of the run each time: 100 KB took 20 to 30 s.
 *
 * `inClass` is asked about one code point at a time (a surrogate pair is one, as with the `u` flag).
 */
export function trimWhere(text: string, inClass: (char: string) => boolean, sides: 'both' | 'end' = 'both'): string {
  let end = text.length;
  while (end > 0) {
    const size = isPair(text, end - 2) ? 2 : 1;
    if (!inClass(text.slice(end - size, end))) break;
    end -= size;
  }
  let start = 0;
  while (sides === 'both' && start < end) {
    const size = isPair(text, start) ? 2 : 1;
    if (!inClass(text.slice(start, start + size))) break;
    start += size;
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** A membership test for one code point, from a one-character class such as `/[^\p{L}\p{N}]/u`. */
export function charClass(pattern: RegExp): (char: string) => boolean {
  return (char) => pattern.test(char);
}

/** True when a high surrogate at `i` is followed by a low one: one code point in two code units. */
function isPair(text: string, i: number): boolean {
  if (i < 0 || i + 1 >= text.length) return false;
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
