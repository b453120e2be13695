import type { Nodes, Root } from 'mdast';
import type { BlockKind, TextUnit } from './markdown-document.js';
import { readHtml } from './readable-html.js';
import { codeLang, codeUnits } from './render-code.js';
import { htmlTableUnits } from './render-html-table.js';
import { renderInline } from './render-inline.js';
import { listUnits } from './render-list.js';
import { tableUnits } from './render-table.js';

export type ContentEntry = { kind: Exclude<BlockKind, 'label'>; units: TextUnit[]; lang?: string; lineStart: number; lineEnd: number };
export type HeadingEntry = { kind: 'heading'; depth: number; text: string; lineStart: number };
export type Entry = ContentEntry | HeadingEntry;

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
        entries.push({ kind: 'heading', depth: node.depth, text: renderInline(node).text, lineStart });
        break;
      case 'paragraph':
        add('paragraph', nonEmpty(renderInline(node)));
        break;
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
        const rows = htmlTableUnits(node.value, lineStart);
        if (rows) add('table', rows);
        else add('html', nonEmpty({ text: readHtml(node.value).text.replace(/\s+/gu, ' ').trim(), marks: [{ at: 0, line: lineStart }] }));
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

function nonEmpty(unit: Omit<TextUnit, 'breakAfter'>): TextUnit[] {
  return unit.text === '' ? [] : [{ ...unit, breakAfter: 'paragraph' }];
}
