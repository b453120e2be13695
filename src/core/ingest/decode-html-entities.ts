import { parseHTML } from 'linkedom';

/**
 * Decodes HTML character references (all named ones, numeric ones, the legacy forms without ";")
 * the way an HTML parser does, by letting linkedom parse the text as the content of one <pre>.
 * Whitespace and newlines survive; "<" is escaped first so that no markup can form.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) {
    return text;
  }
  // The leading "x" keeps the parser from dropping a newline right after <pre>.
  const { document } = parseHTML(`<!doctype html><html><body><pre>x${text.replace(/</g, '&lt;')}</pre></body></html>`);
  const decoded = document.querySelector('pre')?.textContent ?? 'x';
  return decoded.slice(1);
}
