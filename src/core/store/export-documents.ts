import { stringify } from 'yaml';
import { isValidId } from '../documents/slugify.js';
import { sha256Hex } from '../hash.js';
import type { StoredDocument } from './document-store.js';

/** One file of an export: a bare file name (no directory part, ever) and its content. */
export type ExportedFile = { name: string; content: string };

/**
 * A server's documents as files in the shipped corpus's format, so an export can serve as a CORPUS_DIR or be added
 * back with `footnote docs add`: YAML front matter (title, id, url…, and `source_sha256` of the text, which the
 * corpus reader verifies), then the stored text byte for byte. Where it came from, who added it and when are YAML
 * comments (the corpus schema is strict), each value JSON-quoted so no newline or `#` can escape its comment.
 * File names come from ids: an id that is not a plain slug (only a tampered store has one) becomes `doc-<hash>`,
 * so no name can contain a path separator, `..`, or anything but [a-z0-9-].
 */
export function exportDocuments(documents: readonly StoredDocument[]): ExportedFile[] {
  const taken = new Set<string>();
  return documents.map((doc) => {
    const base = isValidId(doc.id) ? doc.id : `doc-${sha256Hex(doc.id).slice(0, 16)}`;
    const extension = doc.layout === 'markdown' ? '.md' : '.txt';
    let name = `${base}${extension}`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}${extension}`;
    taken.add(name);
    return { name, content: frontMatter(doc) + doc.text };
  });
}

function frontMatter(doc: StoredDocument): string {
  const meta = {
    title: doc.title,
    ...(isValidId(doc.id) && { id: doc.id }),
    ...(doc.url !== undefined && { url: doc.url }),
    ...(doc.publisher !== undefined && { publisher: doc.publisher }),
    ...(doc.author !== undefined && { author: doc.author }),
    ...(doc.reference !== undefined && { reference: doc.reference }),
    ...(doc.date !== undefined && { date: doc.date }),
    ...(doc.layout === 'markdown' && { layout: 'markdown' }),
    source_sha256: doc.contentHash,
  };
  const source = doc.source.kind === 'url' ? doc.source.url : doc.source.name;
  const comments = [
    `# exported from footnote: ${JSON.stringify(doc.scope)}`,
    `# source: ${JSON.stringify(source)}`,
    `# added by ${JSON.stringify(doc.addedBy)} at ${JSON.stringify(doc.addedAt)}`,
  ];
  return `---\n${comments.join('\n')}\n${stringify(meta, { lineWidth: 0 })}---\n`;
}
