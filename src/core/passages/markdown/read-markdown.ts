import type { Root } from 'mdast';
import type { Container } from './find-containers.js';
import { collectBlocks, type ContentEntry, type Entry } from './collect-blocks.js';
import type { MarkdownBlock, MarkdownDocument, MarkdownMetadata } from './markdown-document.js';
import { parseMarkdown, plainInline } from './parse-markdown.js';
import { readFrontMatter } from './read-front-matter.js';
import { htmlTitle, TITLE_WINDOW } from './readable-html.js';
import { readPlainMarkdown } from './read-plain-markdown.js';
import { tooComplexToParse } from './too-complex.js';
import { blankSiteSyntax } from './blank-site-syntax.js';

export type { MarkdownBlock, MarkdownDocument, MarkdownMetadata } from './markdown-document.js';

/**
 * Reads Markdown as a reader sees it: front matter as metadata (never text), a title, and readable
 * blocks in source order, each with its original lines and its heading path. Container directives
 * (`::: tip Title`) become a label block kept with the content it introduces.
 *
 * Throws FootnoteError('input_rejected') when the front matter is not valid YAML or not a mapping.
 * Pure and deterministic.
 */
export function readMarkdown(source: string): MarkdownDocument {
  const markdown = blankSiteSyntax(source);
  if (tooComplexToParse(markdown)) return readPlainMarkdown(markdown);
  const { tree, containers } = parseMarkdown(markdown);
  const front = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const metadata: MarkdownMetadata = front ? readFrontMatter(front.value, (front.position?.start.line ?? 1) + 1) : {};
  const entries = collectBlocks(tree, markdown);
  const firstTop = entries.find((entry) => entry.kind === 'heading' && entry.depth === 1);
  const opening = firstTop ? undefined : openingHeading(entries);
  // A README's HTML h1 comes before the heading its Markdown opens with ("## Install").
  const title = metadata.title ?? headingTitle(firstTop) ?? titleInHtmlHead(tree) ?? headingTitle(opening);
  // The title heading (the first "#" heading, or the one the page opens with) is no section, no text, when it says the title.
  const heading = firstTop ?? opening;
  const titleHeading = heading?.kind === 'heading' && sameText(heading.text, title) ? heading : undefined;
  return { metadata, title, blocks: toBlocks(entries, titleHeading, containers) };
}

/** A heading's text, when it has some. */
function headingTitle(heading: Entry | undefined): string | undefined {
  return heading?.kind === 'heading' && heading.text ? heading.text : undefined;
}

/**
 * With no "#" heading, the heading a page opens with, when every other heading is below it: a book's
 * chapter page ("## Installation" over "### Installing rustup on Linux", as mdBook and GitBook pages
 * are written) is titled by it, not by its file name. A README opening with "## Setup" beside "##
 * Usage" has no such heading: those are its sections.
 */
function openingHeading(entries: readonly Entry[]): Entry | undefined {
  const first = entries[0];
  if (first?.kind !== 'heading') return undefined;
  return entries.slice(1).every((entry) => entry.kind !== 'heading' || entry.depth > first.depth) ? first : undefined;
}

/** A README's title set in HTML above its first Markdown heading, near the top (see htmlTitle). */
function titleInHtmlHead(tree: Root): string | undefined {
  for (const node of tree.children) {
    if (node.type === 'heading' || (node.position?.start.offset ?? 0) > TITLE_WINDOW) return undefined;
    if (node.type !== 'html') continue;
    const title = htmlTitle(node.value);
    if (title !== undefined) return title;
  }
  return undefined;
}

function toBlocks(entries: Entry[], titleHeading: Entry | undefined, containers: Container[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const headings: Array<{ depth: number; text: string }> = [];
  let sectionIndex = 0;
  let nextContainer = 0;
  for (const entry of entries) {
    if (entry.kind === 'end') {
      while (headings.length > 0 && headings[headings.length - 1]!.depth >= entry.depth) headings.pop();
      sectionIndex++;
      continue;
    }
    if (entry.kind === 'heading') {
      if (entry === titleHeading) continue;
      // A FAQ entry under another ("#### Q: Can I work part-time …?" then "##### Q: Can I extend my
      // leave?") is the next entry of a FAQ whose author varied the levels, not a part of it: kept
      // under it, every answer below would be indexed with the words of another question.
      const entryOfFaq = FAQ_ENTRY.test(entry.text);
      const top = () => headings[headings.length - 1];
      while (top() && (top()!.depth >= entry.depth || (entryOfFaq && FAQ_ENTRY.test(top()!.text)))) headings.pop();
      headings.push({ depth: entry.depth, text: entry.text });
      sectionIndex++;
      continue;
    }
    const headingPath = headings.map((heading) => heading.text).filter((text) => text !== '');
    // Labels of the containers this block is the first content of (outermost first).
    while (nextContainer < containers.length && (containers[nextContainer] as Container).open < entry.lineStart) {
      const container = containers[nextContainer++] as Container;
      if (entry.lineStart < container.close) blocks.push(labelBlock(container, headingPath, sectionIndex));
    }
    blocks.push(contentBlock(entry, headingPath, sectionIndex));
  }
  // A list stays with the sentence that introduces it, and so does code ("Install it from npm:").
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    if (block.kind !== 'paragraph' || next?.sectionIndex !== block.sectionIndex) return;
    if (next.kind === 'list' || (next.kind === 'code' && block.text.trimEnd().endsWith(':'))) block.keepWithNext = true;
  });
  return blocks;
}

/** A FAQ entry's heading: "Q: Can I extend my leave?", "Q. Who handles our 401k?". */
const FAQ_ENTRY = /^Q\s*[:.]\s/u;

function contentBlock(entry: ContentEntry, headingPath: string[], sectionIndex: number): MarkdownBlock {
  const text = entry.units.map((unit) => unit.text).join('\n');
  const { kind, units, lang, lineStart, lineEnd } = entry;
  return { kind, text, ...(lang ? { lang } : {}), lineStart, lineEnd, headingPath, sectionIndex, keepWithNext: false, units };
}

function labelBlock(container: Container, headingPath: string[], sectionIndex: number): MarkdownBlock {
  const label = plainInline(container.label);
  const unit = { text: label, marks: [{ at: 0, line: container.open }], breakAfter: 'paragraph' as const };
  return { kind: 'label', text: label, lineStart: container.open, lineEnd: container.open, headingPath, sectionIndex, keepWithNext: true, units: [unit] };
}

function sameText(a: string, b: string | undefined): boolean {
  return b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}
