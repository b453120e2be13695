import { parseDocument } from 'yaml';
import { FootnoteError } from '../../errors.js';
import type { MarkdownMetadata } from './markdown-document.js';
import { decodeEntities } from './readable-html.js';

/** The front matter keys footnote keeps; others (layout, sidebar, hero…) drive a site, not a quote. */
const KEPT_KEYS = ['title', 'date', 'author', 'description'] as const;

/**
 * Reads YAML front matter into string metadata. `firstLine` is the 1-based line of the YAML's first
 * line in the Markdown file, so that an error can point at the file's own line.
 * Throws `input_rejected` when the YAML is invalid or is not a mapping: a document whose header cannot
 * be read is better rejected than indexed with its header as text.
 */
export function readFrontMatter(yaml: string, firstLine: number): MarkdownMetadata {
  const document = parseDocument(yaml, { prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const line = firstLine + (error.linePos?.[0].line ?? 1) - 1;
    throw new FootnoteError('input_rejected', `the front matter is not valid YAML (line ${line}: ${firstSentence(error.message)})`, {
      cause: error,
    });
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new FootnoteError('input_rejected', `the front matter is not valid YAML: it must be a mapping of keys to values (line ${firstLine})`);
  }
  const metadata: MarkdownMetadata = {};
  for (const key of KEPT_KEYS) {
    // Sites render these as HTML: "title: Logging in &amp; Networks" is shown "Logging in & Networks",
    // "Travel for TTS <em>before</em> onboarding" as "Travel for TTS before onboarding".
    const text = asText((value as Record<string, unknown>)[key]);
    const shown = text === undefined ? undefined : decodeEntities(text.replace(HTML_TAG, '')).trim();
    if (shown) metadata[key] = shown;
  }
  return metadata;
}

/** An HTML tag written in a front matter value ("<em>", "</em>", "<br/>"). */
const HTML_TAG = /<\/?[A-Za-z][^<>]*>/gu;

function asText(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ') || undefined;
  if (value && typeof value === 'object' && 'name' in value) return asText(value.name); // author: { name: … }
  return undefined;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/u, '') ?? message;
}
