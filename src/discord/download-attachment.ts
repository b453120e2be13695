import { formatBytes, FootnoteError } from '../core/index.js';

export type DownloadOptions = {
  maxBytes: number;
  timeoutMs: number;
  /** Origins the URL may point at: Discord's CDN (and the fake's, in tests). */
  allowedOrigins: readonly string[];
};

/** Where Discord serves attachments. */
export const DISCORD_CDN_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];

/**
 * Downloads an uploaded file from the attachment URL Discord put in the interaction, and from nowhere
 * else: the origin must be Discord's CDN. The size in the payload was checked before this; the body is
 * still counted as it arrives, since a length header can be wrong.
 */
export async function downloadAttachment(url: string, options: DownloadOptions): Promise<Uint8Array> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FootnoteError('fetch_failed', 'The attachment has no usable URL; upload it again.');
  }
  if (!options.allowedOrigins.includes(parsed.origin)) {
    throw new FootnoteError('fetch_failed', `Attachments are only downloaded from Discord's CDN, not from ${parsed.origin}.`);
  }
  let response: Response;
  try {
    response = await fetch(parsed, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'error' });
  } catch (error) {
    throw new FootnoteError('fetch_failed', "The attachment could not be downloaded from Discord's CDN; try again.", { cause: error });
  }
  if (!response.ok || !response.body) {
    throw new FootnoteError('fetch_failed', `Discord's CDN answered ${response.status} for the attachment; upload it again.`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > options.maxBytes) {
      // Leaving the loop cancels the stream.
      throw new FootnoteError('too_large', `The attachment is larger than the ${formatBytes(options.maxBytes)} limit.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
