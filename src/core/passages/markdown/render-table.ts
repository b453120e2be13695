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
    const cells = row.children
      .map((cell, index) => {
        const value = renderInline(cell).text;
        const heading = row === header ? '' : (headings[index] ?? '');
        return value === '' ? '' : heading === '' ? value : `${heading}: ${value}`;
      })
      .filter((cell) => cell !== '');
    if (cells.length === 0) continue;
    units.push({ text: cells.join(' · '), marks: [{ at: 0, line: row.position?.start.line ?? 1 }], breakAfter: 'paragraph' });
  }
  return units;
}
