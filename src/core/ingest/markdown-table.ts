/**
 * A GFM pipe table from rows of cells that are already escaped inline Markdown on one line (a literal
 * "|" in a cell arrives as "\|"). GFM needs a header row, so the first row is the header; HTML tables
 * without <th> usually carry their labels there too. Short rows are padded, since GFM would otherwise
 * drop or invent cells; rows with no text at all are left out. Returns '' for a table with no text.
 */
export function pipeTable(rows: readonly (readonly string[])[]): string {
  const kept = rows.filter((row) => row.some((cell) => cell !== ''));
  const width = kept.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (kept.length === 0 || width === 0) {
    return '';
  }
  const line = (row: readonly string[]): string =>
    `| ${Array.from({ length: width }, (_, column) => row[column] ?? '').join(' | ')} |`;
  const [header, ...body] = kept;
  return [line(header!), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n');
}
