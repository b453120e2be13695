import {
  EOCD_SIGNATURE,
  EOCD_SIZE,
  LOCAL_HEADER_SIZE,
  LOCAL_SIGNATURE,
  ZIP64_LOCATOR_SIGNATURE,
  ZipFormatError,
  type ZipArchive,
  type ZipEntry,
} from './zip-directory.js';

const DESCRIPTOR_SIGNATURE = 0x08074b50;
/** General-purpose flag bit 3: sizes and CRC follow the data in a descriptor. */
const HAS_DESCRIPTOR = 0x0008;

/**
 * Refuses a ZIP archive that two readers could read differently, so that the directory footnote
 * checks is the one mammoth's JSZip reads. JSZip finds the *last* end record anywhere in the file,
 * shifts every offset when the directory does not end where the end record sits, reads directory
 * entries for as long as their signature follows, names an entry after its *local* header (or a
 * Unicode Path field) and resolves `.`/`..` in names; our reader (zip-directory.ts) does none of that.
 * An archive passes only when both readings coincide by construction: one end record, at the very
 * end; the directory exactly between the last entry and the end record; entries back to back from
 * byte 0, each local header agreeing with its directory entry; unique, plain, valid UTF-8 names.
 * Word, LibreOffice and Google Docs all write archives of this shape.
 */
export function checkZipLayout(bytes: Uint8Array, archive: ZipArchive): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkEnd(bytes, view, archive);
  checkNames(archive.entries);
  const ordered = [...archive.entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let expected = 0;
  for (const entry of ordered) {
    if (entry.localHeaderOffset !== expected) {
      throw ambiguous(
        entry.localHeaderOffset < expected
          ? `entry "${entry.name}" overlaps the one before it`
          : `there are ${entry.localHeaderOffset - expected} unlisted bytes before entry "${entry.name}"`,
      );
    }
    expected = localEntryEnd(bytes, view, entry);
  }
  if (expected !== archive.directoryOffset) {
    throw ambiguous(
      expected > archive.directoryOffset ? 'the last entry overlaps the central directory' : 'there are unlisted bytes before the central directory',
    );
  }
}

function checkEnd(bytes: Uint8Array, view: DataView, archive: ZipArchive): void {
  const { disks } = archive;
  if (disks.thisDisk !== 0 || disks.directoryDisk !== 0 || (disks.entriesOnDisk !== disks.entries && disks.entriesOnDisk !== 0xffff)) {
    throw ambiguous('it claims to span several disks');
  }
  if (archive.endOffset + EOCD_SIZE + archive.comment.length !== bytes.length) {
    throw ambiguous('there is data after the end-of-directory record');
  }
  const zip64 = archive.directoryLimit !== archive.endOffset;
  if (lastIndexOf(bytes, EOCD_SIGNATURE) !== archive.endOffset || (zip64 && lastIndexOf(bytes, ZIP64_LOCATOR_SIGNATURE) !== archive.endOffset - 20)) {
    throw ambiguous('it has more than one end-of-directory record');
  }
  if (archive.directoryReadEnd !== archive.directoryOffset + archive.directorySize) {
    throw ambiguous('the central directory is not the size the end record declares');
  }
  if (archive.directoryOffset + archive.directorySize !== archive.directoryLimit) {
    throw ambiguous('there is data between the central directory and the end record');
  }
  if (zip64) {
    // ZIP64: the record (12 bytes + its declared size) must be followed directly by the locator.
    const recordEnd = archive.directoryLimit + 12 + Number(view.getBigUint64(archive.directoryLimit + 4, true));
    if (recordEnd !== archive.endOffset - 20) {
      throw ambiguous('the ZIP64 end record is not where its locator says');
    }
  }
}

