/**
 * Readable text of an HTML fragment from Markdown (a raw HTML block, or one inline tag): comments,
 * `<script>` and `<style>` go entirely; tags go, their inner text stays; a component with no inner text
 * (`<Badge text="new"/>`, `<DocsLink path="guide/api#hot-accept"/>`) is read from its attributes.
 *
 * This is a tokenizer for tags, not a Markdown parser: Markdown structure comes from mdast.
 */

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</gu;
const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gu;
/** Template interpolations (Vue's `{{ dep.name }}`) are code a page fills in, not words on it. */
const TEMPLATE = /\{\{[\s\S]*?\}\}/gu;
const RAW_TEXT = new Set(['script', 'style']);
/** Elements that separate words (others, like <kbd> or <Badge>, sit inside a sentence). */
const BLOCK = new Set(
  'address article aside blockquote br dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul'.split(' '),
);
const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr', 'source', 'meta', 'link', 'area', 'col', 'embed']);
/** Elements that show a picture: a logo, a badge, a diagram. */
const IMAGES = new Set(['img', 'picture', 'source', 'svg', 'image']);
/** Attributes that hold a component's words, best first. */
const TEXT_ATTRIBUTES = ['text', 'title', 'label', 'alt', 'aria-label', 'name'];
/** Attributes that hold a target a reader can recognise by its last segment or anchor. */
const PATH_ATTRIBUTES = ['path', 'to', 'href', 'link', 'page'];
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export type HtmlReading = {
  text: string;
  /** The fragment opens a `<script>`/`<style>` it does not close: text after it (inline) is hidden. */
  opensRawText: boolean;
  /** The fragment closes a raw-text element opened earlier. */
  closesRawText: boolean;
};

/**
 * With `images: false`, pictures are left out: an image adds nothing, nor does an element holding
 * only images (a link around a badge, `<a href="…/maintainability"><img src="…"/></a>`), where it
 * would otherwise be read from its attributes. A component with no inner text is still read
 * (`<Badge text="new"/>`).
 */
export function readHtml(html: string, options: { images?: boolean } = {}): HtmlReading {
  const images = options.images ?? true;
  const out: string[] = [];
  // Words written and images met so far: an element that closed without adding words is read from
  // its attributes, unless (images left out) it framed a picture.
  let words = 0;
  let pictures = 0;
  const emit = (text: string): void => {
    out.push(text);
    if (/\S/u.test(text)) words++;
  };
  const open: Array<{ attributes: string; words: number; pictures: number }> = [];
  let skipUntil: string | undefined;
  let closesRawText = false;
  for (const match of html.matchAll(TOKEN)) {
    const [token, slash, rawName, attributes = ''] = match;
    const name = rawName?.toLowerCase();
    if (skipUntil) {
      if (slash && name === skipUntil) skipUntil = undefined;
      continue;
    }
    if (token.startsWith('<!--')) continue;
    if (!name) {
      emit(decodeEntities(token.replace(TEMPLATE, ' ')));
    } else if (slash) {
      if (RAW_TEXT.has(name)) closesRawText = true;
      const element = open.pop();
      if (element && words === element.words && (images || pictures === element.pictures)) emit(attributeText(element.attributes));
      if (BLOCK.has(name)) emit(' ');
    } else if (RAW_TEXT.has(name) && !attributes.trimEnd().endsWith('/')) {
      skipUntil = name;
    } else if (VOID.has(name) || attributes.trimEnd().endsWith('/')) {
      const space = BLOCK.has(name) ? ' ' : '';
      if (IMAGES.has(name)) pictures++;
      emit(space + (images || !IMAGES.has(name) ? attributeText(attributes) : '') + space);
    } else {
      if (BLOCK.has(name)) emit(' ');
      open.push({ attributes, words, pictures });
    }
  }
  return { text: out.join(''), opensRawText: skipUntil !== undefined, closesRawText };
}

/**
 * The words of the first `<h1>` in an HTML fragment: the title of a README that centres it in HTML
 * (`<p align="center"><img alt="Zod logo"/><h1 align="center">Zod</h1>`). Only words it writes, not
 * its images' alt text or its links' paths: an `<h1>` made of a logo and badges has no title to give.
 * Only the first TITLE_WINDOW characters are read, in one pass: a title stands at the top.
 */
export function htmlTitle(html: string): string | undefined {
  const head = html.slice(0, TITLE_WINDOW);
  const open = H1_OPEN.exec(head);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const end = head.toLowerCase().indexOf('</h1', start);
  if (end < 0) return undefined;
  const words = decodeEntities(head.slice(start, end).replace(/<!--[\s\S]*?(?:-->|$)|<[^>]*>/gu, ' ')).replace(/\s+/gu, ' ').trim();
  return words === '' ? undefined : words;
}

/** How far into a document (or an HTML fragment) its title is looked for. */
export const TITLE_WINDOW = 8192;
/** An `<h1>` start tag; its attributes bounded, so that a tag left open cannot make the search quadratic. */
const H1_OPEN = /<h1(?:\s[^<>]{0,500})?>/iu;

/** `text="x"` → "x"; `path="guide/api-hmr#hot-accept"` → "hot accept". Vue bindings (`:x`, `@x`) are code. */
function attributeText(attributes: string): string {
  const values = new Map<string, string>();
  for (const [, key = '', double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
    values.set(key.toLowerCase(), double ?? single ?? bare ?? '');
  }
  for (const key of TEXT_ATTRIBUTES) {
    const value = values.get(key)?.trim();
    if (value) return decodeEntities(value);
  }
  for (const key of PATH_ATTRIBUTES) {
    const value = values.get(key);
    if (value) return readablePath(value);
  }
  return '';
}

function readablePath(path: string): string {
  const [route = '', anchor] = path.split('#', 2);
  const segment = anchor || route.split(/[/?]/u).filter(Boolean).pop() || '';
  return decodeEntities(segment.replace(/\.(?:md|html?)$/u, '').replace(/[-_]+/gu, ' ').trim());
}

/** The text with HTML character references decoded: the common named ones and numeric ones. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/giu, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}
