import { describe, expect, test } from 'vitest';
import { pdfPageText, type PdfTextItem } from './pdf-page-text.js';

/** A 12 pt text item at (x, y), as pdf.js reports it. */
const item = (str: string, x: number, y: number, options: { hasEOL?: boolean; width?: number; size?: number } = {}): PdfTextItem => {
  const size = options.size ?? 12;
  return { str, transform: [size, 0, 0, size, x, y], width: options.width ?? str.length * size * 0.5, height: size, hasEOL: options.hasEOL ?? false };
};

describe('pdfPageText', () => {
  test.each([
    {
      name: 'hasEOL ends a line',
      items: [item('Hello', 72, 700, { hasEOL: true }), item('world', 72, 686)],
      text: 'Hello\nworld',
    },
    {
      name: 'a baseline change ends a line even without hasEOL',
      items: [item('Hello', 72, 700), item('world', 72, 686)],
      text: 'Hello\nworld',
    },
    {
      name: 'a gap of more than 1.6 line heights is a paragraph break',
      items: [item('One', 72, 700, { hasEOL: true }), item('Two', 72, 660)],
      text: 'One\n\nTwo',
    },
    {
      name: 'items on one baseline join; a horizontal gap becomes a space',
      items: [item('Sea', 72, 700, { width: 18 }), item('son', 90, 700, { width: 18 }), item('ends', 120, 700)],
      text: 'Season ends',
    },
    {
      name: 'a superscript stays on its line',
      items: [item('E = mc', 72, 700, { width: 36 }), item('2', 108, 704, { size: 7 }), item(' holds', 112, 700)],
      text: 'E = mc2 holds',
    },
    {
      name: 'empty EOL markers and marked-content items are skipped',
      items: [item('Line', 72, 700), { type: 'beginMarkedContent' }, item('', 0, 0, { hasEOL: true }), item('next', 72, 686)],
      text: 'Line\nnext',
    },
  ])('$name', ({ items, text }) => {
    expect(pdfPageText(items)).toBe(text);
  });
});
