import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { findContainers, splitKeepingEndings, type Container } from './find-containers.js';

export type ParsedMarkdown = { tree: Root; containers: Container[] };

/**
 * Parses Markdown (CommonMark + GFM tables + YAML front matter) into mdast, with VitePress containers
 * found around it. Positions in the tree are lines of `markdown` itself: container markers are
 * blanked, never removed.
 */
export function parseMarkdown(markdown: string): ParsedMarkdown {
  const first = parse(markdown);
  const verbatim = verbatimLines(first);
  const lines = splitKeepingEndings(markdown);
  const containers = findContainers(
    lines.map((line) => line.text),
    (line) => verbatim.has(line),
  );
  if (containers.length === 0) return { tree: first, containers };
  const markers = new Set(containers.flatMap((container) => [container.open, container.close]));
  const blanked = lines.map((line, index) => (markers.has(index + 1) && !verbatim.has(index + 1) ? '' : line.text) + line.ending);
  return { tree: parse(blanked.join('')), containers };
}

function parse(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfmTable(), frontmatter(['yaml'])],
    mdastExtensions: [gfmTableFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

/** Lines inside code blocks, raw HTML and front matter, where `:::` is text, not a container. */
function verbatimLines(tree: Root): Set<number> {
  const lines = new Set<number>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') {
      const start = node.position?.start.line ?? 0;
      const end = node.position?.end.line ?? 0;
      for (let line = start; line <= end; line++) lines.add(line);
    } else if ('children' in node) {
      for (const child of node.children) stack.push(child);
    }
  }
  return lines;
}
