import { decodeText } from './decode-text.js';
import { looksLikeHtml } from './looks-like-html.js';
import { hasZipSignature, readZipDirectory, type ZipEntry } from './zip-directory.js';

/** Leading bytes of common file types people upload by mistake (checked in order). */
const MAGIC: ReadonlyArray<{ at: number; bytes: readonly number[]; is: string }> = [
  { at: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], is: 'a PDF' },
  { at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], is: 'a PNG image' },
  { at: 0, bytes: [0xff, 0xd8, 0xff], is: 'a JPEG image' },
  { at: 0, bytes: [0x47, 0x49, 0x46, 0x38], is: 'a GIF image' },
  { at: 8, bytes: [0x57, 0x45, 0x42, 0x50], is: 'a WebP image' },
  { at: 4, bytes: [0x66, 0x74, 0x79, 0x70], is: 'a video or HEIC image (ISO media)' },
  { at: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], is: 'a legacy Office file (.doc/.xls) or a password-protected document' },
  { at: 0, bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], is: 'an RTF document' },
  { at: 0, bytes: [0x1f, 0x8b], is: 'a gzip archive' },
  { at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], is: 'an executable program' },
  { at: 0, bytes: [0x4d, 0x5a], is: 'a Windows executable' },
];

/** Bytes inspected for text/markup sniffing; enough to judge, cheap on a 10 MB file. */
const SNIFF_BYTES = 64 * 1024;

/** What the bytes actually are, as a phrase for an error message ("a PNG image", "plain text"). */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) {
    return 'empty';
  }
  const signature = describeSignature(bytes);
  if (signature !== undefined) {
    return signature;
  }
  const decoded = decodeText(bytes.length > SNIFF_BYTES ? sniffWindow(bytes) : bytes);
  if (!decoded.ok) {
    return decoded.problem;
  }
  return looksLikeHtml(decoded.text) ? 'an HTML page' : 'plain text';
}

/** The file type named by the leading bytes (a "magic number"), when they name one. */
export function describeSignature(bytes: Uint8Array): string | undefined {
  if (hasZipSignature(bytes)) {
    return describeZip(bytes);
  }
  return MAGIC.find((magic) => magic.bytes.every((byte, i) => bytes[magic.at + i] === byte))?.is;
}

function describeZip(bytes: Uint8Array): string {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, { maxEntries: 100_000 });
  } catch {
    return 'a damaged ZIP archive';
  }
  const has = (prefix: string): boolean => entries.some((entry) => entry.name.startsWith(prefix));
  if (has('word/document.xml')) return 'a Word document (DOCX)';
  if (has('xl/')) return 'an Excel workbook (XLSX)';
  if (has('ppt/')) return 'a PowerPoint presentation (PPTX)';
  if (has('content.xml')) return 'an OpenDocument file (ODT/ODS)';
  if (has('META-INF/container.xml')) return 'an EPUB e-book';
  return 'a ZIP archive, not a Word document';
}

/** The first SNIFF_BYTES, shortened so that no character is cut in half (which would look like bad text). */
function sniffWindow(bytes: Uint8Array): Uint8Array {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    const littleEndian = bytes[0] === 0xff;
    let end = SNIFF_BYTES;
    const lastUnit = littleEndian ? (bytes[end - 1] ?? 0) : (bytes[end - 2] ?? 0);
    if (lastUnit >= 0xd8 && lastUnit <= 0xdb) {
      end -= 2; // a high surrogate whose partner was cut off
    }
    return bytes.subarray(0, end);
  }
  let end = SNIFF_BYTES;
  // Step back over continuation bytes (10xxxxxx) to the lead byte of the last character, and drop it.
  while (end > SNIFF_BYTES - 4 && ((bytes[end - 1] ?? 0) & 0xc0) === 0x80) {
    end -= 1;
  }
  if ((bytes[end - 1] ?? 0) >= 0xc0) {
    end -= 1;
  }
  return bytes.subarray(0, end);
}
