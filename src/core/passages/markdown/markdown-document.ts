/**
 * The structured form of a Markdown document that passages are cut from: metadata, a title, and a
 * flat list of readable blocks in source order, each knowing its lines and its section.
 */

/** A source line from `at` (a text offset) on: lets a cut inside a block still cite its own lines. */
export type LineMark = { at: number; line: number };

/**
 * A stretch of block text the splitter may cut after (a paragraph, a list line, a table row, a code
 * line). `breakAfter` says what a cut right after it would split: items of a list or rows of a table
 * ('paragraph'), or lines of one list item ('sentence').
 */
export type TextUnit = { text: string; marks: LineMark[]; breakAfter: 'paragraph' | 'sentence' };

export type BlockKind = 'paragraph' | 'code' | 'list' | 'table' | 'html' | 'label';

export interface MarkdownBlock {
  kind: BlockKind;
  /** Readable text: units joined by "\n"; for code, the code itself (without fences). */
  text: string;
  /** Code only: the first word of the fence's info string. */
  lang?: string;
  /** 1-based lines of the original Markdown (front matter included). */
  lineStart: number;
  lineEnd: number;
  /** Texts of the enclosing headings, outermost first (the title heading excluded). */
  headingPath: string[];
  /** Counts headings seen so far: two sections with the same path are still two sections. */
  sectionIndex: number;
  /** Kept with the next block when passages are cut (a list's lead-in sentence, a container label). */
  keepWithNext: boolean;
  units: TextUnit[];
}

export type MarkdownMetadata = { title?: string; date?: string; author?: string; description?: string } & Record<
  string,
  string | undefined
>;

export interface MarkdownDocument {
  metadata: MarkdownMetadata;
  /** Front matter `title`, else the first depth-1 heading's text, else undefined. */
  title: string | undefined;
  blocks: MarkdownBlock[];
}

/** The source line of `offset` in a unit's text. */
export function lineAt(marks: readonly LineMark[], offset: number): number {
  let low = 0;
  let high = marks.length - 1;
  let line = marks[0]?.line ?? 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const mark = marks[mid] as LineMark;
    if (mark.at <= offset) {
      line = mark.line;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return line;
}
