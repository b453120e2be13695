import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { domToMarkdown, H1_MARK } from './dom-to-markdown.js';
import { scanHtml, type ScanBlock } from './html-text-scanner.js';
import { escapeHeadingEnd, escapeInline, fencedCode, oneLine, paragraphLines } from './markdown-escape.js';
import { removeInlineBlobs } from './remove-inline-blobs.js';

/**
 * Readability's cost grows with nesting depth times element count (measured with linkedom: depth
 * 200 ~0.3 s, depth 1,000 ~4 s, depth 3,000 ~280 s; 150k flat elements ~3 s). Past these bounds the
 * page is read by the linear scanner alone.
 */
const READABILITY_MAX_DEPTH = 150;
const READABILITY_MAX_ELEMENTS = 60_000;
/** Readability's own default threshold for "this is an article". */
const ARTICLE_MIN_CHARS = 500;

/** Removed before Readability runs: chrome, code, forms, media and anything hidden. */
const UNREADABLE_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio',
  'nav', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'input', 'dialog',
  '[hidden]', '[aria-hidden="true"]',
].join(',');

/**
 * The readable content of an HTML page as Markdown (dom-to-markdown.ts), and its title. Readability's
 * article is used when it finds one (at least 500 characters, or half of the page's text); otherwise
 * the whole body, without chrome and hidden elements. Pages too deep or large for a DOM pass are read
 * by the linear scanner, which yields paragraphs, headings and preformatted blocks. Runs in the
 * extraction worker: it parses untrusted markup.
 */
export function htmlToMarkdown(html: string): { text: string; title?: string } {
  const page = scanHtml(html);
  let text: string | undefined;
  if (page.maxDepth <= READABILITY_MAX_DEPTH && page.elementCount <= READABILITY_MAX_ELEMENTS) {
    const article = readArticle(html);
    if (article !== undefined && scanHtml(article).text.trim().length >= Math.min(ARTICLE_MIN_CHARS, page.text.length / 2)) {
      text = fragmentToMarkdown(article);
    } else {
      text = bodyToMarkdown(html);
    }
  }
  return { text: text ?? scanBlocksToMarkdown(page.blocks), ...(page.title ? { title: page.title } : {}) };
}

/** An HTML fragment (Readability's article, mammoth's output) as Markdown. */
export function fragmentToMarkdown(fragment: string): string {
  return domToMarkdown(parseHTML(wrapFragment(fragment)).document.body);
}

/**
 * linkedom does not build <html> and <body> around a fragment: its first element becomes the
 * document element and the body stays empty. A page without an <html> tag is wrapped in one.
 */
function wholeDocument(html: string): string {
  return /<html[\s>]/i.test(html) ? html : wrapFragment(html);
}

function wrapFragment(fragment: string): string {
  return `<!doctype html><html><head></head><body>${fragment}</body></html>`;
}

/** The page's body without chrome and hidden elements, or undefined when the parser fails. */
function bodyToMarkdown(html: string): string | undefined {
  try {
    const document = readableDocument(html);
    return domToMarkdown(document.body ?? document.documentElement);
  } catch {
    return undefined; // the scanner's blocks are the fallback
  }
}

/** Readability's article as HTML, or undefined when it finds none or fails. */
function readArticle(html: string): string | undefined {
  try {
    // keepClasses: the "language-x" class of <pre><code> names the language of a code block.
    const article = new Readability(readableDocument(html), { maxElemsToParse: READABILITY_MAX_ELEMENTS, keepClasses: true }).parse();
    return article?.content ?? undefined;
  } catch {
    // Readability throws on documents it cannot handle; the body is the fallback.
    return undefined;
  }
}

/** The parsed page with chrome, forms, media and hidden elements removed (a page header too, unless inside an article). */
function readableDocument(html: string): ReturnType<typeof parseHTML>['document'] {
  const { document } = parseHTML(wholeDocument(html));
  for (const element of [...document.querySelectorAll(UNREADABLE_SELECTOR)]) {
    element.remove();
  }
  for (const element of [...document.querySelectorAll('header')]) {
    if (!element.closest('article')) element.remove();
  }
  for (const element of [...document.querySelectorAll('[style]')]) {
    if (/(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test((element.getAttribute('style') ?? '').slice(0, 2048))) {
      element.remove();
    }
  }
  for (const element of [...document.querySelectorAll('h1')]) {
    element.setAttribute(H1_MARK, '');
  }
  return document;
}

/** The scanner's blocks as Markdown: headings as "#" lines, preformatted text fenced, the rest escaped paragraphs. */
function scanBlocksToMarkdown(blocks: readonly ScanBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    const text = removeInlineBlobs(block.text.replace(/\u00a0/g, ' '));
    const markdown =
      block.pre ? (text.trim() === '' ? '' : fencedCode(text))
      : block.heading !== undefined ? headingLine(block.heading, text)
      : paragraphLines(escapeInline(text));
    if (markdown !== '') out.push(markdown);
  }
  return out.join('\n\n');
}

function headingLine(level: number, text: string): string {
  const content = escapeHeadingEnd(oneLine(escapeInline(text)));
  return content === '' ? '' : `${'#'.repeat(level)} ${content}`;
}
