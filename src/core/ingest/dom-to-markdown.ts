import { escapeHeadingEnd, escapeInline, fencedCode, oneLine, paragraphLines } from './markdown-escape.js';
import { pipeTable } from './markdown-table.js';
import { BLOCK, children, ELEMENT, hasBlockChild, plainText, preText, SKIPPED, TEXT, type DomNode } from './dom-node.js';
import { removeInlineBlobs } from './remove-inline-blobs.js';

/** Past this depth an element is read as one paragraph of text: deeper recursion risks the stack. */
const MAX_DEPTH = 400;

const HEADING = /^h([1-6])$/;
/**
 * Readability renames every <h1> of an article to <h2> but copies attributes: the page's <h1>s carry
 * this attribute through it (html-to-markdown.ts), and the walker reads them back as level 1.
 */
export const H1_MARK = 'data-footnote-h1';
const LANGUAGE_CLASS = /(?:^|\s)(?:language|lang)-([\w#+.-]+)/;

/**
 * CommonMark/GFM for the content of a DOM element (a Readability article, a page body, mammoth's HTML):
 * headings as "#" lines, <pre> as fenced code, tables as pipe tables, lists as "-"/"1." items, block
 * quotes as ">", paragraphs separated by blank lines, <br> as a line break inside a paragraph. Links
 * keep their label only; emphasis and inline code become plain text. All literal text is escaped
 * (markdown-escape.ts). One pass over the tree, so the cost is linear in its size.
 */
export function domToMarkdown(root: DomNode): string {
  return blocks(root, 0).join('\n\n');
}

/** The Markdown blocks inside an element: runs of inline content become paragraphs. */
function blocks(parent: DomNode, depth: number): string[] {
  const out: string[] = [];
  let pending = '';
  const flush = (): void => {
    const paragraph = paragraphLines(pending);
    if (paragraph !== '') out.push(paragraph);
    pending = '';
  };
  for (const child of children(parent)) {
    const name = child.localName ?? '';
    if (child.nodeType === TEXT) {
      pending += textPiece(child.data ?? '');
    } else if (name === 'br') {
      pending += '\n';
    } else if (child.nodeType !== ELEMENT || SKIPPED.has(name)) {
      continue;
    } else if (BLOCK.has(name) || hasBlockChild(child)) {
      flush();
      for (const line of block(child, name, depth + 1)) out.push(line);
    } else {
      pending += inline(child, depth + 1);
    }
  }
  flush();
  return out;
}

/** One block element as Markdown blocks (none when it holds no text). */
function block(element: DomNode, name: string, depth: number): string[] {
  if (depth > MAX_DEPTH) {
    const text = paragraphLines(oneLine(textPiece(plainText(element))));
    return text === '' ? [] : [text];
  }
  const heading = HEADING.exec(name);
  if (heading) {
    const text = escapeHeadingEnd(oneLine(inline(element, depth)));
    const level = element.getAttribute?.(H1_MARK) === null ? Number(heading[1]) : 1;
    return text === '' ? [] : [`${'#'.repeat(level)} ${text}`];
  }
  switch (name) {
    case 'pre':
    case 'listing':
    case 'xmp':
    case 'plaintext':
      return codeBlock(element);
    case 'ul':
    case 'ol':
    case 'menu':
    case 'dir':
      return list(element, name === 'ol', depth);
    case 'blockquote':
      return quote(element, depth);
    case 'table':
      // A table holding a table is page layout, not data: its cells are read as blocks.
      return element.querySelector?.('table') ? blocks(element, depth) : table(element, depth);
    default:
      return blocks(element, depth);
  }
}

function codeBlock(element: DomNode): string[] {
  const code = removeInlineBlobs(preText(element).replace(/\u00a0/g, ' '))
    .replace(/^\n/, '') // the HTML parser keeps the newline that follows <pre>; browsers drop it
    .trimEnd();
  if (code.trim() === '') return [];
  const codeChild = Array.from(element.childNodes).find((child) => child.localName === 'code');
  const classes = `${codeChild?.getAttribute?.('class') ?? ''} ${element.getAttribute?.('class') ?? ''}`;
  return [fencedCode(code, LANGUAGE_CLASS.exec(classes)?.[1])];
}

/** List items as "- " or "N. " with their content indented under the marker, so nested lists nest. */
function list(element: DomNode, ordered: boolean, depth: number): string[] {
  const start = Number.parseInt(element.getAttribute?.('start') ?? '', 10);
  let number = ordered && Number.isInteger(start) && start >= 0 && start <= 999_999_999 ? start : 1;
  const items: string[] = [];
  for (const child of children(element)) {
    const name = child.localName ?? '';
    const content =
      child.nodeType === TEXT ? [paragraphLines(textPiece(child.data ?? ''))].filter((text) => text !== '')
      : child.nodeType === ELEMENT && !SKIPPED.has(name) ? (name === 'li' ? blocks(child, depth + 1) : block(child, name, depth + 1))
      : [];
    if (content.length === 0) continue;
    const marker = ordered ? `${number}. ` : '- ';
    number += 1;
    items.push(marker + indentFollowing(joinItemBlocks(content), marker.length));
  }
  return items.length === 0 ? [] : [items.join('\n')];
}

/**
 * An item's blocks, separated by blank lines except before a nested list, which keeps the list tight.
 * A block starting with a list marker is a list: literal text starting so has been escaped.
 */
function joinItemBlocks(content: readonly string[]): string {
  return content.reduce((joined, next) => joined + (/^(?:- |\d{1,9}\. )/.test(next) ? '\n' : '\n\n') + next);
}

function quote(element: DomNode, depth: number): string[] {
  const inner = blocks(element, depth).join('\n\n');
  if (inner === '') return [];
  return [inner.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')];
}

function table(element: DomNode, depth: number): string[] {
  const rows: string[][] = [];
  const caption: string[] = [];
  const visit = (parent: DomNode): void => {
    for (const child of Array.from(parent.childNodes)) {
      const name = child.localName ?? '';
      if (name === 'thead' || name === 'tbody' || name === 'tfoot') visit(child);
      else if (name === 'caption') for (const line of blocks(child, depth + 1)) caption.push(line);
      else if (name === 'tr') rows.push(cells(child, depth + 1));
    }
  };
  visit(element);
  const grid = pipeTable(rows);
  return grid === '' ? caption : [...caption, grid];
}

function cells(row: DomNode, depth: number): string[] {
  return Array.from(row.childNodes)
    .filter((child) => child.localName === 'td' || child.localName === 'th')
    .map((cell) => oneLine(inline(cell, depth + 1)));
}

/** The escaped inline Markdown of an element; nested blocks (in a heading or a cell) become spaces around their text. */
function inline(element: DomNode, depth: number): string {
  let text = '';
  for (const child of children(element)) {
    const name = child.localName ?? '';
    if (child.nodeType === TEXT) text += textPiece(child.data ?? '');
    else if (child.nodeType !== ELEMENT || SKIPPED.has(name)) continue;
    else if (name === 'br') text += '\n';
    else if (depth > MAX_DEPTH) text += ` ${textPiece(plainText(child))} `;
    else if (BLOCK.has(name)) text += ` ${inline(child, depth + 1)} `;
    else text += inline(child, depth + 1);
  }
  return text;
}

/** A text node's contribution: no-break spaces as spaces, HTML whitespace collapsed, blobs out, escaped. */
function textPiece(data: string): string {
  return escapeInline(removeInlineBlobs(data.replace(/\u00a0/g, ' ')).replace(/[ \t\n\r\f]+/g, ' '));
}

function indentFollowing(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : pad + line))
    .join('\n');
}