function checkNames(entries: ZipEntry[]): void {
  const seen = new Set<string>();
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (const entry of entries) {
    try {
      strict.decode(entry.nameBytes);
    } catch {
      throw ambiguous(`an entry name is not valid UTF-8 ("${entry.name}")`);
    }
    // JSZip resolves "." and ".." and drops empty segments, so "word/./document.xml" would replace "word/document.xml".
    if (entry.name.split('/').some((part, index, parts) => part === '.' || part === '..' || (part === '' && index > 0 && index < parts.length - 1))) {
      throw ambiguous(`entry "${entry.name}" has "." or ".." or "//" in its name`);
    }
    if (entry.hasUnicodePath) {
      throw ambiguous(`entry "${entry.name}" carries a second, Unicode name`);
    }
    if (seen.has(entry.name)) {
      throw ambiguous(`"${entry.name}" appears twice`);
    }
    seen.add(entry.name);
  }
}

/** Where an entry's local header, data and data descriptor end, after checking they agree with the directory. */
function localEntryEnd(bytes: Uint8Array, view: DataView, entry: ZipEntry): number {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw ambiguous(`the local header of "${entry.name}" is missing`);
  }
  const flags = view.getUint16(at + 6, true);
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  const localName = bytes.subarray(at + LOCAL_HEADER_SIZE, at + LOCAL_HEADER_SIZE + nameLength);
  if (flags !== entry.flags || view.getUint16(at + 8, true) !== entry.method || !sameBytes(localName, entry.nameBytes)) {
    throw ambiguous(`the local header of "${entry.name}" disagrees with the central directory`);
  }
  const dataEnd = at + LOCAL_HEADER_SIZE + nameLength + extraLength + entry.compressedSize;
  if (dataEnd > bytes.length) {
    throw ambiguous(`the data of "${entry.name}" runs past the end of the file`);
  }
  if ((flags & HAS_DESCRIPTOR) === 0) {
    const crc = view.getUint32(at + 14, true);
    const compressed = view.getUint32(at + 18, true);
    const uncompressed = view.getUint32(at + 22, true);
    const zip64 = compressed === 0xffffffff && uncompressed === 0xffffffff;
    if (crc !== entry.crc32 || (!zip64 && (compressed !== entry.compressedSize || uncompressed !== entry.uncompressedSize))) {
      throw ambiguous(`the local header of "${entry.name}" declares other sizes than the central directory`);
    }
    return dataEnd;
  }
  return descriptorEnd(bytes, view, entry, dataEnd);
}

/** A data descriptor: an optional signature, then CRC and both sizes (4 bytes each, or 8 for ZIP64). */
function descriptorEnd(bytes: Uint8Array, view: DataView, entry: ZipEntry, start: number): number {
  const signed = start + 4 <= bytes.length && view.getUint32(start, true) === DESCRIPTOR_SIGNATURE ? 4 : 0;
  for (const width of [4, 8]) {
    const at = start + signed;
    const end = at + 4 + 2 * width;
    if (end > bytes.length) continue;
    const read = (offset: number): number => (width === 4 ? view.getUint32(offset, true) : Number(view.getBigUint64(offset, true)));
    if (view.getUint32(at, true) === entry.crc32 && read(at + 4) === entry.compressedSize && read(at + 4 + width) === entry.uncompressedSize) {
      return end;
    }
  }
  throw ambiguous(`the data descriptor of "${entry.name}" disagrees with the central directory`);
}

function lastIndexOf(bytes: Uint8Array, signature: number): number {
  const b0 = signature & 0xff;
  const b1 = (signature >>> 8) & 0xff;
  const b2 = (signature >>> 16) & 0xff;
  const b3 = signature >>> 24;
  for (let i = bytes.length - 4; i >= 0; i -= 1) {
    if (bytes[i] === b0 && bytes[i + 1] === b1 && bytes[i + 2] === b2 && bytes[i + 3] === b3) return i;
  }
  return -1;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function ambiguous(why: string): ZipFormatError {
  return new ZipFormatError('ambiguous', `Its ZIP structure could be read in more than one way: ${why}.`);
}
