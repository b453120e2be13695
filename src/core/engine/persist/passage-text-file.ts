import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { IndexedPassage } from '../types.js';

/**
 * The snapshot's passage texts, one UTF-8 run after another behind a fixed header (magic and the id
 * the NDJSON's trailer names, so a text file from another snapshot is refused at load). A loaded index
 * reads a passage's text from here when something asks for it (a cited or highlighted passage: about
 * a dozen per question) instead of holding every text in memory: at 200k passages that is ~170 MB of
 * heap and most of what start-up parsed.
 */
export const TEXT_MAGIC = 'footnote passage texts 1\n';
/** Magic, 64 hex digits of id, newline. */
export const TEXT_HEADER_BYTES = TEXT_MAGIC.length + 64 + 1;

/** Decoded texts kept: a question reads the same dozen passages several times (ranking, highlight, quote). */
const CACHED_TEXTS = 256;

/** Where a passage's text lies in the file, and its CRC-32 (checked on every read). */
export type TextSpan = { at: number; bytes: number; crc: number };

export class PassageTextFile {
  private readonly cache = new Map<number, string>();
  private fd: number | undefined;

  private constructor(
    fd: number,
    readonly path: string,
    /** Called with a passage whose text no longer matches its CRC (disk damage): returns the text from its source, if it can. */
    private readonly recover: (passage: IndexedPassage) => string | undefined,
  ) {
    this.fd = fd;
  }

  /**
   * Opens the text file of a snapshot whose trailer names `id` and counts `bodyBytes` of text; a string
   * says why it cannot be used (missing, from another snapshot, truncated).
   */
  static open(path: string, id: string, bodyBytes: number, recover: (passage: IndexedPassage) => string | undefined): PassageTextFile | string {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its text file is missing' : `its text file is unreadable: ${(error as Error).message}`;
    }
    const header = Buffer.alloc(TEXT_HEADER_BYTES);
    const problem =
      readSync(fd, header, 0, header.length, 0) !== header.length || !header.toString('latin1').startsWith(TEXT_MAGIC)
        ? 'its text file is not one'
        : header.toString('latin1', TEXT_MAGIC.length, TEXT_MAGIC.length + 64) !== id
          ? 'its text file belongs to another snapshot'
          : fstatSync(fd).size !== TEXT_HEADER_BYTES + bodyBytes
            ? 'its text file is truncated or too long'
            : undefined;
    if (problem !== undefined) {
      closeSync(fd);
      return problem;
    }
    return new PassageTextFile(fd, path, recover);
  }

  /** The text of `passage` at `span`: read, checked against its CRC, decoded (or recovered from its source). */
  text(passage: IndexedPassage, span: TextSpan): string {
    const cached = this.cache.get(span.at);
    if (cached !== undefined) return cached;
    const bytes = this.bytes(span);
    const text = bytes ? bytes.toString('utf8') : this.recover(passage);
    if (text === undefined) throw new Error(`The text of passage ${passage.id} is damaged in ${this.path} and could not be read from its source.`);
    if (this.cache.size >= CACHED_TEXTS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(span.at, text);
    return text;
  }

  /** The raw bytes at `span` if they match its CRC, else undefined. */
  bytes(span: TextSpan): Buffer | undefined {
    if (this.fd === undefined) throw new Error(`The passage text file ${this.path} is closed.`);
    const buffer = Buffer.allocUnsafe(span.bytes);
    let done = 0;
    while (done < span.bytes) {
      const read = readSync(this.fd, buffer, done, span.bytes - done, TEXT_HEADER_BYTES + span.at + done);
      if (read === 0) return undefined;
      done += read;
    }
    return crc32(buffer) === span.crc ? buffer : undefined;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.cache.clear();
  }
}

/** A passage loaded from a snapshot: every field in memory but its text, which `file` holds. */
export class StoredPassage implements IndexedPassage {
  constructor(
    readonly key: number,
    readonly id: string,
    readonly docId: string,
    readonly scope: IndexedPassage['scope'],
    readonly ordinal: number,
    readonly paragraphStart: number,
    readonly paragraphEnd: number,
    readonly lineStart: number,
    readonly lineEnd: number,
    private readonly file: PassageTextFile,
    readonly span: TextSpan,
    where: { section?: string; pageStart?: number; pageEnd?: number } = {},
  ) {
    if (where.section !== undefined) this.section = where.section;
    if (where.pageStart !== undefined && where.pageEnd !== undefined) [this.pageStart, this.pageEnd] = [where.pageStart, where.pageEnd];
  }

  readonly section?: string;
  readonly pageStart?: number;
  readonly pageEnd?: number;

  get text(): string {
    return this.file.text(this, this.span);
  }

  /** The stored UTF-8 bytes if intact (the snapshot writer copies them without decoding). */
  storedBytes(): Buffer | undefined {
    return this.file.bytes(this.span);
  }
}
