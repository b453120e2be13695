import type { Nodes, Root } from 'mdast';
import type { BlockKind, TextUnit } from './markdown-document.js';
import { readHtml } from './readable-html.js';
import { codeLang, codeUnits } from './render-code.js';
import { htmlTableUnits } from './render-html-table.js';
import { plainInline } from './parse-markdown.js';
import { renderInline } from './render-inline.js';
import { listUnits } from './render-list.js';
import { tableUnits } from './render-table.js';

export type ContentEntry = { kind: Exclude<BlockKind, 'label'>; units: TextUnit[]; lang?: string; lineStart: number; lineEnd: number };
export type HeadingEntry = { kind: 'heading'; depth: number; text: string; lineStart: number };
/** The end of the sections `depth` deep and deeper: a `</details>` closes its summary's section. */
export type SectionEnd = { kind: 'end'; depth: number; lineStart: number };
export type Entry = ContentEntry | HeadingEntry | SectionEnd;

/**
 * A collapsible block's summary (`<details><summary>How do I use dotenv with import?</summary>`, the
 * FAQ of many a README) heads a section of its own, under the current heading, until `</details>`:
 * its answer is then quoted and cited as that question's, not as a paragraph of the FAQ around it.
 */
const SUMMARY_DEPTH = 7;

/**
 * The document's headings and readable blocks in source order. Block quotes are read through (their
 * content becomes ordinary blocks); front matter, definitions, rules and blocks with no readable text
 * are left out. Iterative, so that nested quotes cannot overflow the call stack.
 */
export function collectBlocks(tree: Root, markdown: string): Entry[] {
  const entries: Entry[] = [];
  const stack: Nodes[] = [];
  for (let i = tree.children.length - 1; i >= 0; i--) stack.push(tree.children[i] as Nodes);
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const lineStart = node.position?.start.line ?? 1;
    const lineEnd = node.position?.end.line ?? lineStart;
    const add = (kind: ContentEntry['kind'], units: TextUnit[], lang?: string): void => {
      if (units.length > 0) entries.push({ kind, units, lineStart, lineEnd, ...(lang ? { lang } : {}) });
    };
    switch (node.type) {
      case 'heading':
        entries.push({ kind: 'heading', depth: node.depth, text: headingText(node), lineStart });
        break;
      case 'paragraph': {
        const source = markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
        if (!isMdxCode(source) && !(PICTURE.test(source) && onlyPictures(node))) add('paragraph', nonEmpty(renderInline(node)));
        break;
      }
      case 'code':
        add('code', codeUnits(node, markdown), codeLang(node));
        break;
      case 'list':
        add('list', listUnits(node, markdown));
        break;
      case 'table':
        add('table', tableUnits(node));
        break;
      case 'html': {
        if (DETAILS.test(node.value)) {
          readDetails(node.value, lineStart, entries);
          break;
        }
        const rows = htmlTableUnits(node.value, lineStart);
        if (rows) add('table', rows);
        else add('html', nonEmpty({ text: readHtml(node.value, { images: false }).text.replace(/\s+/gu, ' ').trim(), marks: [{ at: 0, line: lineStart }] }));
        break;
      }
      case 'blockquote':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
        break;
      default:
        break; // yaml (front matter), definition, thematicBreak: nothing a reader quotes
    }
  }
  return entries;
}

/**
 * A paragraph of pictures only: a README's row of badges (`[![npm](…)](…) [![build](…)](…)`), a
 * cover image. Their alt text ("npm version", "Vite 8 Announcement Cover Image") is nothing to quote.
 * (HTML blocks are read with their images left out alike.)
 */
function onlyPictures(node: Nodes): boolean {
  return renderInline(node, { images: false }).text === '';
}

