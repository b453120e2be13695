import type { Nodes, PhrasingContent } from 'mdast';
import type { LineMark } from './markdown-document.js';
import { readHtml } from './readable-html.js';

export type InlineText = { text: string; marks: LineMark[] };

/** Closes a link: its label is dropped when it only repeats the URL (an autolink). */
type LinkEnd = { linkStart: number; url: string };

/**
 * Plain text of a node's inline content, as a reader sees it: marks of emphasis and code gone (code
 * keeps its text), links reduced to their label, images to their alt text, HTML to readable text,
 * soft line breaks to spaces and whitespace runs to one space. With `images: false`, images (Markdown
 * or HTML) are left out, as a heading's badges are. Each line change is recorded as a mark,
 * so any cut of the text can say which source lines it quotes.
 *
 * Iterative (an explicit stack), so deeply nested emphasis or links cannot overflow the call stack.
 */
export function renderInline(node: Nodes, options: { images?: boolean } = {}): InlineText {
  const images = options.images ?? true;
  const writer = new InlineWriter();
  const stack: Array<Nodes | LinkEnd> = [node];
  let hidden = false; // inside an inline <script>/<style>
  while (stack.length > 0) {
    const item = stack.pop() as Nodes | LinkEnd;
    if ('linkStart' in item) {
      writer.dropLabelIfUrl(item.linkStart, item.url);
      continue;
    }
    const line = item.position?.start.line ?? 0;
    switch (item.type) {
      case 'text':
      case 'inlineCode':
        if (!hidden) writer.write(item.value, line);
        continue;
      case 'html': {
        const reading = readHtml(item.value, { images });
        if (!hidden) writer.write(reading.text, line);
        if (reading.opensRawText) hidden = true;
        else if (reading.closesRawText) hidden = false;
        continue;
      }
      case 'image':
      case 'imageReference':
        if (images) writer.write(item.alt ?? '', line);
        continue;
      case 'break':
        writer.write(' ', line);
        continue;
      case 'link':
        stack.push({ linkStart: writer.length, url: item.url });
        break;
      case 'footnoteReference':
      case 'definition':
        continue;
    }
    if ('children' in item) pushReversed(stack, item.children as PhrasingContent[]);
  }
  return writer.result();
}

function pushReversed<T>(stack: T[], items: readonly T[]): void {
  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] as T);
}

class InlineWriter {
  private text = '';
  private marks: LineMark[] = [];
  length = 0;
  private endsInSpace = true; // no leading space
  private line = 0;

  write(value: string, line: number): void {
    if (line > this.line) this.mark(line);
    const lines = value.split(/\r\n|\r|\n/u);
    lines.forEach((piece, index) => {
      if (index > 0) {
        this.append(' ');
        this.mark(this.line + 1);
      }
      this.append(piece);
    });
  }

  /** An autolink's label is its URL, and URLs are never passage text. */
  dropLabelIfUrl(start: number, url: string): void {
    if (this.length - start > url.length + 1) return;
    const label = this.text.slice(start).trim();
    if (label !== url && `mailto:${label}` !== url) return;
    const kept = this.text.slice(0, start);
    this.text = kept;
    this.length = kept.length;
    this.endsInSpace = kept.length === 0 || kept.endsWith(' ');
  }

  result(): InlineText {
    const text = this.text.trimEnd();
    return { text, marks: this.marks.length > 0 ? this.marks : [{ at: 0, line: 1 }] };
  }

  private mark(line: number): void {
    this.line = line;
    const last = this.marks[this.marks.length - 1];
    if (last && last.at === this.length) last.line = line;
    else this.marks.push({ at: this.length, line });
  }

  private append(piece: string): void {
    let text = piece.replace(/\s+/gu, ' ');
    if (this.endsInSpace) text = text.replace(/^ /u, '');
    if (text.length === 0) return;
    this.text += text;
    this.length += text.length;
    this.endsInSpace = text.endsWith(' ');
  }
}
