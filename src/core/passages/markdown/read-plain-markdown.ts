import type { MarkdownDocument, MarkdownMetadata, MarkdownBlock } from './markdown-document.js';
import { readFrontMatter } from './read-front-matter.js';

/** Quote and list markers opening a line: the nesting that made the document too costly, not its words. */
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])))+/u;

/**
 * The fallback for Markdown too costly to parse (see tooComplexToParse): front matter is still read,
 * and every run of non-blank lines becomes one paragraph of the lines' text, markup and all. Nothing is
 * lost and nothing is slow; only structure is given up.
 */
export function readPlainMarkdown(markdown: string): MarkdownDocument {
  const lines = markdown.split(/\r\n|\r|\n/u);
  const { metadata, bodyStart } = frontMatter(lines);
  const blocks: MarkdownBlock[] = [];
  let current: { text: string; marks: Array<{ at: number; line: number }>; start: number; end: number } | undefined;
  const flush = (): void => {
    if (!current) return;
    const unit = { text: current.text, marks: current.marks, breakAfter: 'paragraph' as const };
    blocks.push({ kind: 'paragraph', text: current.text, lineStart: current.start, lineEnd: current.end, headingPath: [], sectionIndex: 0, keepWithNext: false, units: [unit] });
    current = undefined;
  };
  for (let index = bodyStart; index < lines.length; index++) {
    const text = (lines[index] ?? '').replace(CONTAINER_MARKERS, '').replace(/\s+/gu, ' ').trim();
    const line = index + 1;
    if (text === '') {
      flush();
    } else if (!current) {
      current = { text, marks: [{ at: 0, line }], start: line, end: line };
    } else {
      current.marks.push({ at: current.text.length + 1, line });
      current.text += ` ${text}`;
      current.end = line;
    }
  }
  flush();
  return { metadata, title: metadata.title, blocks };
}

/** YAML between a first line "---" and the next "---" (or "..."), the way the front matter extension reads it. */
function frontMatter(lines: readonly string[]): { metadata: MarkdownMetadata; bodyStart: number } {
  if (lines[0] !== '---') return { metadata: {}, bodyStart: 0 };
  const end = lines.findIndex((line, index) => index > 0 && (line === '---' || line === '...'));
  if (end < 0) return { metadata: {}, bodyStart: 0 };
  return { metadata: readFrontMatter(lines.slice(1, end).join('\n'), 2), bodyStart: end + 1 };
}
