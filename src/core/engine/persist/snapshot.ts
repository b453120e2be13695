import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import type { DocumentMeta } from '../../documents/document.js';
import { FootnoteError } from '../../errors.js';
import type { CompactArrays } from '../postings/compact-index.js';
import type { IndexedPassage } from '../types.js';
import { encodeCompactSnapshot, readCompactSnapshot } from './compact-snapshot.js';
import { OPTIONS_HASH, SNAPSHOT_FORMAT, type SnapshotManifest } from './manifest.js';
import { PassageTextFile, StoredPassage, TEXT_HEADER_BYTES, TEXT_MAGIC, type TextSpan } from './passage-text-file.js';

const manifestSchema = z.object({
  format: z.number(),
  optionsHash: z.string(),
  corpusHash: z.string(),
  storeId: z.string(),
  storeRev: z.number().int().nonnegative(),
});
const trailerSchema = z.object({ bodySha256: z.string(), lines: z.number().int(), textId: z.string().regex(/^[0-9a-f]{64}$/), textBytes: z.number().int().nonnegative() });
const lineSchema = z.object({
  t: z.literal('doc'),
  v: z.object({ meta: z.record(z.string(), z.unknown()), passages: z.array(z.unknown()) }),
});

/** A passage as the NDJSON holds it: everything but its text, and where the text file holds that. */
type PassageRecord = Omit<IndexedPassage, 'text' | 'docId' | 'scope'> & TextSpan;

const PASSAGE_NUMBERS = ['key', 'ordinal', 'paragraphStart', 'paragraphEnd', 'lineStart', 'lineEnd', 'at', 'bytes', 'crc'] as const;

/** A passage record's shape, checked by hand: a schema per passage was a third of the load time at 200k. */
function isPassageRecord(value: unknown): value is PassageRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    PASSAGE_NUMBERS.every((name) => typeof record[name] === 'number') &&
    typeof record.id === 'string' &&
    (record.section === undefined || typeof record.section === 'string') &&
    (record.pageStart === undefined || (typeof record.pageStart === 'number' && typeof record.pageEnd === 'number'))
  );
}

/** The compact index's file for the NDJSON snapshot at `path` (same folder, `.postings`). */
export function postingsPath(path: string): string {
  return `${path.replace(/\.ndjson$/, '')}.postings`;
}

/** The passage text file for the NDJSON snapshot at `path` (same folder, `.text`). */
export function textPath(path: string): string {
  return `${path.replace(/\.ndjson$/, '')}.text`;
}

export type SnapshotDocument = { meta: DocumentMeta; passages: IndexedPassage[] };

/** What a snapshot holds: the documents in key order with their passages, and the compact index's arrays. */
export type SnapshotContents = { documents: SnapshotDocument[]; compact: CompactArrays };
type TextFileInfo = { textId: string; textBytes: number; spans: TextSpan[] };

/** Characters written per call: few calls, and no string near V8's length limit. */
const WRITE_BATCH_CHARS = 4 << 20;

/**
 * Writes the index as two files: NDJSON (a manifest line, a line per document with its passages, and a
 * trailer with the body's sha256) and, next to it, the compact index's postings (compact-snapshot),
 * bound to that body's sha256. Both are taken from the index at once (it may change while they are
 * written), written to temporary files, fsynced and renamed over the old ones, postings first: a crash
 * between the renames leaves a pair that does not match, which loading rejects.
 */
export async function writeSnapshot(path: string, { documents, compact }: SnapshotContents, manifest: SnapshotManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const files = [path, postingsPath(path), textPath(path)];
  const [temporary, temporaryPostings, temporaryText] = files.map((file) => `${file}.${process.pid}.tmp`) as [string, string, string];
  try {
    const texts = await writeTexts(temporaryText, documents);
    const bodySha256 = await writeNdjson(temporary, manifest, documents, texts);
    await writeChunks(temporaryPostings, encodeCompactSnapshot(compact, bodySha256));
    await rename(temporaryPostings, postingsPath(path));
    await rename(temporaryText, textPath(path));
    await rename(temporary, path);
  } catch (error) {
    for (const file of [temporary, temporaryPostings, temporaryText]) await rm(file, { force: true });
    throw error;
  }
}

/**
 * Removes the temporary files that a writer killed mid-write left next to the snapshot at `path`
 * (named `<file>.<pid>.tmp`): those of processes no longer running. A live process's (another
 * `footnote` reading the same folder while the bot writes) are left alone.
 */
