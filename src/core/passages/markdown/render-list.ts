import type { List, Nodes } from 'mdast';
import type { TextUnit } from './markdown-document.js';
import { readHtml } from './readable-html.js';
import { codeUnits, fence, codeLang } from './render-code.js';
import { renderInline } from './render-inline.js';
import { tableUnits } from './render-table.js';

/** What opens a list item's first line in a passage; the highlight leaves it out (passage-sentences). */
export const LIST_BULLET = '• ';

/** Something inside a list still to write: its indent, the bullet of an item's first paragraph. */
type Pending = { node: Nodes; indent: string; bullet: string; item: number };

/**
 * A list as lines: each item "• text", nested items two more spaces in, an item's later paragraphs and
 * code under it. One unit per line; a cut between two top-level items is free, inside one is not.
 * Iterative, so that nesting depth costs memory, not call stack.
 */
export function listUnits(list: List, markdown: string): TextUnit[] {
  const units: Array<TextUnit & { item: number }> = [];
  const stack: Pending[] = [];
  for (let i = list.children.length - 1; i >= 0; i--) stack.push({ node: list.children[i] as Nodes, indent: '', bullet: '', item: i });
  while (stack.length > 0) {
    const { node, indent, bullet, item } = stack.pop() as Pending;
    const write = (unit: TextUnit, prefix: string): void => {
      const shifted = unit.marks.map((mark) => ({ at: mark.at + (mark.at > 0 ? prefix.length : 0), line: mark.line }));
      units.push({ text: prefix + unit.text, marks: shifted, breakAfter: 'sentence', item });
    };
    switch (node.type) {
      case 'list':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, indent, bullet: '', item });
        break;
      case 'listItem':
        for (let i = node.children.length - 1; i >= 0; i--) {
          const child = node.children[i] as Nodes;
          const first = i === 0 && child.type === 'paragraph';
          stack.push({ node: child, indent: first ? indent : `${indent}  `, bullet: first ? LIST_BULLET : '', item });
        }
        break;
      case 'code': {
        const lines = codeUnits(node, markdown);
        const fenced = fence(lines.map((line) => line.text).join('\n'), codeLang(node)).split('\n');
        fenced.forEach((text, index) => {
          const line = lines[Math.min(Math.max(index - 1, 0), lines.length - 1)]?.marks[0]?.line ?? 1;
          write({ text, marks: [{ at: 0, line }], breakAfter: 'sentence' }, indent);
        });
        break;
      }
      case 'table':
        for (const row of tableUnits(node)) write(row, indent);
        break;
      case 'html': {
        const text = readHtml(node.value).text.replace(/\s+/gu, ' ').trim();
        if (text) write({ text, marks: [{ at: 0, line: node.position?.start.line ?? 1 }], breakAfter: 'sentence' }, indent);
        break;
      }
      case 'blockquote':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, indent, bullet: '', item });
        break;
      default: {
        const inline = renderInline(node);
        if (inline.text) write({ ...inline, breakAfter: 'sentence' }, indent + bullet);
      }
    }
  }
  return units.map(({ item, ...unit }, index) => ({
    ...unit,
    breakAfter: units[index + 1]?.item === item ? 'sentence' : 'paragraph',
  }));
}
