import type { Table } from 'mdast';
import type { TextUnit } from './markdown-document.js';
import { renderInline } from './render-inline.js';

/**
 * A table as readable rows, one unit per body row pairing each cell with its header
 * ("Option: base · Default: /"), so that any row quoted alone still says what its values are. Empty
 * cells are left out; cells under an empty header stand alone. A table with a header and no body reads
 * as its header.
 */
export function tableUnits(table: Table): TextUnit[] {
  const [header, ...body] = table.children;
  const headings = header ? header.children.map((cell) => renderInline(cell).text) : [];
  const rows = body.length > 0 ? body : header ? [header] : [];
  const units: TextUnit[] = [];
  for (const row of rows) {
    const text = rowText(row.children.map((cell) => renderInline(cell).text), row === header ? [] : headings);
    if (text !== '') units.push({ text, marks: [{ at: 0, line: row.position?.start.line ?? 1 }], breakAfter: 'paragraph' });
  }
  return units;
}

/**
 * A row's cells as one line, each paired with its heading ("Option: base · Default: /"); empty cells
 * are left out and a cell under no heading stands alone. '' when every cell is empty. Shared with HTML
 * tables (render-html-table), so both read alike.
 */
export function rowText(values: readonly string[], headings: readonly string[]): string {
  return values
    .map((value, index) => (value === '' ? '' : headings[index] ? `${headings[index]}: ${value}` : value))
    .filter((cell) => cell !== '')
    .join(' · ');
}
