/**
 * Quoted or user-supplied text made inert for Discord markdown, in one linear pass: emphasis, code, spoilers,
 * strike-through, masked links, and block syntax (headings, lists, quotes) at the start all show as typed.
 * Newlines and runs of spaces become single spaces, so a quote is one line under its `> ` marker and cannot
 * start a block of its own. Bare URLs and custom emoji are left whole, so they still work.
 *
 * Also made harmless for display (the stored text is untouched): bidirectional embedding, override and isolate
 * controls are dropped, so a quote cannot reverse the text after it (the citation, the buttons' meaning), and
 * runs of combining marks are cut to MAX_COMBINING_MARKS, so "zalgo" text cannot spill over neighbouring lines.
 *
 * Written by hand rather than with discord.js's `escapeMarkdown`: its look-behind regexes are quadratic in the
 * length of the text (about 100 ms for 4,000 underscores), and answers are rendered on every /ask.
 */
export function escapeText(text: string): string {
  const flat = text.replace(BIDI_CONTROLS, '').replace(EXCESS_MARKS, '$1').replace(/\s+/g, ' ');
  let out = '';
  let last = 0;
  for (const match of flat.matchAll(KEEP_WHOLE)) {
    out += escapeInline(flat.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += escapeInline(flat.slice(last));
  // Block syntax only counts at the start of a line, and escaped text is one line.
  return out.replace(BLOCK_START, '$1\\$2').replace(NUMBERED_START, '$1\\.');
}

/** Text for the label of a masked link `[label](url)`: escaped, brackets included, so the label cannot end early. */
export function escapeLinkLabel(text: string): string {
  return escapeText(text);
}

/** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Enough for real scripts (Vietnamese, Hebrew points and cantillation stack up to about four). */
const MAX_COMBINING_MARKS = 4;
const EXCESS_MARKS = new RegExp(`(\\p{M}{${MAX_COMBINING_MARKS}})\\p{M}+`, 'gu');
/** Bare links and custom emoji (`<:name:id>`): escaping inside them would break them. Both regexes are linear. */
const KEEP_WHOLE = /https?:\/\/[^\s<]+|<a?:\w{2,32}:\d{17,20}>/g;
/** Characters that open inline markdown: emphasis, underline, strike-through, code, spoilers, link labels; and `\` itself. */
const INLINE = /[\\*_~`|[\]]/g;
/** A heading, list item or block quote at the very start; a numbered item's dot. */
const BLOCK_START = /^( ?)(#|>|-|\+)/;
const NUMBERED_START = /^( ?\d+)\./;

function escapeInline(text: string): string {
  return text.replace(INLINE, '\\$&');
}
