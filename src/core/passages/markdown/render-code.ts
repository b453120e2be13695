import type { Code } from 'mdast';
import type { TextUnit } from './markdown-document.js';

/**
 * A code block's lines as units, each citing its own source line. A fenced block's code starts on the
 * line after its opening fence; an indented block's on its first line. Line breaks are kept as they are:
 * code is quoted whole, never reflowed.
 */
export function codeUnits(code: Code, markdown: string): TextUnit[] {
  if (code.value.length === 0) return [];
  const start = code.position?.start;
  const fenced = start !== undefined && /[`~]/u.test(markdown.charAt(start.offset ?? -1));
  const firstLine = (start?.line ?? 1) + (fenced ? 1 : 0);
  return code.value.split(/\r\n|\r|\n/u).map((text, index) => ({
    text,
    marks: [{ at: 0, line: firstLine + index }],
    breakAfter: 'sentence',
  }));
}

/**
 * The first word of a fence's info string ("ts twoslash" → "ts"; "js [vite.config.js]" → "js"). A
 * bracketed first word is a file title (VitePress "```[.env]"), not a language.
 */
export function codeLang(code: Code): string | undefined {
  const lang = code.lang?.split(/\s/u)[0];
  return lang && !lang.startsWith('[') ? lang : undefined;
}

/** How a code block (or a part of one) reads in a passage. */
export function fence(code: string, lang: string | undefined): string {
  return `\`\`\`${lang ?? ''}\n${code}\n\`\`\``;
}
