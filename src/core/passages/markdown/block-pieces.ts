import type { Piece } from '../pack-pieces.js';
import { cutUnit } from './cut-unit.js';
import { lineAt, type MarkdownBlock, type TextUnit } from './markdown-document.js';
import { fence } from './render-code.js';

/** A packable stretch of one block: its passage text and the source lines it quotes. */
export interface BlockPiece extends Piece {
  text: string;
  /** Written between this piece and the previous one in a passage: "\n\n" between blocks. */
  join: string;
  block: number;
  lineStart: number;
  lineEnd: number;
}

/**
 * A block as pieces no longer than `maxChars`: the whole block when it fits; else its units (list
 * lines, table rows), and units too long by sentences, words, then at the bound. A code block too long
 * is cut on line boundaries into parts of about equal length, each a fenced block of their own.
 */
export function blockPieces(block: MarkdownBlock, ordinal: number, maxChars: number): BlockPiece[] {
  const pieces = block.kind === 'code' ? codePieces(block, ordinal, maxChars) : textPieces(block, ordinal, maxChars);
  const last = pieces[pieces.length - 1];
  if (last) last.breakAfter = block.keepWithNext ? 'heading' : 'paragraph';
  return pieces;
}

function textPieces(block: MarkdownBlock, ordinal: number, maxChars: number): BlockPiece[] {
  if (block.text.length <= maxChars) return [piece(block.text, '\n\n', ordinal, block.lineStart, block.lineEnd, 'paragraph')];
  const pieces: BlockPiece[] = [];
  block.units.forEach((unit, index) => {
    const join = index === 0 ? '\n\n' : '\n';
    if (unit.text.length <= maxChars) {
      pieces.push(piece(unit.text, join, ordinal, lineAt(unit.marks, 0), lineAt(unit.marks, unit.text.length - 1), unit.breakAfter));
      return;
    }
    cutUnit(unit.text, maxChars).forEach((cut, k) => {
      const text = unit.text.slice(cut.from, cut.to);
      pieces.push(piece(text, k === 0 ? join : cut.join, ordinal, lineAt(unit.marks, cut.from), lineAt(unit.marks, cut.to - 1), cut.breakAfter));
    });
  });
  return pieces;
}

function codePieces(block: MarkdownBlock, ordinal: number, maxChars: number): BlockPiece[] {
  const whole = fence(block.text, block.lang);
  if (whole.length <= maxChars) return [piece(whole, '\n\n', ordinal, block.lineStart, block.lineEnd, 'paragraph')];
  const budget = Math.max(1, maxChars - fence('', block.lang).length);
  // Parts of about equal length, not full parts and a runt: filled to the bound, a block ends in a
  // last part of a line or two ("\t},\n};"), a passage of its own that a question matching only its
  // heading ranks first (BM25 favours the shortest text).
  const total = block.units.reduce((sum, unit) => sum + unit.text.length + 1, -1);
  const target = total / Math.ceil(total / budget);
  const pieces: BlockPiece[] = [];
  let part: TextUnit[] = [];
  let length = -1;
  const flush = (): void => {
    if (part.length === 0) return;
    const code = part.map((unit) => unit.text).join('\n');
    const lines = part.map((unit) => lineAt(unit.marks, 0));
    pieces.push(piece(fence(code, block.lang), '\n\n', ordinal, lines[0] ?? block.lineStart, lines[lines.length - 1] ?? block.lineEnd, 'sentence'));
    part = [];
    length = -1;
  };
  for (const unit of block.units) {
    if (unit.text.length > budget) {
      flush();
      // One line over the bound: cut at the bound, each part still a fenced block; its tail opens the
      // next part, so that no two parts of a block could have shared a passage.
      let start = 0;
      for (; unit.text.length - start > budget; start += budget) {
        part.push({ ...unit, text: unit.text.slice(start, start + budget) });
        flush();
      }
      part.push({ ...unit, text: unit.text.slice(start) });
      length = unit.text.length - start;
      continue;
    }
    if (length + 1 + unit.text.length > budget || length >= target) flush();
    part.push(unit);
    length += 1 + unit.text.length;
  }
  flush();
  return pieces;
}

function piece(text: string, join: string, block: number, lineStart: number, lineEnd: number, breakAfter: Piece['breakAfter']): BlockPiece {
  return { text, join, joinBefore: join.length, length: text.length, breakAfter, block, lineStart, lineEnd };
}
