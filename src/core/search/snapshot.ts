import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import type { DocumentMeta } from '../documents/document.js';
import { FootnoteError } from '../errors.js';
import { INDEX_OPTIONS, OPTIONS_HASH, type IndexedFields } from './index-options.js';
import { PassageIndex, type IndexedPassage } from './passage-index.js';

export const SNAPSHOT_FORMAT = 1;
/** Terms per line: keeps every line far below V8's maximum string length however large the index. */
const TERMS_PER_LINE = 5000;

/** What a snapshot was built from; loading compares it with the present and rebuilds on any mismatch. */
export type SnapshotManifest = {
  format: number;
  optionsHash: string;
  /** Hash of the shipped corpus (ids and content hashes). */
  corpusHash: string;
  /** The store the runtime documents came from, and its revision when the snapshot was taken. */
  storeId: string;
  storeRev: number;
};

const manifestSchema = z.object({
  format: z.number(),
  optionsHash: z.string(),
  corpusHash: z.string(),
  storeId: z.string(),
  storeRev: z.number().int().nonnegative(),
});
const trailerSchema = z.object({ bodySha256: z.string(), lines: z.number().int() });
const lineSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('engine'), v: z.record(z.string(), z.unknown()) }),
  z.object({ t: z.literal('terms'), v: z.array(z.tuple([z.string(), z.unknown()])) }),
  z.object({ t: z.literal('doc'), v: z.object({ meta: z.record(z.string(), z.unknown()), passages: z.array(z.record(z.string(), z.unknown())) }) }),
]);

/**
 * Writes the index as NDJSON: a manifest line, body lines (engine state, term chunks, documents), and a
 * trailer with the body's sha256. Written to a temporary file, fsynced, then renamed over the old one,
 * so a crash leaves either the old snapshot or the new one, never half of one.
 */
export async function writeSnapshot(path: string, index: PassageIndex, manifest: SnapshotManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w');
  try {
    const hash = createHash('sha256');
    let lines = 0;
    let buffer: string[] = [];
    const flush = async () => {
      if (buffer.length > 0) await file.write(buffer.join(''));
      buffer = [];
    };
    const body = async (value: unknown) => {
      const line = `${JSON.stringify(value)}\n`;
      hash.update(line);
      lines++;
      buffer.push(line);
      if (buffer.length >= 64) await flush();
    };
    await file.write(`${JSON.stringify(manifest)}\n`);
    const { index: terms, ...engine } = index.engine.toJSON();
    await body({ t: 'engine', v: engine });
    for (let i = 0; i < terms.length; i += TERMS_PER_LINE) await body({ t: 'terms', v: terms.slice(i, i + TERMS_PER_LINE) });
    for (const doc of index.allDocuments()) {
      await body({ t: 'doc', v: { meta: doc.meta, passages: index.documentPassages(doc.meta.scope, doc.meta.id) } });
    }
    await flush();
    await file.write(`${JSON.stringify({ bodySha256: hash.digest('hex'), lines })}\n`);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await rename(temporary, path);
}

export type LoadedSnapshot = { manifest: SnapshotManifest; index: PassageIndex };

/**
 * Reads a snapshot back if it is intact and was built with this build's options and `expect`ed inputs;
 * otherwise throws `snapshot_invalid` saying why (the caller rebuilds). Never returns a partial index.
 */
export async function readSnapshot(path: string, accept: (manifest: SnapshotManifest) => string | undefined): Promise<LoadedSnapshot> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const invalid = (why: string, cause?: unknown) =>
    new FootnoteError('snapshot_invalid', `The index snapshot ${path} is not usable (${why}); rebuilding it.`, { cause });
  let manifest: SnapshotManifest | undefined;
  let engine: Record<string, unknown> | undefined;
  const terms: Array<[string, unknown]> = [];
  const documents: Array<{ meta: DocumentMeta; passages: IndexedPassage[] }> = [];
  const hash = createHash('sha256');
  let bodyLines = 0;
  let previous: string | undefined;
  try {
    for await (const line of lines) {
      if (manifest === undefined) {
        const parsed = manifestSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw invalid('its manifest is malformed');
        if (parsed.data.format !== SNAPSHOT_FORMAT) throw invalid(`format ${parsed.data.format}, expected ${SNAPSHOT_FORMAT}`);
        if (parsed.data.optionsHash !== OPTIONS_HASH) throw invalid('it was built with other index options');
        const refusal = accept(parsed.data);
        if (refusal !== undefined) throw invalid(refusal);
        manifest = parsed.data;
        continue;
      }
      // Every line but the last is body; the last is the trailer, so each line is handled one step late.
      if (previous !== undefined) {
        hash.update(`${previous}\n`);
        bodyLines++;
        const entry = lineSchema.safeParse(JSON.parse(previous));
        if (!entry.success) throw invalid(`it is corrupt: body line ${bodyLines} is malformed`);
        const { data } = entry;
        if (data.t === 'engine') engine = data.v;
        else if (data.t === 'terms') terms.push(...data.v);
        else documents.push(data.v as unknown as { meta: DocumentMeta; passages: IndexedPassage[] });
      }
      previous = line;
    }
    if (manifest === undefined || previous === undefined || engine === undefined) throw invalid('it is truncated');
    const trailer = trailerSchema.safeParse(JSON.parse(previous));
    if (!trailer.success || trailer.data.lines !== bodyLines || trailer.data.bodySha256 !== hash.digest('hex')) {
      throw invalid('it is corrupt or truncated: its checksum does not match');
    }
    const mini = MiniSearch.loadJS<IndexedFields>({ ...engine, index: terms } as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
    const index = new PassageIndex(mini);
    index.restore(documents);
    if (mini.documentCount !== index.passageCount) throw invalid('its engine and passage records disagree');
    return { manifest, index };
  } catch (error) {
    if (error instanceof FootnoteError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw invalid(code === 'ENOENT' ? 'there is none yet' : `it is corrupt or unreadable: ${(error as Error).message}`, error);
  } finally {
    lines.close();
  }
}
