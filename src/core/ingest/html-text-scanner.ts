import { decodeHtmlEntities } from './decode-html-entities.js';

/**
 * A single linear pass over HTML that yields its readable text, its title, and the nesting depth and
 * element count that decide whether a DOM + Readability pass is affordable. It never builds a tree,
 * never recurses and uses no backtracking regexes, so deep nesting or a 5 MB attribute costs O(n).
 * It is deliberately approximate where HTML is forgiving (implied end tags are not modelled).
 */
export type HtmlScan = { text: string; blocks: ScanBlock[]; title?: string; maxDepth: number; elementCount: number };
/** A paragraph of the page's text; headings carry their level, preformatted blocks keep their spacing. */
export type ScanBlock = { text: string; heading?: number; pre?: boolean };

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is raw text up to their end tag (HTML "raw text"/"RCDATA" elements). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements dropped with everything inside them: code, chrome, forms, embedded media. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'dialog', 'map', 'datalist', 'frameset', 'noembed', 'noframes', 'title']);
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'xmp', 'plaintext']);
/** Elements whose end tag is optional: not counted for depth, so sloppy lists/tables do not look deep. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body']);
const PREFORMATTED = new Set(['pre', 'listing', 'plaintext', 'xmp']);
/** Attribute values longer than this (inline images, base64 blobs) are skipped, never copied. */
const MAX_KEPT_ATTRIBUTE = 2048;
const MAX_TITLE_CHARS = 300;

type Tag = { name: string; attributes: Map<string, string>; selfClosing: boolean; end: number };

export function scanHtml(html: string): HtmlScan {
  const sink = new TextSink();
  let maxDepth = 0;
  let depth = 0;
  let elementCount = 0;
  let articleDepth = 0;
  // While set, everything is dropped until the skipped element ends: by its own end tag, by its
  // parent ending (depth falls below where it began) or, for elements with optional end tags, by a
  // sibling that implicitly closes it.
  let skip: { name: string; depth: number } | undefined;
  let titleText: string | undefined;
  let ogTitle: string | undefined;
  const h1 = { text: '', open: 0, done: false };

  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > at) {
      const text = html.slice(at, textEnd);
      if (skip === undefined) sink.text(text);
      if (h1.open > 0 && !h1.done && h1.text.length < MAX_TITLE_CHARS * 4) h1.text += text;
    }
    if (lt === -1) break;
    at = lt;

    const next = html.charCodeAt(at + 1);
    if (html.startsWith('<!--', at)) {
      const close = html.indexOf('-->', at + 4);
      at = close === -1 ? html.length : close + 3;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */ || (next === 0x2f /* / */ && !isAsciiLetter(html.charCodeAt(at + 2)))) {
      const close = html.indexOf('>', at);
      at = close === -1 ? html.length : close + 1;
      continue;
    }
    if (next === 0x2f /* / */) {
      const nameEnd = scanName(html, at + 2);
      const name = html.slice(at + 2, nameEnd).toLowerCase();
      const close = html.indexOf('>', nameEnd);
      at = close === -1 ? html.length : close + 1;
      if (isCounted(name) && depth > 0) depth -= 1;
      if (name === 'article' && articleDepth > 0) articleDepth -= 1;
      if (name === 'h1' && h1.open > 0 && --h1.open === 0) h1.done = true;
      if (skip !== undefined) {
        if (depth < skip.depth || (name === skip.name && depth === skip.depth && !isCounted(name))) skip = undefined;
        continue;
      }
      sink.closeTag(name);
      continue;
    }
    if (!isAsciiLetter(next)) {
      if (skip === undefined) sink.text('<');
      at += 1;
      continue;
    }

    const tag = readTag(html, at + 1);
    at = tag.end;
    const { name } = tag;
    elementCount += 1;
    if (name === 'meta' && ogTitle === undefined && isOgTitle(tag.attributes)) {
      ogTitle = tag.attributes.get('content');
    }
    let rawText: string | undefined;
    if (RAW_TEXT.has(name) && !tag.selfClosing) {
      // The content and end tag are consumed here, so raw-text elements never change the depth.
      const close = findEndTag(html, name, at);
      rawText = html.slice(at, close.start);
      at = close.end;
      if (name === 'title' && titleText === undefined) titleText = rawText;
    }
    if (skip !== undefined && OPTIONAL_END.has(skip.name) && depth === skip.depth) {
      if (name === skip.name || (skip.name === 'p' && BLOCKS.has(name))) skip = undefined;
    }
    const isVoid = VOID.has(name) || tag.selfClosing || rawText !== undefined;
    if (!isVoid && isCounted(name)) {
      depth += 1;
      if (depth > maxDepth) maxDepth = depth;
    }
    if (name === 'h1' && !h1.done && !isVoid) h1.open += 1;
    if (name === 'article' && !isVoid) articleDepth += 1;
    if (skip !== undefined) continue;

    const dropped = (SKIPPED.has(name) && !(name === 'header' && articleDepth > 0)) || isHidden(name, tag.attributes);
    if (dropped) {
      if (!isVoid) skip = { name, depth };
      continue;
    }
    sink.openTag(name);
    if (rawText !== undefined) sink.text(rawText);
    if (isVoid) sink.closeTag(name);
  }

  const title = [ogTitle, titleText, h1.text].map((candidate) => cleanTitle(candidate)).find((candidate) => candidate);
  const blocks = sink.finish().map((block) => ({ ...block, text: decodeHtmlEntities(block.text) }));
  const text = blocks.map((block) => block.text).join('\n\n');
  return { text, blocks, ...(title ? { title } : {}), maxDepth, elementCount };
}

