/** Text decoded from bytes, or why the bytes are not text. */
export type DecodedText = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Decodes bytes that should be text: UTF-8 (a BOM is stripped), or UTF-16 when it starts with a
 * UTF-16 BOM (Windows "Unicode" text files). Invalid UTF-8 and NUL characters mean it is not text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    // ignoreBOM: false means "strip the BOM".
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: encoding === 'utf-8' ? 'not valid UTF-8 text (save it as UTF-8 and try again)' : `not valid ${encoding.toUpperCase()} text`,
    };
  }
  if (text.includes('\u0000')) {
    return { ok: false, problem: 'binary data (it contains NUL bytes)' };
  }
  return { ok: true, text };
}
