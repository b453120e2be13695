import type { TextUnit } from './markdown-document.js';
import { readHtml } from './readable-html.js';
import { rowText } from './render-table.js';

const TABLE_OPEN = /<table\b[^>]*>/giu;
const TABLE_CLOSE = /<\/table\s*>/giu;
const ROW = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tr\s*>|$)/giu;
const CELL = /<(td|th)\b[^>]*>([\s\S]*?)(?=<t[dh]\b|<\/t[dh]\s*>|$)/giu;
/** A cell that is all bold ("<td><strong>Channel</strong></td>"): how many pages mark a header row without <th>. */
const BOLD_ONLY = /^\s*<(strong|b)\b[^>]*>[\s\S]*<\/\1\s*>\s*$/iu;

/**
 * An HTML block holding a complete `<table>` (handbooks paste them into Markdown), read like a
 * Markdown table (render-table): one unit per row, each cell paired with its header ("Channel:
 * #team-ops · Members: All Operations"), so that a row quoted alone still says what its values are.
 * The first row is the header when its cells are `<th>` or all bold; otherwise rows stand alone, cells
 * joined by " · ". Text around the table is kept, before and after its rows. `undefined` when the
 * block holds no complete table: it is then read as plain HTML.
 */
export function htmlTableUnits(html: string, lineStart: number): TextUnit[] | undefined {
  const tables = completeTables(html);
  if (tables.length === 0) return undefined;
  const units: TextUnit[] = [];
  // Offsets are asked in increasing order, so lines are counted on from the last one asked: a table
  // of many rows in one large block is read in one pass.
  let counted = 0;
  let line = lineStart;
  const lineOf = (offset: number) => {
    for (let i = html.indexOf('\n', counted); i >= 0 && i < offset; i = html.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, offset);
    return line;
  };
  const prose = (from: number, to: number) => {
    const text = readHtml(html.slice(from, to)).text.replace(/\s+/gu, ' ').trim();
    if (text !== '') units.push({ text, marks: [{ at: 0, line: lineOf(from) }], breakAfter: 'paragraph' });
  };
  let cursor = 0;
  for (const table of tables) {
    prose(cursor, table.start);
    const body = html.slice(table.bodyStart, table.bodyEnd);
    const bodyAt = table.bodyStart;
    const rows = [...body.matchAll(ROW)].map((row) => ({
      at: bodyAt + row.index,
      cells: [...row[1]!.matchAll(CELL)].map((cell) => ({ header: cell[1]!.toLowerCase() === 'th' || BOLD_ONLY.test(cell[2]!), text: cellText(cell[2]!) })),
    }));
    const first = rows[0];
    const hasHeader = first !== undefined && rows.length > 1 && first.cells.length > 0 && first.cells.every((cell) => cell.header);
    const headings = hasHeader ? first.cells.map((cell) => cell.text) : [];
    for (const row of hasHeader ? rows.slice(1) : rows) {
      const text = rowText(row.cells.map((cell) => cell.text), headings);
      if (text !== '') units.push({ text, marks: [{ at: 0, line: lineOf(row.at) }], breakAfter: 'paragraph' });
    }
    cursor = table.end;
  }
  prose(cursor, html.length);
  return units;
}

/**
 * Each `<table>` … `</table>` in `html`, outermost, in one pass (a regex with a lazy body would rescan
 * the rest of the block for every unclosed `<table>`: quadratic on hostile input). Nested tables are
 * read within their outer table's cells.
 */
function completeTables(html: string): Array<{ start: number; bodyStart: number; bodyEnd: number; end: number }> {
  const tables: Array<{ start: number; bodyStart: number; bodyEnd: number; end: number }> = [];
  TABLE_OPEN.lastIndex = 0;
  for (let open = TABLE_OPEN.exec(html); open; open = TABLE_OPEN.exec(html)) {
    TABLE_CLOSE.lastIndex = open.index + open[0].length;
    const close = TABLE_CLOSE.exec(html);
    if (!close) break; // no later table closes either
    tables.push({ start: open.index, bodyStart: open.index + open[0].length, bodyEnd: close.index, end: close.index + close[0].length });
    TABLE_OPEN.lastIndex = close.index + close[0].length;
  }
  return tables;
}

function cellText(html: string): string {
  return readHtml(html).text.replace(/\s+/gu, ' ').trim();
}

