import { escapeText } from './escape-text.js';

/** The part of a citation a quote needs: the passage and where its highlight sits in it. */
export type Quotable = { text: string; highlight: string; highlightStart: number };

const ELLIPSIS = '…';

/**
 * A passage as one line of Discord markdown, escaped, with its highlight in bold, at most `maxChars`
 * long (measured after escaping). When it does not fit, context is cut away on both sides at word
 * boundaries, around the highlight and never through it; only a highlight longer than the whole budget
 * is itself shortened (then from its end, the bold kept closed).
 */
export function quotePassage(citation: Quotable, maxChars: number): string {
  const { text } = citation;
  let start = clampIndex(citation.highlightStart, text);
  let end = clampIndex(start + citation.highlight.length, text);
  if (text.slice(start, end) !== citation.highlight) {
    const found = text.indexOf(citation.highlight);
    if (found >= 0) [start, end] = [found, found + citation.highlight.length];
  }
  // Emphasis markers must touch the words they wrap, so edge spaces move outside the bold.
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const before = text.slice(0, start);
  const after = text.slice(end);
  const highlight = text.slice(start, end);
  if (highlight === '') return fitHead(text, maxChars);

  let bold = `**${escapeText(highlight)}**`;
  if (bold.length > maxChars) bold = `**${fitHead(highlight, maxChars - 4)}**`;
  let room = maxChars - bold.length;
  // A third of the room before the highlight (the reader needs the lead-in less than what follows);
  // whatever one side does not use goes to the other.
  const beforeEscaped = escapeText(before);
  const beforeShare = Math.min(beforeEscaped.length, Math.floor(room / 3));
  const afterCut = fitHead(after, room - beforeShare, false);
  // Text cut away entirely still shows that something follows.
  const afterText = afterCut === ELLIPSIS && room - beforeShare >= 2 ? ` ${ELLIPSIS}` : afterCut;
  room -= afterText.length;
  const beforeText = fitTail(before, room);
  return beforeText + bold + afterText;
}

/**
 * The escaped start of `raw`, cut after a whole word with "…", at most `budget` characters. Only text
 * with no space to cut at (one very long token) is cut mid-word, and only when `midWord` allows it.
 */
export function fitHead(raw: string, budget: number, midWord = true): string {
  const whole = escapeText(raw);
  if (whole.length <= budget) return whole;
  let n = budget - ELLIPSIS.length;
  while (n > 0) {
    let cut = safeSlice(raw, 0, n);
    const space = cut.search(/\s\S*$/);
    if (space > 0) cut = cut.slice(0, space + 1);
    else if (!midWord) break;
    const escaped = escapeText(cut.trimEnd());
    const candidate = /[\p{L}\p{N}]/u.test(escaped) ? `${escaped}${/\s$/.test(cut) ? ' ' : ''}${ELLIPSIS}` : '';
    if (candidate === '' && space <= 0) break;
    if (candidate !== '' && candidate.length <= budget) return candidate;
    // Escaping lengthens text unevenly: shrink in proportion, and by at least one character.
    n = Math.min(n - 1, Math.floor((n * budget) / Math.max(candidate.length, budget + 1)));
  }
  return budget >= ELLIPSIS.length ? ELLIPSIS : '';
}

/** The escaped end of `raw`, starting at a whole word after "…", at most `budget` characters. */
export function fitTail(raw: string, budget: number): string {
  const whole = escapeText(raw);
  if (whole.length <= budget) return whole;
  let n = budget - ELLIPSIS.length;
  while (n > 0) {
    let cut = safeSlice(raw, raw.length - n, raw.length);
    const space = cut.search(/\s/);
    if (space < 0) break;
    cut = cut.slice(space);
    const escaped = escapeText(cut.trimStart());
    const candidate = /[\p{L}\p{N}]/u.test(escaped) ? `${ELLIPSIS} ${escaped}` : '';
    if (candidate !== '' && candidate.length <= budget) return candidate;
    n = Math.min(n - 1, Math.floor((n * budget) / Math.max(candidate.length, budget + 1)));
  }
  return budget >= ELLIPSIS.length + 1 ? `${ELLIPSIS} ` : '';
}

function clampIndex(i: number, text: string): number {
  return Math.max(0, Math.min(Number.isInteger(i) ? i : 0, text.length));
}

/** `raw.slice(from, to)` moved inward so no surrogate pair is split. */
function safeSlice(raw: string, from: number, to: number): string {
  let a = Math.max(0, from);
  let b = Math.min(raw.length, to);
  if (a > 0 && isLowSurrogate(raw.charCodeAt(a))) a++;
  if (b < raw.length && isLowSurrogate(raw.charCodeAt(b))) b--;
  return raw.slice(a, Math.max(a, b));
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
