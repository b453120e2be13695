import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { z } from 'zod';
import type { Scope } from '../../documents/document.js';
import type { CompactArrays } from '../postings/compact-index.js';
import type { FieldArrays } from '../postings/field-postings.js';
import type { Segment } from '../postings/segment.js';

/**
 * The compact index on disk, next to the NDJSON snapshot: its typed arrays as raw little-endian
 * sections, read straight into arrays of their own (no parsing, no copying, no big file buffer kept).
 *
 *   "FNCOMPACT\n" | u32 header length | header (JSON) | sections, each 8-byte aligned | sha256 of all before
 *
 * The header names the NDJSON snapshot body it belongs to (its sha256), so a pair from two different
 * writes is rejected; the trailing sha256 covers header and sections, so a flipped byte anywhere is.
 */
export const COMPACT_FORMAT = 2;
const MAGIC = Buffer.from('FNCOMPACT\n', 'latin1');
const DIGEST_BYTES = 32;

type SectionType = 'u8' | 'u16' | 'u32' | 'utf8';
type Section = { name: string; type: SectionType; bytes: number };
type SectionData = { name: string; type: SectionType; data: Uint8Array | Uint16Array | Uint32Array };

const headerSchema = z.object({
  format: z.literal(COMPACT_FORMAT),
  snapshotBodySha256: z.string(),
  scopes: z.array(z.string().regex(/^(global|guild:.+)$/)),
  /** log2 of the slots per block of each field's base segment. */
  blockBits: z.object({ title: z.number().int().min(1).max(16), text: z.number().int().min(1).max(16) }),
  sections: z.array(z.object({ name: z.string(), type: z.enum(['u8', 'u16', 'u32', 'utf8']), bytes: z.number().int().nonnegative() })),
});

/** Encodes the compact index's arrays, bound to the NDJSON snapshot body with sha256 `snapshotBodySha256`. */
export function encodeCompactSnapshot(arrays: CompactArrays, snapshotBodySha256: string): Buffer[] {
  // Terms never contain a newline (tokens never contain whitespace), so one joins them.
  const parts: SectionData[] = [
    { name: 'terms', type: 'utf8', data: Buffer.from(arrays.terms.join('\n'), 'utf8') },
    { name: 'keys', type: 'u32', data: arrays.keys },
    { name: 'slotScopes', type: 'u32', data: arrays.slotScopes },
    { name: 'slotDocs', type: 'u32', data: arrays.slotDocs },
  ];
  for (const name of ['title', 'text'] as const) for (const section of fieldSections(name, arrays[name])) parts.push(section);
  const sections: Section[] = parts.map(({ name, type, data }) => ({ name, type, bytes: data.byteLength }));
  const blockBits = { title: arrays.title.base!.blockBits, text: arrays.text.base!.blockBits };
  const header = Buffer.from(JSON.stringify({ format: COMPACT_FORMAT, snapshotBodySha256, scopes: arrays.scopes, blockBits, sections }), 'utf8');
  const prefix = Buffer.alloc(align8(MAGIC.length + 4 + header.length));
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(header.length, MAGIC.length);
  header.copy(prefix, MAGIC.length + 4);
  const out: Buffer[] = [prefix];
  for (const { data } of parts) {
    out.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    if (align8(data.byteLength) > data.byteLength) out.push(Buffer.alloc(align8(data.byteLength) - data.byteLength));
  }
  const hash = createHash('sha256');
  for (const chunk of out) hash.update(chunk);
  out.push(hash.digest());
  return out;
}

function fieldSections(name: string, field: FieldArrays): SectionData[] {
  const base = field.base;
  if (!base || base.from !== 0 || base.to !== field.lengths.length) throw new Error('Compact snapshot: a field must be fully built before it is written.');
  return [
    { name: `${name}.lengths`, type: 'u32', data: field.lengths },
    { name: `${name}.forwardStarts`, type: 'u32', data: field.forwardStarts },
    { name: `${name}.forward`, type: 'u8', data: field.forward },
    { name: `${name}.df`, type: 'u32', data: field.df },
    { name: `${name}.baseStarts`, type: 'u32', data: base.starts },
    { name: `${name}.baseOffsets`, type: 'u16', data: base.offsets },
    { name: `${name}.baseTfs`, type: 'u8', data: base.tfs },
    { name: `${name}.baseBlockStarts`, type: 'u32', data: base.blockStarts },
    { name: `${name}.baseBlocks`, type: 'u32', data: base.blocks },
    { name: `${name}.baseBlockPositions`, type: 'u32', data: base.blockPositions },
    { name: `${name}.overflowPositions`, type: 'u32', data: Uint32Array.from(base.overflow.keys()) },
    { name: `${name}.overflowValues`, type: 'u32', data: Uint32Array.from(base.overflow.values()) },
  ];
}

/**
 * Reads a compact snapshot, or says why it is unusable: not one, another format, truncated, checksum
 * mismatch, or arrays that do not fit together. Each section is read into an array of its own, hashing
 * as it goes. The caller checks that it belongs to its NDJSON snapshot (`snapshotBodySha256`).
 */
