import { type PassageSegment, passageSegments } from '../../core/index.js';
import { fitHead, quotePassage, type Quotable } from './quote-passage.js';

const ELLIPSIS = '…';
/** Bidirectional controls: dropped in code too, so code cannot reverse the text after it. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * A passage for an embed, at most `maxChars`: its prose quoted (`> `, highlight in bold, see
 * quotePassage) and its code as fenced code blocks with their line breaks. The part holding the
 * highlight comes first in the budget, then the parts nearest it; a part left out shows as "…".
 * Passages without code read exactly as quotePassage renders them.
 */
export function quoteBody(citation: Quotable, maxChars: number): string {
  const { text } = citation;
  const segments = passageSegments(text).filter((s) => text.slice(s.start, s.end).trim() !== '');
  if (!segments.some((s) => s.kind === 'code')) return `> ${quotePassage(citation, maxChars)}`;
  const home = Math.max(0, segments.findIndex((s) => citation.highlightStart >= s.start && citation.highlightStart < s.end));
  const rendered = new Map<number, string>();
  let room = maxChars;
  // Nearest first: the highlight's own part, then alternately the parts after and before it.
  for (const i of byDistance(home, segments.length)) {
    const budget = room - (rendered.size > 0 ? 2 : 0) - ELLIPSIS.length - 2;
    if (budget < 40) break;
    const part = renderSegment(text, segments[i]!, i === home ? citation : undefined, Math.min(budget, i === home ? budget : Math.floor(budget * 0.6)));
    if (part === '') continue;
    rendered.set(i, part);
    room -= part.length + 2;
  }
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const part = rendered.get(i);
    if (part !== undefined) parts.push(part);
    else if (parts[parts.length - 1] !== ELLIPSIS) parts.push(ELLIPSIS);
  }
  return parts.join('\n');
}

function* byDistance(home: number, count: number): Generator<number> {
  yield home;
  for (let d = 1; d < count; d++) {
    if (home + d < count) yield home + d;
    if (home - d >= 0) yield home - d;
  }
}

function renderSegment(text: string, segment: PassageSegment, highlight: Quotable | undefined, budget: number): string {
  if (segment.kind === 'code') return codeBlock(text.slice(segment.codeStart, segment.codeEnd), segment.lang, budget);
  const raw = text.slice(segment.start, segment.end);
  const prose = raw.trim();
  if (highlight) {
    const lead = raw.length - raw.trimStart().length;
    const quoted = quotePassage({ text: prose, highlight: highlight.highlight, highlightStart: highlight.highlightStart - segment.start - lead }, budget - 2);
    return `> ${quoted}`;
  }
  const head = fitHead(prose, budget - 2);
  return head === '' || head === ELLIPSIS ? '' : `> ${head}`;
}

/**
 * Code as a fenced block, whole lines only, within `budget`. A run of three backticks inside would end
 * the block early, so a zero-width space breaks it up (the code reads the same).
 */
function codeBlock(code: string, lang: string, budget: number): string {
  const safeLang = /^[\w+#.-]{1,20}$/.test(lang) ? lang : '';
  const open = `\`\`\`${safeLang}\n`;
  const close = '\n```';
  const lines = code.replace(BIDI_CONTROLS, '').replace(/```/g, '`\u200b``').split('\n');
  const kept: string[] = [];
  let size = open.length + close.length;
  for (const line of lines) {
    const cost = line.length + (kept.length > 0 ? 1 : 0);
    if (size + cost > budget - 2) {
      if (kept.length === 0) return '';
      kept.push(ELLIPSIS);
      break;
    }
    kept.push(line);
    size += cost;
  }
  return `${open}${kept.join('\n')}${close}`;
}
