/**
 * Cuts a Markdown document into passages by its structure: never across a section (the heading path
 * is the passage's `section`, headings are not repeated in its text), then between blocks, then
 * between sentences and words; code blocks stay whole unless one alone is over the bound.
 *
 * Passage text: blocks joined by a blank line; code as "```lang\n…\n```"; list items one per line
 * ("• ", nested items two spaces in); table rows one per line ("Header: value · Header: value").
 * Every passage is at most `maxChars` (a code part adds its fences, so a bound under ~20 characters can
 * be exceeded by them). Sections are not merged: a short section is a short passage, because its
 * heading is what a question about it will match.
 *
 * Pure and deterministic: the same (docId, markdown, options) always yields the same passages and ids.
 */
import { packPieces } from '../pack-pieces.js';
import { DEFAULT_MAX_CHARS, type Passage, type SplitOptions } from '../split-passages.js';
import { blockPieces, type BlockPiece } from './block-pieces.js';
import { readMarkdown, type MarkdownBlock } from './read-markdown.js';

export function splitMarkdownPassages(docId: string, markdown: string, options: SplitOptions = {}): Passage[] {
  const maxChars = Math.max(1, Math.floor(options.maxChars ?? DEFAULT_MAX_CHARS));
  const minChars = Math.max(0, Math.floor(options.minChars ?? Math.min(200, maxChars / 5)));
  const { blocks } = readMarkdown(markdown);
  const passages: Passage[] = [];
  let start = 0;
  while (start < blocks.length) {
    // One section: the run of blocks under the same heading.
    let end = start;
    while (end < blocks.length && blocks[end]?.sectionIndex === blocks[start]?.sectionIndex) end++;
    const pieces: BlockPiece[] = [];
    for (let index = start; index < end; index++) {
      for (const piece of blockPieces(blocks[index] as MarkdownBlock, index + 1, maxChars)) pieces.push(piece);
    }
    const path = blocks[start]?.headingPath ?? [];
    const section = path.length > 0 ? path.join(' › ') : undefined;
    for (const [first, last] of packPieces(pieces, maxChars, minChars)) {
      passages.push(toPassage(docId, passages.length + 1, pieces.slice(first, last + 1), section));
    }
    start = end;
  }
  return passages;
}

function toPassage(docId: string, ordinal: number, pieces: BlockPiece[], section: string | undefined): Passage {
  const first = pieces[0] as BlockPiece;
  const last = pieces[pieces.length - 1] as BlockPiece;
  let text = first.text;
  for (let k = 1; k < pieces.length; k++) text += (pieces[k] as BlockPiece).join + (pieces[k] as BlockPiece).text;
  return {
    id: `${docId}#p${ordinal}`,
    docId,
    ordinal,
    text,
    paragraphStart: first.block,
    paragraphEnd: last.block,
    lineStart: pieces.reduce((line, piece) => Math.min(line, piece.lineStart), first.lineStart),
    lineEnd: pieces.reduce((line, piece) => Math.max(line, piece.lineEnd), last.lineEnd),
    ...(section ? { section } : {}),
  };
}
