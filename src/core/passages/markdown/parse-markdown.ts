import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { renderInline } from './render-inline.js';
import { ADMONITION_INDENT, findLineMarkup, splitKeepingEndings, type Container } from './find-containers.js';

export type ParsedMarkdown = { tree: Root; containers: Container[] };

/**
 * Parses Markdown (CommonMark + GFM tables + YAML front matter) into mdast, with VitePress containers
 * found around it. Positions in the tree are those of `markdown` itself, lines and offsets: container
 * markers and component tag lines (find-containers) are blanked with as many spaces, never removed.
 */
export function parseMarkdown(markdown: string): ParsedMarkdown {
  const lines = splitKeepingEndings(markdown);
  const { containers, markupLines, outdentLines } = findLineMarkup(lines.map((line) => line.text));
  if (containers.length === 0 && markupLines.size === 0) return { tree: parse(markdown), containers };
  const blank = new Set([...markupLines, ...containers.flatMap((container) => [container.open, ...(container.closeMarker ? [container.close] : [])])]);
  // An admonition's content is read a level out: its indent moves to the end of the line, so that the
  // line keeps its length and every offset after it stays where it was.
  const outdent = (text: string) => text.slice(ADMONITION_INDENT) + ' '.repeat(ADMONITION_INDENT);
  const blanked = lines.map((line, index) => (blank.has(index + 1) ? ' '.repeat(line.text.length) : outdentLines.has(index + 1) ? outdent(line.text) : line.text) + line.ending);
  return { tree: parse(blanked.join('')), containers };
}

/** Plain text of one line of inline Markdown (a container title: "`NODE_ENV` in *.env*" → "NODE_ENV in .env"). */
export function plainInline(text: string): string {
  const [first] = parse(text).children;
  return first ? renderInline(first).text : '';
}

function parse(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfmTable(), frontmatter(['yaml'])],
    mdastExtensions: [gfmTableFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

