/**
 * Line breaks to LF and control characters out, everything else verbatim: CRLF and lone CR become
 * LF, form feed and vertical tab become LF (they separate pages/lines in text files), and the other
 * C0 controls except tab are dropped.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v]/g, '\n')
    .replace(/[\u0000-\u0008\u000e-\u001f]/g, '');
}

/**
 * For text recovered from a layout (PDF, DOCX, HTML): trailing spaces off every line, at most one
 * blank line in a row, no leading/trailing blank lines. Done without regexes that could backtrack
 * on long runs of spaces.
 */
export function tidyText(text: string): string {
  const lines = normalizeText(text).split('\n');
  const kept: string[] = [];
  let blank = 0;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed.trim() === '') {
      blank += 1;
      continue;
    }
    if (kept.length > 0 && blank > 0) {
      kept.push('');
    }
    blank = 0;
    kept.push(trimmed);
  }
  return kept.join('\n');
}