export async function readCompactSnapshot(path: string): Promise<{ arrays: CompactArrays; snapshotBodySha256: string } | string> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const hash = createHash('sha256');
    let position = 0;
    const read = async (target: Uint8Array, hashed = true): Promise<boolean> => {
      if (position + target.byteLength > size) return false;
      for (let done = 0; done < target.byteLength; ) {
        const { bytesRead } = await file.read(target, done, target.byteLength - done, position + done);
        if (bytesRead === 0) return false;
        done += bytesRead;
      }
      position += target.byteLength;
      if (hashed) hash.update(target);
      return true;
    };
    const head = Buffer.alloc(MAGIC.length + 4);
    if (!(await read(head)) || !head.subarray(0, MAGIC.length).equals(MAGIC)) return 'its postings file is not one';
    const headerLength = head.readUInt32LE(MAGIC.length);
    if (headerLength > size - position) return 'its postings file is corrupt: its header length is impossible';
    const headerBytes = Buffer.alloc(headerLength);
    if (!(await read(headerBytes)) || !(await read(Buffer.alloc(align8(position) - position)))) return 'its postings file is truncated';
    let header: z.infer<typeof headerSchema>;
    try {
      const parsed = headerSchema.safeParse(JSON.parse(headerBytes.toString('utf8')));
      if (!parsed.success) return 'its postings file has an unknown format';
      header = parsed.data;
    } catch {
      return 'its postings file is corrupt: its header is malformed';
    }
    const total = header.sections.reduce((sum, section) => sum + align8(section.bytes), position + DIGEST_BYTES);
    if (total !== size) return 'its postings file is corrupt or truncated: its size does not match';
    const sections = new Map<string, Uint8Array | Uint16Array | Uint32Array>();
    for (const { name, type, bytes } of header.sections) {
      const width = type === 'u32' ? 4 : type === 'u16' ? 2 : 1;
      if (bytes % width !== 0) return `its postings section ${name} is malformed`;
      const array = type === 'u32' ? new Uint32Array(bytes / 4) : type === 'u16' ? new Uint16Array(bytes / 2) : new Uint8Array(bytes);
      if (!(await read(new Uint8Array(array.buffer))) || !(await read(new Uint8Array(align8(bytes) - bytes)))) return 'its postings file is truncated';
      sections.set(name, array);
    }
    const digest = Buffer.alloc(DIGEST_BYTES);
    if (!(await read(digest, false)) || !hash.digest().equals(digest)) return 'its postings file is corrupt or truncated: its checksum does not match';
    const arrays = assemble(sections, header.scopes as Scope[], header.blockBits);
    return typeof arrays === 'string' ? arrays : { arrays, snapshotBodySha256: header.snapshotBodySha256 };
  } finally {
    await file.close();
  }
}

/** The arrays, once every section is there with its type and they agree with each other. */
function assemble(
  sections: ReadonlyMap<string, Uint8Array | Uint16Array | Uint32Array>,
  scopes: Scope[],
  blockBits: { title: number; text: number },
): CompactArrays | string {
  const u32 = (name: string) => (sections.get(name) instanceof Uint32Array ? (sections.get(name) as Uint32Array) : undefined);
  const u16 = (name: string) => (sections.get(name) instanceof Uint16Array ? (sections.get(name) as Uint16Array) : undefined);
  const u8 = (name: string) => {
    const array = sections.get(name);
    return array instanceof Uint8Array ? array : undefined;
  };
  const terms = u8('terms');
  const [keys, slotScopes, slotDocs] = [u32('keys'), u32('slotScopes'), u32('slotDocs')];
  if (!terms || !keys || !slotScopes || !slotDocs) return 'its postings file lacks a section';
  const termList = terms.byteLength === 0 ? [] : Buffer.from(terms.buffer, terms.byteOffset, terms.byteLength).toString('utf8').split('\n');
  const field = (name: 'title' | 'text'): FieldArrays | string => {
    const parts = ['lengths', 'forwardStarts', 'df', 'baseStarts', 'baseBlockStarts', 'baseBlocks', 'baseBlockPositions', 'overflowPositions', 'overflowValues'];
    const [lengths, forwardStarts, df, starts, blockStarts, blocks, blockPositions, positions, values] = parts.map((part) => u32(`${name}.${part}`));
    const [forward, tfs, offsets] = [u8(`${name}.forward`), u8(`${name}.baseTfs`), u16(`${name}.baseOffsets`)];
    if (!lengths || !forwardStarts || !df || !starts || !blockStarts || !blocks || !blockPositions || !positions || !values || !forward || !tfs || !offsets) {
      return 'its postings file lacks a section';
    }
    const n = keys.length;
    const terms = termList.length;
    if (lengths.length !== n || forwardStarts.length !== n + 1 || forwardStarts[n] !== forward.length || !ascending(forwardStarts)) return `its ${name} forward lists do not fit`;
    if (starts.length !== terms + 1 || starts[terms] !== offsets.length || tfs.length !== offsets.length || !ascending(starts)) return `its ${name} postings do not fit`;
    if (blockStarts.length !== terms + 1 || blockStarts[terms] !== blocks.length || blockPositions.length !== blocks.length || !ascending(blockStarts)) {
      return `its ${name} block directory does not fit`;
    }
    if (df.length > terms || positions.length !== values.length) return `its ${name} counts do not fit`;
    const overflow = new Map([...positions].map((position, i) => [position, values[i]!]));
    const base: Segment = { from: 0, to: n, blockBits: blockBits[name], starts, offsets, tfs, overflow, blockStarts, blocks, blockPositions };
    return { lengths, forwardStarts, forward, df, base };
  };
  const [title, text] = [field('title'), field('text')];
  if (typeof title === 'string') return title;
  if (typeof text === 'string') return text;
  if (slotScopes.length !== keys.length || slotDocs.length !== keys.length) return 'its postings slot arrays do not fit';
  for (const scope of slotScopes) if (scope === 0 || scope > scopes.length) return 'its postings name unknown scopes';
  return { terms: termList, scopes, keys, slotScopes, slotDocs, title, text };
}

function ascending(values: Uint32Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return true;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
