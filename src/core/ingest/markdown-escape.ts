/**
 * Escaping for the Markdown that HTML and DOCX extraction produce: literal text must read back, through
 * a CommonMark/GFM parser, as the same plain text. Backslash escapes are valid before any ASCII
 * punctuation (CommonMark §2.4), so escaping a little too much is harmless; escaping too little turns
 * prose into emphasis, links, headings or lists.
 */

/** Characters that start inline syntax wherever they stand: escapes, code, emphasis, links, HTML, GFM cells and strikethrough. */
const INLINE_SPECIAL = /[\\`*[\]<|~_&]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A character reference such as "&amp;" or "&#38;" would be decoded by the parser. */
const ENTITY_AHEAD = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * Escapes text that sits inside a line: everything that could open inline Markdown. Pieces may be
 * concatenated, so a character whose meaning depends on an unknown neighbour is escaped.
 */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (char, at: number) => {
    if (char === '_') {
      // An underscore between two letters or digits can neither open nor close emphasis (CommonMark
      // §6.2 flanking rules), so snake_case stays readable.
      return WORD_CHAR.test(text.charAt(at - 1)) && WORD_CHAR.test(text.charAt(at + 1)) ? '_' : '\\_';
    }
    if (char === '<') {
      // Only "<" before a letter, "/", "!" or "?" can open inline HTML or an autolink (CommonMark §6.5, §6.6).
      return at === text.length - 1 || /[A-Za-z/!?]/.test(text.charAt(at + 1)) ? '\\<' : '<';
    }
    if (char === '&') {
      // At the end of the piece the next text is unknown (linkedom splits text nodes at entities).
      return at === text.length - 1 || ENTITY_AHEAD.test(text.slice(at, at + 40)) ? '\\&' : '&';
    }
    return `\\${char}`;
  });
}

/**
 * Escapes what would make a line, already escaped with escapeInline and trimmed, start a block: an ATX
 * heading, a block quote, a list item, a thematic break, a setext underline or a table delimiter row
 * (the last two would turn the line above into a heading or a table).
 */
export function escapeLineStart(line: string): string {
  if (/^#{1,6}(?:[ \t]|$)/.test(line) || line.startsWith('>')) {
    return `\\${line}`;
  }
  // "-", "+" then a space start a list item; a line of "-" (or "=") under a paragraph line makes it a
  // setext heading; a line of "-" and ":" (":---", "---:") is a GFM table delimiter row.
  if (/^[-+](?:[ \t]|$)/.test(line) || /^=[= \t]*$/.test(line) || (/^[-:][-: \t]*$/.test(line) && line.includes('-'))) {
    return `\\${line}`;
  }
  const ordered = /^(\d{1,9})([.)])(?:[ \t]|$)/.exec(line);
  if (ordered) {
    return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  }
  return line;
}

/** Heading text on one line; trailing "#"s are escaped so they are not read as a closing sequence. */
export function escapeHeadingEnd(text: string): string {
  // A loop, not /#+$/: that regex retries from every "#" of a long run, which is quadratic.
  let start = text.length;
  while (start > 0 && text.charCodeAt(start - 1) === 0x23 /* # */) start -= 1;
  return text.slice(0, start) + '\\#'.repeat(text.length - start);
}

/**
 * A fenced code block whose fence is longer than any run of backticks inside the code, so nothing in
 * the code can close it. The language becomes the info string, kept to characters an info string may
 * hold.
 */
export function fencedCode(code: string, language?: string): string {
  let longest = 0;
  for (const run of code.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const info = (language ?? '').replace(/[^\w#+.-]/g, '');
  return `${fence}${info}\n${code}\n${fence}`;
}

/** Text on one line with runs of spaces collapsed (headings and table cells hold one line). */
export function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
    .replace(/ {2,}/g, ' ');
}

/** Inline Markdown as paragraph lines: spaces collapsed, lines trimmed, empty lines dropped, block starts escaped. */
export function paragraphLines(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeLineStart(line.replace(/ {2,}/g, ' ').trim()))
    .filter((line) => line !== '')
    .join('\n');
}