/** What a paragraph's source holds when it shows a picture (only such a paragraph is read twice). */
const PICTURE = /!\[|<(?:img|picture|svg)\b/iu;

/**
 * A heading as a title or a section reads: without its images, which beside words are badges
 * ("# dotenv [![NPM version](…)](…)" is "dotenv", not "dotenv NPM version"); a heading that is only an
 * image ("# ![Zod](logo.svg)") is read by the image's alt text.
 */
function headingText(node: Nodes): string {
  return renderInline(node, { images: false }).text || renderInline(node).text;
}

/**
 * An HTML block holding `<details><summary>…</summary>` or `</details>` (a FAQ writes one entry's end
 * and the next one's start in one block): each summary opens a section, each `</details>` ends it, and
 * the words between are text of the section they stand in.
 */
function readDetails(html: string, lineStart: number, entries: Entry[]): void {
  // Lines are counted on from the last offset asked for (offsets only grow), so a block of many
  // entries is still read in one pass.
  let counted = 0;
  let line = lineStart;
  const lineAt = (offset: number) => {
    for (; counted < offset; counted++) if (html.charCodeAt(counted) === 10) line++;
    return line;
  };
  const text = (from: number, to: number) => {
    const piece = html.slice(from, to);
    const first = lineAt(from + (piece.match(/^\s*/u)?.[0].length ?? 0));
    const units = nonEmpty({ text: readHtml(piece, { images: false }).text.replace(/\s+/gu, ' ').trim(), marks: [{ at: 0, line: first }] });
    if (units.length > 0) entries.push({ kind: 'html', units, lineStart: first, lineEnd: lineAt(to) });
  };
  let at = 0;
  for (const match of html.matchAll(DETAILS_PARTS)) {
    text(at, match.index);
    const where = lineAt(match.index);
    if (match[1] === undefined) entries.push({ kind: 'end', depth: SUMMARY_DEPTH, lineStart: where });
    else entries.push({ kind: 'heading', depth: SUMMARY_DEPTH, text: plainInline(readHtml(match[1], { images: false }).text.replace(/\s+/gu, ' ').trim()), lineStart: where });
    at = match.index + match[0].length;
  }
  text(at, html.length);
}

/** `<details><summary>…</summary>` (its summary captured) or `</details>`; attributes bounded, to stay linear. */
const DETAILS_PARTS = /<details(?:\s[^<>]{0,500})?>\s*<summary(?:\s[^<>]{0,500})?>([^]{0,2000}?)<\/summary\s*>|<\/details\s*>/giu;
const DETAILS = /<\/?details[\s>]/iu;

/** An MDX export: `export const meta = {…}`, `export default function Layout`, `export { x }`. */
const MDX_EXPORT = /^export(?:\s+(?:const|let|var|function|default|async|class)\b|\s*\{)/u;
/** An MDX comment: `{/* … *\/}`. */
const MDX_COMMENT = /^\{\s*\/\*[\s\S]*\*\/\s*\}$/u;

/**
 * Whether a paragraph's source is MDX code (Markdown pages of Docusaurus and the like may hold it
 * too): a run of import/export statements, or a comment. A reader never quotes either.
 */
function isMdxCode(source: string): boolean {
  const trimmed = source.trim();
  if (MDX_COMMENT.test(trimmed)) return true;
  const lines = trimmed.split('\n');
  // An export's object or function may run on over lines; its first line says what it is.
  if (MDX_EXPORT.test(lines[0]!)) return true;
  return lines.every(isImport);
}

/**
 * `import X from "y"`, `import { a, b } from 'y';`, `import "./styles.css"`. Read by position, not
 * by one regular expression, which took time growing with the square of a long line's spaces.
 */
function isImport(line: string): boolean {
  const text = line.trim().replace(/;$/u, '');
  if (!/^import[\s"'{*]/u.test(text)) return false;
  const quote = text.charAt(text.length - 1);
  if (quote !== '"' && quote !== "'") return false;
  const open = text.lastIndexOf(quote, text.length - 2);
  if (open < 0) return false;
  const before = text.slice('import'.length, open).trim();
  return before === '' || (before.endsWith('from') && /\s/u.test(before.charAt(before.length - 5)));
}

function nonEmpty(unit: Omit<TextUnit, 'breakAfter'>): TextUnit[] {
  return unit.text === '' ? [] : [{ ...unit, breakAfter: 'paragraph' }];
}
