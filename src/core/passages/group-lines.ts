/**
 * Line structure of a plain-text document: which lines belong to the same paragraph.
 *
 * Shared by the boilerplate detector (which classifies whole paragraphs, so that the short last line of
 * a hard-wrapped paragraph is never judged on its own) and the passage splitter (which cites them), so
 * both agree on what "a paragraph" is.
 *
 * Two layouts occur in scraped text and must both work without a flag:
 * - hard-wrapped (e-mail, cables, RFCs): a paragraph is several ~70-char lines continuing one another;
 * - one paragraph per line (most web-page scrapes): each line is a complete unit, blank lines optional.
 * So the decision is made per line boundary ("is line i+1 a continuation of line i?"), not per file.
 */

/** A run of lines forming one paragraph candidate; 0-based inclusive line indexes. */
export interface LineGroup {
  start: number;
  end: number;
  /** A decoration line such as "-------" (no words; acts as a separator, never as content). */
  rule: boolean;
}

/** Splits like editors count lines (CRLF, CR or LF), so 1-based citations match what a reader sees. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function isBlankLine(line: string): boolean {
  return /^\s*$/u.test(line);
}

/** Horizontal rules and dashed section underlines: at least 3 decoration characters and nothing else. */
export function isRuleLine(line: string): boolean {
  return /^\s*(?:[-=_*~#+.·•]\s*){3,}$/u.test(line);
}

/** Ends like a sentence (terminal punctuation, optionally followed by closing quotes or brackets). */
export function endsSentence(text: string): boolean {
  return /[.!?…]["'”’»)\]]*\s*$/u.test(text);
}

/** List items start a new unit even when the previous line looks unfinished ("• ", "- ", "3) ", "(a) "). */
function startsListItem(line: string): boolean {
  return /^\s*(?:[•▪◦·*–—-]|\d{1,3}[.)]|\((?:[a-z]|[ivx]{1,4}|\d{1,3})\))\s+/u.test(line);
}

function startsLowercase(line: string): boolean {
  return /^\s*[("'“‘]?\p{Ll}/u.test(line);
}

function firstWordLength(line: string): number {
  return line.trim().split(/\s+/u)[0]?.length ?? 0;
}

/** No sensible hard wrap is wider than this; longer lines are unwrapped paragraphs. */
const MAX_WRAP_WIDTH = 120;

/**
 * Estimates the wrap width of a hard-wrapped document from lines that certainly continue on the next
 * line (unfinished sentence, next line lowercase). Returns undefined for documents that are not
 * hard-wrapped, so that one-paragraph-per-line text is never glued together on length alone.
 */
function estimateWrapWidth(lines: string[]): number | undefined {
  const widths: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (isBlankLine(line) || isBlankLine(next) || isRuleLine(next)) continue;
    const width = line.trimEnd().length;
    if (width <= MAX_WRAP_WIDTH && !endsSentence(line) && startsLowercase(next)) widths.push(width);
  }
  if (widths.length < 3) return undefined;
  widths.sort((a, b) => a - b);
  // 90th percentile: robust to the odd short line that happens to continue lowercase.
  const width = widths[Math.floor(widths.length * 0.9)] ?? widths[widths.length - 1] ?? 0;
  return width >= 30 ? width : undefined;
}

/**
 * True when `next` continues the paragraph of `line`: either the sentence visibly runs on (no terminal
 * punctuation and a lowercase start), or the document is hard-wrapped and `line` is "full" (the next
 * word would not have fitted on it, which is exactly when a wrapping editor breaks a line).
 */
function continues(line: string, next: string, wrapWidth: number | undefined): boolean {
  if (startsListItem(next)) return false;
  if (!endsSentence(line) && startsLowercase(next)) return true;
  if (wrapWidth === undefined) return false;
  const width = line.trimEnd().length;
  return width <= MAX_WRAP_WIDTH && width + 1 + firstWordLength(next) > wrapWidth;
}

/**
 * Groups non-blank lines into paragraph candidates, in document order. Blank lines belong to none.
 *
 * In a hard-wrapped document a blank-line block whose boundaries are mostly continuations is one
 * paragraph even where a line happens to end a sentence near the margin ("…pirated goods. " then
 * "RusBrand, a …"): wrapping tools break wherever the margin falls. Only a list item or a clearly short
 * line (a heading, or the end of a paragraph) still starts a new paragraph inside such a block.
 */
export function groupLines(lines: string[]): LineGroup[] {
  const wrapWidth = estimateWrapWidth(lines);
  const groups: LineGroup[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlankLine(line)) {
      i++;
      continue;
    }
    if (isRuleLine(line)) {
      groups.push({ start: i, end: i, rule: true });
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < lines.length && !isBlankLine(lines[end + 1] ?? '') && !isRuleLine(lines[end + 1] ?? '')) end++;
    // Appended in place: spreading a block of 125,000 one-line groups into push() overflowed the stack.
    groupBlock(lines, i, end, wrapWidth, groups);
    i = end + 1;
  }
  return groups;
}

/** Splits one block of consecutive non-blank lines [start, end] into paragraph candidates, appended to `groups`. */
function groupBlock(lines: string[], start: number, end: number, wrapWidth: number | undefined, groups: LineGroup[]): void {
  const boundaries = end - start;
  const joins: boolean[] = [];
  for (let i = start; i < end; i++) joins.push(continues(lines[i] ?? '', lines[i + 1] ?? '', wrapWidth));
  const mostlyWrapped = wrapWidth !== undefined && boundaries > 0 && joins.filter(Boolean).length * 2 > boundaries;
  if (mostlyWrapped) {
    for (let k = 0; k < joins.length; k++) {
      const line = lines[start + k] ?? '';
      const next = lines[start + k + 1] ?? '';
      const short = line.trimEnd().length < wrapWidth * 0.6;
      joins[k] = joins[k] === true || (!startsListItem(next) && !short);
    }
  }
  let current: LineGroup = { start, end: start, rule: false };
  groups.push(current);
  for (let k = 0; k < joins.length; k++) {
    if (joins[k]) current.end = start + k + 1;
    else {
      current = { start: start + k + 1, end: start + k + 1, rule: false };
      groups.push(current);
    }
  }
}

/** The group's text with line breaks and whitespace runs collapsed to single spaces (words untouched). */
export function groupText(lines: string[], group: LineGroup): string {
  return lines
    .slice(group.start, group.end + 1)
    .join(' ')
    .trim()
    .replace(/\s+/gu, ' ');
}