/** Elements that count for nesting depth: not void, and with a required end tag. */
function isCounted(name: string): boolean {
  return !VOID.has(name) && !OPTIONAL_END.has(name) && !RAW_TEXT.has(name);
}

/** Collects text into blocks: block elements start new paragraphs, <br> a new line, cells a tab. */
class TextSink {
  private readonly blocks: ScanBlock[] = [];
  private current = '';
  private preDepth = 0;
  /** The level of the heading being read, set from its start tag to the next block boundary. */
  private heading: number | undefined;

  text(text: string): void {
    this.current += this.preDepth > 0 ? text : text.replace(/[ \t\n\r\f]+/g, ' ');
  }

  openTag(name: string): void {
    if (name === 'br') {
      this.current += '\n';
    } else if (name === 'td' || name === 'th') {
      this.current += '\t';
    } else if (BLOCKS.has(name)) {
      this.flush();
      if (PREFORMATTED.has(name)) this.preDepth += 1;
      if (/^h[1-6]$/.test(name)) this.heading = Number(name.charAt(1));
    }
  }

  closeTag(name: string): void {
    if (BLOCKS.has(name)) {
      this.flush();
      if (PREFORMATTED.has(name) && this.preDepth > 0) this.preDepth -= 1;
    }
  }

  finish(): ScanBlock[] {
    this.flush();
    return this.blocks;
  }

  private flush(): void {
    const block = this.current;
    const heading = this.heading;
    this.current = '';
    this.heading = undefined;
    if (this.preDepth > 0) {
      if (block.trim() !== '') this.blocks.push({ text: block.replace(/^\n+/, '').trimEnd(), pre: true });
      return;
    }
    const lines = block
      .split('\n')
      .map((line) =>
        line
          .split('\t')
          .map((cell) => cell.trim())
          .filter((cell) => cell !== '')
          .join('\t'),
      )
      .filter((line) => line !== '');
    if (lines.length > 0) this.blocks.push({ text: lines.join('\n'), ...(heading !== undefined && { heading }) });
  }
}

function readTag(html: string, start: number): Tag {
  const nameEnd = scanName(html, start);
  const name = html.slice(start, nameEnd).toLowerCase();
  const attributes = new Map<string, string>();
  let at = nameEnd;
  let selfClosing = false;
  while (at < html.length) {
    const c = html.charCodeAt(at);
    if (c === 0x3e /* > */) {
      return { name, attributes, selfClosing, end: at + 1 };
    }
    if (isSpace(c) || c === 0x2f /* / */) {
      selfClosing = c === 0x2f;
      at += 1;
      continue;
    }
    selfClosing = false;
    let nameStop = at;
    while (nameStop < html.length && !isSpace(html.charCodeAt(nameStop)) && !'=>/'.includes(html.charAt(nameStop))) nameStop += 1;
    if (nameStop === at) nameStop += 1; // a stray "=": skip it
    const attributeName = html.slice(at, nameStop).toLowerCase();
    at = nameStop;
    while (at < html.length && isSpace(html.charCodeAt(at))) at += 1;
    let value = '';
    if (html.charCodeAt(at) === 0x3d /* = */) {
      at += 1;
      while (at < html.length && isSpace(html.charCodeAt(at))) at += 1;
      const quote = html.charAt(at);
      let valueStart: number;
      let valueEnd: number;
      if (quote === '"' || quote === "'") {
        valueStart = at + 1;
        const close = html.indexOf(quote, valueStart);
        valueEnd = close === -1 ? html.length : close;
        at = close === -1 ? html.length : close + 1;
      } else {
        valueStart = at;
        while (at < html.length && !isSpace(html.charCodeAt(at)) && html.charCodeAt(at) !== 0x3e) at += 1;
        valueEnd = at;
      }
      if (valueEnd - valueStart <= MAX_KEPT_ATTRIBUTE) value = html.slice(valueStart, valueEnd);
    }
    if (!attributes.has(attributeName)) attributes.set(attributeName, value);
  }
  return { name, attributes, selfClosing, end: html.length };
}

const END_TAG_PATTERNS = new Map<string, RegExp>();

/** Where the end tag of a raw-text element starts and ends (the rest of the input when it has none). */
function findEndTag(html: string, name: string, from: number): { start: number; end: number } {
  let pattern = END_TAG_PATTERNS.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi');
    END_TAG_PATTERNS.set(name, pattern);
  }
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  if (!match) {
    return { start: html.length, end: html.length };
  }
  const close = html.indexOf('>', match.index);
  return { start: match.index, end: close === -1 ? html.length : close + 1 };
}

function isHidden(name: string, attributes: Map<string, string>): boolean {
  if (attributes.has('hidden') || attributes.get('aria-hidden')?.trim().toLowerCase() === 'true') {
    return true;
  }
  if (name === 'input' && attributes.get('type')?.trim().toLowerCase() === 'hidden') {
    return true;
  }
  const style = attributes.get('style');
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

function isOgTitle(attributes: Map<string, string>): boolean {
  const key = (attributes.get('property') ?? attributes.get('name'))?.trim().toLowerCase();
  return key === 'og:title' && attributes.has('content');
}

function cleanTitle(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const title = decodeHtmlEntities(raw.slice(0, 4 * MAX_TITLE_CHARS)).replace(/\s+/g, ' ').trim();
  return title === '' ? undefined : title.slice(0, MAX_TITLE_CHARS);
}

function scanName(html: string, start: number): number {
  let at = start;
  while (at < html.length) {
    const c = html.charCodeAt(at);
    if (isSpace(c) || c === 0x2f || c === 0x3e) break;
    at += 1;
  }
  return at;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}
