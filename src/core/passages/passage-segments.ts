/**
 * A passage's text in its parts: prose, and code blocks. Markdown passages carry code as a fenced
 * block on lines of their own ("```lang", the code, "```"; see split-markdown-passages), which every
 * reader of passage text must tell apart: highlights never fall on code fences, and renderers show
 * code as code, never flattened onto one line.
 */
export type PassageSegment =
  | { kind: 'prose'; start: number; end: number }
  /** `start`/`end` span the whole block, fences included; `codeStart`/`codeEnd` the code alone. */
  | { kind: 'code'; start: number; end: number; codeStart: number; codeEnd: number; lang: string };

const FENCE = '```';

/** Splits passage text into prose and fenced code blocks, in order, covering the whole text. */
export function passageSegments(text: string): PassageSegment[] {
  const segments: PassageSegment[] = [];
  let proseStart = 0;
  let at = 0;
  while (at < text.length) {
    const open = lineStartingWith(text, FENCE, at);
    if (open < 0) break;
    const openEnd = lineEnd(text, open);
    const fence = text.slice(open, openEnd).match(/^`{3,}/)![0];
    const close = closingFence(text, fence, openEnd + 1);
    const blockEnd = close < 0 ? text.length : lineEnd(text, close);
    if (open > proseStart) segments.push({ kind: 'prose', start: proseStart, end: open });
    const codeStart = Math.min(openEnd + 1, text.length);
    const codeEnd = close < 0 ? text.length : Math.max(codeStart, close - 1);
    segments.push({ kind: 'code', start: open, end: blockEnd, codeStart, codeEnd, lang: text.slice(open + fence.length, openEnd).trim().split(/\s/)[0] ?? '' });
    proseStart = at = Math.min(blockEnd + 1, text.length);
  }
  if (proseStart < text.length) segments.push({ kind: 'prose', start: proseStart, end: text.length });
  return segments;
}

/** The start of the first line at or after `from` that begins with `prefix`, or -1. */
function lineStartingWith(text: string, prefix: string, from: number): number {
  for (let i = from; i < text.length; ) {
    if (text.startsWith(prefix, i)) return i;
    const next = text.indexOf('\n', i);
    if (next < 0) return -1;
    i = next + 1;
  }
  return -1;
}

function closingFence(text: string, fence: string, from: number): number {
  for (let i = lineStartingWith(text, fence, from); i >= 0; i = lineStartingWith(text, fence, lineEnd(text, i) + 1)) {
    if (text.slice(i, lineEnd(text, i)).trim() === fence) return i;
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
