/** The fields of a pdf.js TextItem this module reads. */
export type PdfTextItem = { str: string; transform: number[]; width: number; height: number; hasEOL: boolean };

/** A vertical move of more than this many line heights between lines starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;
/** A vertical move of more than this share of the font size means a new line (less: sub/superscript). */
const NEW_LINE_SHIFT = 0.5;
/** A horizontal gap wider than this share of the font size between two items is a word space. */
const WORD_GAP = 0.15;

/**
 * Lines and paragraphs from the positioned text items of one PDF page. pdf.js marks line ends with
 * `hasEOL`; a change in baseline also ends a line (some producers never set it), and a vertical gap
 * clearly larger than the font size becomes a blank line.
 */
export function pdfPageText(items: readonly unknown[]): string {
  let text = '';
  let previous: { x: number; y: number; end: number; size: number } | undefined;
  let pendingBreak = false;
  for (const raw of items) {
    if (!isTextItem(raw)) {
      continue; // marked-content markers
    }
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = raw.transform;
    const size = Math.hypot(c, d) || raw.height || Math.hypot(a, b) || 1;
    if (raw.str !== '') {
      if (previous !== undefined) {
        const shift = Math.abs(y - previous.y);
        const lineHeight = Math.max(size, previous.size);
        if (pendingBreak || shift > NEW_LINE_SHIFT * lineHeight) {
          text += shift > PARAGRAPH_GAP * lineHeight ? '\n\n' : '\n';
        } else if (x - previous.end > WORD_GAP * size && !isSpace(text.at(-1)) && !isSpace(raw.str[0])) {
          text += ' ';
        }
      }
      text += raw.str;
      previous = { x, y, end: x + raw.width, size };
      pendingBreak = false;
    }
    if (raw.hasEOL) {
      pendingBreak = true;
    }
  }
  return text;
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string' && Array.isArray((item as PdfTextItem).transform);
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}
