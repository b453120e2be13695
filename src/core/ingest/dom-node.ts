/** Node helpers and element categories for dom-to-markdown.ts, over the few DOM members it reads. */

/** The parts of a DOM node (linkedom's, in the worker) this walker reads. */
export type DomNode = {
  nodeType: number;
  localName?: string;
  data?: string;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
  querySelector?(selector: string): DomNode | null;
};

/** DOM node types (Node.ELEMENT_NODE, Node.TEXT_NODE). */
export const ELEMENT = 1;
export const TEXT = 3;
/** Dropped with their content: code, chrome, media, forms, images (their alt text is rarely prose). */
export const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'img', 'picture', 'button', 'select', 'textarea', 'input', 'head', 'title', 'map']);
/** Elements that start and end a block; the rest flow as inline text. */
export const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp', 'plaintext']);
/** Preformatted text verbatim, with <br> as a newline. */
export function preText(element: DomNode): string {
  let text = '';
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === TEXT) text += child.data ?? '';
    else if (child.localName === 'br') text += '\n';
    else if (child.nodeType === ELEMENT && !SKIPPED.has(child.localName ?? '')) text += preText(child);
  }
  return text;
}

/** All text under a node without recursion (an explicit stack), for trees too deep to walk. */
export function plainText(node: DomNode): string {
  let text = '';
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.nodeType === TEXT) text += current.data ?? '';
    else if (current.nodeType !== ELEMENT || SKIPPED.has(current.localName ?? '')) continue;
    else for (let at = current.childNodes.length - 1; at >= 0; at -= 1) stack.push(current.childNodes[at]!);
  }
  return text;
}

/**
 * The child nodes with each run of adjacent text nodes merged into one: linkedom splits text at
 * character references ("a &amp; b" is three nodes), and escaping needs to see a character's neighbours.
 */
export function children(parent: DomNode): DomNode[] {
  const merged: DomNode[] = [];
  let text: string[] = [];
  const flush = (): void => {
    if (text.length > 0) merged.push({ nodeType: TEXT, data: text.join(''), childNodes: [] });
    text = [];
  };
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === TEXT) {
      text.push(child.data ?? '');
    } else {
      flush();
      merged.push(child);
    }
  }
  flush();
  return merged;
}

/** An inline element wrapping blocks (a link around a card of paragraphs) is read as a block. */
export function hasBlockChild(element: DomNode): boolean {
  return Array.from(element.childNodes).some((child) => child.nodeType === ELEMENT && BLOCK.has(child.localName ?? ''));
}
