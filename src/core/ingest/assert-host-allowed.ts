import { isIP } from 'node:net';
import { FootnoteError } from '../errors.js';
import { blockedAddress, type ResolvedAddress, type Resolver } from './guarded-agent.js';

/**
 * Refuses a URL's host before any connection is made: a literal IP is judged as is; a name is
 * resolved and refused if ANY of its addresses is disallowed (a name with one public and one private
 * address is refused, not raced). The connect-time guard (guarded-agent.ts) checks again.
 */
export async function assertHostAllowed(url: URL, resolve: Resolver, isAllowed: (address: string) => boolean): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    if (!isAllowed(host)) throw blockedAddress(url.hostname);
    return;
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    throw new FootnoteError('fetch_failed', `The host ${host} could not be found.`, { cause: error });
  }
  if (addresses.length === 0) {
    throw new FootnoteError('fetch_failed', `The host ${host} could not be found.`);
  }
  if (addresses.some((entry) => !isAllowed(entry.address))) {
    throw blockedAddress(host);
  }
}
