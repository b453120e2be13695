import type { Citation } from '../../core/index.js';
import { escapeLinkLabel, escapeText } from './escape-text.js';
import { textFragmentUrl } from './text-fragment-url.js';
import { truncate } from './truncate.js';

/** Links longer than this are left out: a citation must stay readable inside a 1,024-character field. */
const MAX_LINK_CHARS = 600;
/** Titles are cut so that a citation line stays one line in the embed. */
const MAX_TITLE_CHARS = 150;

/** The link to the cited sentence in its document, when the document has a URL and it is usable. */
export function citationUrl(citation: Pick<Citation, 'url' | 'highlight'>): string | undefined {
  if (citation.url === undefined || !/^https?:\/\//i.test(citation.url)) return undefined;
  const url = textFragmentUrl(citation.url, citation.highlight);
  return url.length <= MAX_LINK_CHARS && !/\s/.test(url) ? url : undefined;
}

/** Sections are cut so that a citation line stays one line in the embed. */
const MAX_SECTION_CHARS = 120;

/**
 * `**[2]** [Title](link) › Section · lines 12–18`: number, title (linked when there is a URL), the
 * headings the passage sits under, place.
 */
export function citationLine(citation: Citation): string {
  const title = truncate(citation.title, MAX_TITLE_CHARS);
  const url = citationUrl(citation);
  const label = url ? `[${escapeLinkLabel(title)}](${url})` : `*${escapeText(title)}*`;
  const section = citation.section === undefined ? '' : ` › ${escapeText(truncate(citation.section, MAX_SECTION_CHARS))}`;
  return `**[${citation.rank}]** ${label}${section} · ${citation.location}`;
}

/** "[2] Title", for a field name (Discord shows field names as plain text, so markdown is escaped). */
export function citationHeading(citation: Citation): string {
  return `[${citation.rank}] ${escapeText(truncate(citation.title, MAX_TITLE_CHARS))}`;
}
