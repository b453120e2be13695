import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { scanHtml } from './html-text-scanner.js';
import { tidyText } from './normalize-text.js';
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
 * The readable text of an HTML page and its title. Readability's article is used when it finds one
 * (at least 500 characters, or half of the page's text); otherwise the whole body's text, with block
 * elements as paragraphs. Runs in the extraction worker: it parses untrusted markup.
 */
export function htmlToText(html: string): { text: string; title?: string } {
  const page = scanHtml(html);
  let text = page.text;
  if (page.maxDepth <= READABILITY_MAX_DEPTH && page.elementCount <= READABILITY_MAX_ELEMENTS) {
    const article = readArticle(html);
    if (article !== undefined) {
      const articleText = scanHtml(article).text;
      if (articleText.trim().length >= Math.min(ARTICLE_MIN_CHARS, page.text.length / 2)) {
        text = articleText;
      }
    }
  }
  const tidy = tidyText(removeInlineBlobs(text.replace(/\u00a0/g, ' ')));
  return { text: tidy, ...(page.title ? { title: page.title } : {}) };
}

/** Readability's article as HTML, or undefined when it finds none or fails. */
function readArticle(html: string): string | undefined {
  try {
    const { document } = parseHTML(html);
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
    const article = new Readability(document, { maxElemsToParse: READABILITY_MAX_ELEMENTS }).parse();
    return article?.content ?? undefined;
  } catch {
    // Readability throws on documents it cannot handle; the scanner's text is the fallback.
    return undefined;
  }
}
