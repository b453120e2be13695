import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import type { CorpusDocument } from '../documents/document.js';
import { isValidId, slugify } from '../documents/slugify.js';
import { FootnoteError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { corpusFileMeta } from './exported-meta.js';
import { parseFrontMatter } from './parse-front-matter.js';

const CORPUS_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.mdx']);


/**
 * Reads the shipped corpus: every .txt/.md/.mdx file of `dir` with YAML front matter (title required).
 * The id is the file name without extension. Documents come back sorted by id, as read-only globals.
 */
export async function readCorpusDir(dir: string): Promise<CorpusDocument[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => CORPUS_EXTENSIONS.has(extname(name).toLowerCase())).sort();
  } catch (error) {
    throw new FootnoteError('not_found', `The corpus folder ${dir} cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const documents: CorpusDocument[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const { data, body } = parseFrontMatter(await readFile(path, 'utf8'), path);
    const parsed = corpusFileMeta.safeParse(data);
    if (!parsed.success) {
      throw new FootnoteError('input_rejected', `${path}: invalid front matter: ${z.prettifyError(parsed.error)}`);
    }
    const meta = parsed.data;
    const id = meta.id ?? slugify(basename(name, extname(name)));
    if (!isValidId(id)) throw new FootnoteError('input_rejected', `${path}: "${id}" is not a valid document id.`);
    const contentHash = sha256Hex(body);
    if (meta.source_sha256 !== undefined && meta.source_sha256 !== contentHash) {
      throw new FootnoteError('input_rejected', `${path}: the text no longer matches its source_sha256; the shipped text must stay verbatim.`);
    }
    documents.push({
      scope: 'global',
      id,
      title: meta.title,
      source: { kind: 'shipped', path: name },
      ...(meta.publisher !== undefined && { publisher: meta.publisher }),
      ...(meta.author !== undefined && { author: meta.author }),
      ...(meta.reference !== undefined && { reference: meta.reference }),
      ...(meta.url !== undefined && { url: meta.url }),
      ...(meta.date !== undefined && { date: meta.date }),
      addedBy: 'shipped',
      addedAt: '1970-01-01T00:00:00.000Z',
      contentHash,
      ...(meta.layout === 'markdown' && { layout: 'markdown' as const }),
      text: body,
    });
  }
  return documents;
}