export async function removeStrayTemporaries(path: string): Promise<void> {
  const folder = dirname(path);
  const prefixes = [path, postingsPath(path), textPath(path)].map((file) => `${basename(file)}.`);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const prefix = prefixes.find((candidate) => name.startsWith(candidate));
    const pid = prefix === undefined ? NaN : Number(/^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && !isRunning(pid)) await rm(join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The text file: a header with the id (sha256 of the texts; written last), then every passage's UTF-8
 * text in snapshot order. A passage loaded from the old text file is copied as its stored bytes (its
 * CRC checked), not decoded and encoded again.
 */
async function writeTexts(file: string, documents: readonly SnapshotDocument[]): Promise<TextFileInfo> {
  const hash = createHash('sha256');
  const handle = await open(file, 'w');
  try {
    const spans: TextSpan[] = [];
    let batch: Buffer[] = [Buffer.alloc(TEXT_HEADER_BYTES)];
    let batchBytes = 0;
    let at = 0;
    for (const { passages } of documents) {
      for (const passage of passages) {
        const stored = passage instanceof StoredPassage ? passage.storedBytes() : undefined;
        const bytes = stored ?? Buffer.from(passage.text, 'utf8');
        spans.push({ at, bytes: bytes.length, crc: stored && passage instanceof StoredPassage ? passage.span.crc : crc32(bytes) });
        hash.update(bytes);
        batch.push(bytes);
        at += bytes.length;
        batchBytes += bytes.length;
        if (batchBytes >= WRITE_BATCH_CHARS) {
          await handle.write(Buffer.concat(batch));
          [batch, batchBytes] = [[], 0];
        }
      }
    }
    await handle.write(Buffer.concat(batch));
    const textId = hash.digest('hex');
    await handle.write(Buffer.from(`${TEXT_MAGIC}${textId}\n`, 'latin1'), 0, TEXT_HEADER_BYTES, 0);
    await handle.sync();
    return { textId, textBytes: at, spans };
  } finally {
    await handle.close();
  }
}

/** The NDJSON file, streamed a few MB at a time; returns the sha256 of its body lines. */
async function writeNdjson(file: string, manifest: SnapshotManifest, documents: readonly SnapshotDocument[], texts: TextFileInfo): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file, 'w');
  try {
    let batch: string[] = [`${JSON.stringify(manifest)}\n`];
    let size = 0;
    let next = 0;
    for (const { meta, passages } of documents) {
      const records = passages.map((p): PassageRecord => {
        const { at, bytes, crc } = texts.spans[next++]!;
        const { key, id, ordinal, paragraphStart, paragraphEnd, lineStart, lineEnd, section, pageStart, pageEnd } = p;
        const optional = { ...(section !== undefined && { section }), ...(pageStart !== undefined && pageEnd !== undefined && { pageStart, pageEnd }) };
        return { key, id, ordinal, paragraphStart, paragraphEnd, lineStart, lineEnd, ...optional, at, bytes, crc };
      });
      const line = `${JSON.stringify({ t: 'doc', v: { meta, passages: records } })}\n`;
      hash.update(line);
      batch.push(line);
      size += line.length;
      if (size >= WRITE_BATCH_CHARS) {
        await handle.write(batch.join(''));
        [batch, size] = [[], 0];
      }
    }
    const bodySha256 = hash.digest('hex');
    batch.push(`${JSON.stringify({ bodySha256, lines: documents.length, textId: texts.textId, textBytes: texts.textBytes })}\n`);
    await handle.write(batch.join(''));
    await handle.sync();
    return bodySha256;
  } finally {
    await handle.close();
  }
}

