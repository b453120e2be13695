/** Longest line considered as a title; also bounds the regex work on hostile one-line files. */
const MAX_TITLE_LINE = 300;
/** How far into the file the title may be (front matter and blank lines come first). */
const MAX_LINES_SCANNED = 200;

/**
 * The title of a Markdown document: its leading level-1 heading (`# Title` or `Title` underlined
 * with `===`), after optional YAML front matter and blank lines. Undefined when it does not start so.
 */
export function markdownTitle(markdown: string): string | undefined {
  const lines = markdown.split('\n', MAX_LINES_SCANNED);
  let index = 0;
  if (lines[0]?.trimEnd() === '---') {
    const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (close > 0) {
      index = close + 1;
    }
  }
  while (index < lines.length && lines[index]?.trim() === '') {
    index += 1;
  }
  const line = lines[index];
  if (line === undefined || line.length > MAX_TITLE_LINE) {
    return undefined;
  }
  const atx = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
  if (atx) {
    return atx[1]?.trim() || undefined;
  }
  const underline = lines[index + 1];
  if (underline !== undefined && /^ {0,3}=+[ \t]*$/.test(underline) && line.trim() !== '' && !/^ {4}/.test(line)) {
    return line.trim();
  }
  return undefined;
}
