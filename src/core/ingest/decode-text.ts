import { decodeWindows1252 } from './windows-1252.js';

/** Text decoded from bytes, or why the bytes are not text (`unknown_charset`: a label no decoder knows). */
export type DecodedText =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: 'not_text' | 'unknown_charset'; problem: string };

export type DecodeOptions = {
  /** The whole Content-Type the bytes came with (an HTTP header), whose `charset` parameter is honoured. */
  contentType?: string;
  /** The bytes are an HTML page: a `<meta>` charset counts, and invalid UTF-8 falls back to windows-1252. */
  html?: boolean;
};

/** Browsers look for a `<meta>` charset in the first 1024 bytes only (WHATWG HTML, "prescan a byte stream"). */
const META_PRESCAN_BYTES = 1024;

/**
 * Decodes bytes that should be text, choosing the encoding as browsers do (WHATWG Encoding and HTML):
 * a byte order mark (UTF-8, UTF-16LE, UTF-16BE) first, then the `charset` of the Content-Type, then,
 * for HTML, a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
 * first 1024 bytes, then UTF-8. Labels are WHATWG's (TextDecoder, with Node's full ICU): "latin1" and
 * "iso-8859-1" mean windows-1252, as in every browser (decoded by windows-1252.ts: Node 20 gets it wrong). An HTML page with no declaration that is not
 * valid UTF-8 is read as windows-1252, the browsers' fallback for Western pages; a text file with no
 * declaration must be UTF-8 (it has nowhere to say otherwise, and guessing would garble it silently).
 * Bytes invalid in the chosen encoding, and NUL characters, mean it is not text.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = byteOrderMark(bytes);
  const declared = bom ?? charsetParameter(options.contentType) ?? (options.html ? metaCharset(bytes) : undefined);
  let encoding = 'utf-8';
  if (declared !== undefined) {
    const known = knownEncoding(declared);
    if (known === undefined) {
      return { ok: false, reason: 'unknown_charset', problem: `declared in the character set "${declared}", which footnote cannot decode` };
    }
    encoding = known;
  }
  let text = decode(bytes, encoding);
  if (text === undefined && declared === undefined && options.html) {
    encoding = 'windows-1252';
    text = decode(bytes, encoding);
  }
  if (text === undefined) {
    const problem =
      encoding === 'utf-8' ? 'not valid UTF-8 text (save it as UTF-8 and try again)' : `not valid ${encoding.toUpperCase()} text, its declared character set`;
    return { ok: false, reason: 'not_text', problem };
  }
  if (text.includes('\u0000')) {
    return { ok: false, reason: 'not_text', problem: 'binary data (it contains NUL bytes)' };
  }
  return { ok: true, text, encoding };
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** `charset` of a Content-Type such as `text/html; charset="Shift_JIS"`. */
function charsetParameter(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const label = (match?.[1] ?? match?.[2] ?? '').trim();
  return label === '' ? undefined : label;
}

/** The charset a `<meta>` tag in the first 1024 bytes declares (a simplified prescan: comments are not skipped). */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = decodeWindows1252(bytes.subarray(0, META_PRESCAN_BYTES));
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const label = /charset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(tag[0])?.[1];
    if (label === undefined) continue;
    // A page cannot declare UTF-16 in ASCII bytes: browsers read "utf-16" in a meta tag as UTF-8.
    return /^utf-16/i.test(label) ? 'utf-8' : label;
  }
  return undefined;
}

/** TextDecoder's canonical name for a label, or undefined when it knows no such encoding. */
function knownEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

function decode(bytes: Uint8Array, encoding: string): string | undefined {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    // ignoreBOM: false means "strip the BOM".
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}
