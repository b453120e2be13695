/**
 * A minimal reader of a ZIP file's central directory (APPNOTE.TXT 4.3.12-4.3.16, with ZIP64), so
 * that a DOCX can be sized up before anything is decompressed. It reads only the directory, never
 * inflates, and bounds-checks every offset: the input is untrusted.
 */
export type ZipEntry = {
  name: string;
  /** 0 = stored, 8 = deflated; anything else is unsupported by mammoth (JSZip). */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** General-purpose flags (bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name). */
  flags: number;
  crc32: number;
  /** The name as stored, to compare with the local header's. */
  nameBytes: Uint8Array;
  /** Carries an Info-ZIP Unicode Path field (0x7075), which JSZip would use as the name instead. */
  hasUnicodePath: boolean;
};

/** Where the parts of the archive lie, for the layout check (check-zip-layout.ts). */
export type ZipArchive = {
  entries: ZipEntry[];
  /** Start and size of the central directory, as the end record declares them. */
  directoryOffset: number;
  directorySize: number;
  /** Where the central directory entries as read actually end. */
  directoryReadEnd: number;
  /** Where the directory must end: the ZIP64 end record if there is one, else the end record. */
  directoryLimit: number;
  /** Offset of the end-of-central-directory record, and its comment. */
  endOffset: number;
  comment: Uint8Array;
  /** Disk fields of the end record; anything but 0 / the total count means a multi-disk archive. */
  disks: { thisDisk: number; directoryDisk: number; entriesOnDisk: number; entries: number };
};

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
  constructor(
    readonly reason: 'not_zip' | 'damaged' | 'too_many_entries' | 'ambiguous',
    message: string,
  ) {
    super(message);
  }
}

/** The ZIP format's record signatures and fixed sizes (APPNOTE.TXT 4.3), shared with check-zip-layout. */
export const EOCD_SIGNATURE = 0x06054b50;
export const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
export const LOCAL_SIGNATURE = 0x04034b50;
export const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
export const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;

/** True when the bytes start like a ZIP file (a local header, or the directory of an empty zip). */
export function hasZipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

export function readZipDirectory(bytes: Uint8Array, options: { maxEntries: number }): ZipEntry[] {
  return readZipArchive(bytes, options).entries;
}

/** The central directory's entries, and where every structure of the archive lies. */
export function readZipArchive(bytes: Uint8Array, options: { maxEntries: number }): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const entriesOnDisk = view.getUint16(eocd + 8, true);
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  let directoryLimit = eocd;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || entriesOnDisk === 0xffff) {
    ({ count, size, offset, record: directoryLimit } = readZip64End(view, eocd));
  }
  if (count > options.maxEntries) {
    throw new ZipFormatError('too_many_entries', `The archive has ${count} entries, more than the limit of ${options.maxEntries}.`);
  }
  if (offset + size > directoryLimit) {
    throw new ZipFormatError('damaged', 'The ZIP central directory lies outside the file.');
  }

  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    need(view, at, CENTRAL_HEADER_SIZE);
    if (view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('damaged', `ZIP directory entry ${i + 1} is damaged.`);
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    need(view, at, CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength);
    const nameBytes = bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
    const entry: ZipEntry = {
      name: names.decode(nameBytes),
      method: view.getUint16(at + 10, true),
      encrypted: (flags & 1) === 1,
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      flags,
      crc32: view.getUint32(at + 16, true),
      nameBytes,
      hasUnicodePath: false,
    };
    applyExtraFields(view, at + CENTRAL_HEADER_SIZE + nameLength, extraLength, entry);
    entries.push(entry);
    at += CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  }
  const commentLength = view.getUint16(eocd + 20, true);
  return {
    entries,
    directoryOffset: offset,
    directorySize: size,
    directoryReadEnd: at,
    directoryLimit,
    endOffset: eocd,
    comment: bytes.subarray(eocd + EOCD_SIZE, eocd + EOCD_SIZE + commentLength),
    disks: { thisDisk: view.getUint16(eocd + 4, true), directoryDisk: view.getUint16(eocd + 6, true), entriesOnDisk, entries: count },
  };
}

/** The compressed bytes of an entry, located through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  need(view, at, LOCAL_HEADER_SIZE);
  if (view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipFormatError('damaged', `The local header of "${entry.name}" is damaged.`);
  }
  const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  need(view, start, entry.compressedSize);
  return bytes.subarray(start, start + entry.compressedSize);
}

function findEndOfCentralDirectory(view: DataView): number {
  if (view.byteLength < EOCD_SIZE) {
    throw new ZipFormatError('not_zip', 'The file is too short to be a ZIP archive.');
  }
  const lowest = Math.max(0, view.byteLength - EOCD_SIZE - MAX_COMMENT);
  for (let at = view.byteLength - EOCD_SIZE; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE && at + EOCD_SIZE + view.getUint16(at + 20, true) <= view.byteLength) {
      return at;
    }
  }
  throw new ZipFormatError('damaged', 'The ZIP end-of-directory record is missing (is the file truncated?).');
}

function readZip64End(view: DataView, eocd: number): { count: number; size: number; offset: number; record: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
    throw new ZipFormatError('damaged', 'The ZIP64 end-of-directory locator is missing.');
  }
  const record = uint64(view, locator + 8);
  need(view, record, 56);
  if (view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) {
    throw new ZipFormatError('damaged', 'The ZIP64 end-of-directory record is damaged.');
  }
  return { count: uint64(view, record + 32), size: uint64(view, record + 40), offset: uint64(view, record + 48), record };
}

/**
 * ZIP64 extended information (header 0x0001) holds, in order, the fields saturated at 0xFFFFFFFF;
 * an Info-ZIP Unicode Path field (0x7075) is noted, since JSZip would take the entry's name from it.
 */
function applyExtraFields(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const end = start + length;
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x7075) entry.hasUnicodePath = true;
    if (id === 0x0001) {
      let field = at + 4;
      const take = (): number => {
        if (field + 8 > at + 4 + size) {
          throw new ZipFormatError('damaged', `The ZIP64 sizes of "${entry.name}" are damaged.`);
        }
        const value = uint64(view, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
    }
    at += 4 + size;
  }
}

function uint64(view: DataView, at: number): number {
  need(view, at, 8);
  const value = view.getBigUint64(at, true);
  // Anything past 2^53 is not a real size or offset of a file we would accept.
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function need(view: DataView, at: number, length: number): void {
  if (at < 0 || length < 0 || at + length > view.byteLength) {
    throw new ZipFormatError('damaged', 'The ZIP directory points outside the file (is the file truncated?).');
  }
}