/** The postings file: its sections as they are (some are tens of MB; each is one write). */
async function writeChunks(file: string, chunks: readonly Uint8Array[]): Promise<void> {
  const handle = await open(file, 'w');
  try {
    for (const chunk of chunks) await handle.write(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export type LoadedSnapshot<T> = { manifest: SnapshotManifest; index: T };

/** Builds the index from what a snapshot holds, or undefined if its parts disagree. */
export type Restore<T> = (documents: SnapshotDocument[], compact: CompactArrays, texts: PassageTextFile) => T | undefined;

/**
 * Reads a snapshot back if both files are intact, belong together, and were built with this build's
 * options and `accept`ed inputs; otherwise throws `snapshot_invalid` saying why (the caller rebuilds).
 * Never returns a partial index.
 */
export async function readSnapshot<T>(
  path: string,
  accept: (manifest: SnapshotManifest) => string | undefined,
  recoverText: (passage: IndexedPassage) => string | undefined,
  restore: Restore<T>,
): Promise<LoadedSnapshot<T>> {
  const invalid = (why: string, cause?: unknown) =>
    new FootnoteError('snapshot_invalid', `The index snapshot ${path} is not usable (${why}); rebuilding it.`, { cause });
  try {
    // The postings file is read (in the I/O threads) while the NDJSON is parsed.
    const compactRead = readCompactSnapshot(postingsPath(path)).catch((error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' ? 'its postings file is missing' : `its postings file is unreadable: ${error.message}`,
    );
    const parsed = await readFile(path).then((file) => parseNdjson(file, accept, invalid));
    const compact = await compactRead;
    if (typeof compact === 'string') throw invalid(compact);
    if (compact.snapshotBodySha256 !== parsed.bodySha256) throw invalid('its postings file belongs to another snapshot');
    const texts = PassageTextFile.open(textPath(path), parsed.textId, parsed.textBytes, recoverText);
    if (typeof texts === 'string') throw invalid(texts);
    const documents = parsed.documents.map(({ meta, passages }) => ({
      meta,
      passages: passages.map(
        (p) =>
          new StoredPassage(p.key, p.id, meta.id, meta.scope, p.ordinal, p.paragraphStart, p.paragraphEnd, p.lineStart, p.lineEnd, texts, { at: p.at, bytes: p.bytes, crc: p.crc }, {
            ...(p.section !== undefined && { section: p.section }),
            ...(p.pageStart !== undefined && p.pageEnd !== undefined && { pageStart: p.pageStart, pageEnd: p.pageEnd }),
          }),
      ),
    }));
    const index = restore(documents, compact.arrays, texts);
    if (index === undefined) {
      texts.close();
      throw invalid('it is corrupt: its postings and passages disagree');
    }
    return { manifest: parsed.manifest, index };
  } catch (error) {
    if (error instanceof FootnoteError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw invalid(code === 'ENOENT' ? 'there is none yet' : `it is corrupt or unreadable: ${(error as Error).message}`, error);
  }
}

/**
 * The NDJSON file, read whole: the first line is the manifest (checked before anything else is
 * parsed), the last the trailer, every line between them body.
 */
function parseNdjson(
  file: Buffer,
  accept: (manifest: SnapshotManifest) => string | undefined,
  invalid: (why: string) => FootnoteError,
): { manifest: SnapshotManifest; bodySha256: string; textId: string; textBytes: number; documents: Array<{ meta: DocumentMeta; passages: PassageRecord[] }> } {
  const firstEnd = file.indexOf(10);
  if (firstEnd < 0) throw invalid('it is truncated');
  const parsed = manifestSchema.safeParse(JSON.parse(file.toString('utf8', 0, firstEnd)));
  if (!parsed.success) throw invalid('its manifest is malformed');
  const manifest = parsed.data;
  if (manifest.format !== SNAPSHOT_FORMAT) throw invalid(`format ${manifest.format}, expected ${SNAPSHOT_FORMAT}`);
  if (manifest.optionsHash !== OPTIONS_HASH) throw invalid('it was built with other index options');
  const refusal = accept(manifest);
  if (refusal !== undefined) throw invalid(refusal);

  const end = file[file.length - 1] === 10 ? file.length - 1 : file.length;
  const trailerStart = file.lastIndexOf(10, end - 1) + 1;
  if (trailerStart <= firstEnd) throw invalid('it is truncated');
  const bodySha256 = createHash('sha256').update(file.subarray(firstEnd + 1, trailerStart)).digest('hex');
  const trailer = trailerSchema.safeParse(JSON.parse(file.toString('utf8', trailerStart, end)));
  if (!trailer.success || trailer.data.bodySha256 !== bodySha256) throw invalid('it is corrupt or truncated: its checksum does not match');

  const documents: Array<{ meta: DocumentMeta; passages: PassageRecord[] }> = [];
  for (let start = firstEnd + 1; start < trailerStart; ) {
    const lineEnd = file.indexOf(10, start);
    const entry = lineSchema.safeParse(JSON.parse(file.toString('utf8', start, lineEnd)));
    if (!entry.success || !entry.data.v.passages.every(isPassageRecord)) throw invalid(`it is corrupt: body line ${documents.length + 1} is malformed`);
    documents.push({ meta: entry.data.v.meta as DocumentMeta, passages: entry.data.v.passages });
    start = lineEnd + 1;
  }
  if (trailer.data.lines !== documents.length) throw invalid('it is corrupt or truncated: its line count does not match');
  if (!spansFit(documents, trailer.data.textBytes)) throw invalid('it is corrupt: its passages do not cover the text file');
  return { manifest, bodySha256, textId: trailer.data.textId, textBytes: trailer.data.textBytes, documents };
}

/** True when the passages' text spans follow one another without gaps through the whole text file. */
function spansFit(documents: ReadonlyArray<{ passages: readonly TextSpan[] }>, textBytes: number): boolean {
  let at = 0;
  for (const { passages } of documents) {
    for (const span of passages) {
      if (span.at !== at || span.bytes < 0) return false;
      at += span.bytes;
    }
  }
  return at === textBytes;
}
