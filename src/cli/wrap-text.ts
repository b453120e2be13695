/**
 * Cuts `text` into lines of at most `width` characters at spaces, the first line prefixed with `indent` and
 * the rest with `hangingIndent`. A word longer than a line is split. Without a width the text is one line:
 * output for a pipe or a file is left unwrapped, so scripts see one line per item.
 */
export function wrapText(text: string, width: number | undefined, indent = '', hangingIndent = indent): string[] {
  if (width === undefined) return [indent + text];
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  const room = (prefix: string) => Math.max(1, width - prefix.length);
  for (let word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hangingIndent;
      empty = true;
    }
    // A word wider than a whole line is cut into line-sized pieces.
    while (empty && word.length > room(line)) {
      lines.push(line + word.slice(0, room(line)));
      word = word.slice(room(line));
      line = hangingIndent;
    }
    if (word === '') continue;
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}
