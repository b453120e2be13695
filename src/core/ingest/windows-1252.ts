/**
 * 0x80-0x9F of windows-1252, from the WHATWG Encoding Standard's index-windows-1252 (0x81, 0x8D, 0x8F,
 * 0x90 and 0x9D map to the C1 code points of the same value); every other byte is its own code point.
 */
const HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * Decodes windows-1252, the encoding every browser uses for the labels "windows-1252", "latin1" and
 * "iso-8859-1". Node 20's TextDecoder accepts those labels but decodes 0x80-0x9F as C1 controls
 * (ISO-8859-1), so curly quotes, dashes and the euro sign would come out as control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  // As UTF-16LE code units: every code point here is in the BMP and not a surrogate.
  const units = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    const code = byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80]! : byte;
    units[2 * i] = code & 0xff;
    units[2 * i + 1] = code >>> 8;
  }
  return new TextDecoder('utf-16le').decode(units);
}
