/** Longest file name kept; names only label documents and error messages. */
const MAX_FILE_NAME = 200;

/**
 * The file name a response suggests: Content-Disposition's filename* (RFC 6266/8187) or filename,
 * else the last segment of the URL path. Only the base name is kept, without control characters.
 */
export function responseFileName(contentDisposition: string | null | undefined, url: URL): string | undefined {
  const header = (contentDisposition ?? '').slice(0, 2048);
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^;]*)/i.exec(header)?.[1];
  if (extended) {
    const match = /^([\w!#$%&+^`{}~-]*)'[^']*'(.*)$/.exec(extended.trim());
    const name = match?.[2] !== undefined ? percentDecode(match[2]) : undefined;
    const clean = cleanFileName(name);
    if (clean) return clean;
  }
  const plain = /(?:^|;)\s*filename\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/i.exec(header)?.[1]?.trim();
  if (plain) {
    const unquoted = plain.startsWith('"') ? plain.slice(1, -1).replace(/\\(.)/g, '$1') : plain;
    const clean = cleanFileName(unquoted);
    if (clean) return clean;
  }
  const segment = url.pathname.split('/').pop();
  return cleanFileName(segment === undefined ? undefined : percentDecode(segment));
}

function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function cleanFileName(name: string | undefined): string | undefined {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_FILE_NAME);
  return clean === '' || clean === '.' || clean === '..' ? undefined : clean;
}
