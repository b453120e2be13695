/** A run of base64/URL-safe characters this long is encoded data, never prose. */
const MIN_BLOB_CHARS = 1000;
/** How far back a "data:" prefix of a blob is looked for. */
const DATA_PREFIX_WINDOW = 200;

/**
 * Removes long base64-like runs (an inline image or font pasted into the text) and the "data:..."
 * prefix in front of them. A plain loop rather than a regex: a regex such as /[A-Za-z0-9+/]{1000,}/
 * rescans every run shorter than the threshold from each of its characters, which is quadratic.
 */
export function removeInlineBlobs(text: string): string {
  const cuts: Array<[number, number]> = [];
  let runStart = -1;
  for (let at = 0; at <= text.length; at += 1) {
    if (at < text.length && isBlobChar(text.charCodeAt(at))) {
      if (runStart === -1) runStart = at;
      continue;
    }
    if (runStart !== -1 && at - runStart >= MIN_BLOB_CHARS) {
      const before = text.slice(Math.max(0, runStart - DATA_PREFIX_WINDOW), runStart);
      const prefix = before.lastIndexOf('data:');
      const start = prefix !== -1 && !/\s/.test(before.slice(prefix)) ? runStart - (before.length - prefix) : runStart;
      cuts.push([start, at]);
    }
    runStart = -1;
  }
  if (cuts.length === 0) {
    return text;
  }
  let result = '';
  let from = 0;
  for (const [start, end] of cuts) {
    result += text.slice(from, start);
    from = end;
  }
  return result + text.slice(from);
}

function isBlobChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
    c === 0x2b /* + */ || c === 0x2f /* / */ || c === 0x3d /* = */ || c === 0x5f /* _ */ || c === 0x2d /* - */ || c === 0x25 /* % */
  );
}
