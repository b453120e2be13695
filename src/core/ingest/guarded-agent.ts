import type { LookupAddress, LookupOneOptions, LookupAllOptions } from 'node:dns';
import { Agent, buildConnector } from 'undici';
import { FootnoteError } from '../errors.js';

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The refusal, worded so as not to reveal which internal address a name resolved to. */
export function blockedAddress(host: string): FootnoteError {
  return new FootnoteError(
    'address_blocked',
    `footnote does not fetch from ${host}: it points to a private/loopback address, not a public web server.`,
  );
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * An undici Agent whose every connection is checked where it is made, so that DNS rebinding (a name
 * that resolved to a public address a moment ago and to 127.0.0.1 now) cannot slip past the check
 * done before the request: the socket's DNS lookup goes through `resolve` and refuses any name with
 * a disallowed address, and after connecting, the peer address is checked once more (this also
 * covers literal IPs, for which Node skips the lookup).
 */
export function createGuardedAgent(options: {
  resolve: Resolver;
  isAllowed: (address: string) => boolean;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}): Agent {
  const { resolve, isAllowed } = options;
  const lookup = (hostname: string, lookupOptions: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
          return;
        }
        if (addresses.some((entry) => !isAllowed(entry.address))) {
          callback(blockedAddress(hostname) as NodeJS.ErrnoException, []);
          return;
        }
        const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : undefined;
        const usable = family === undefined ? addresses : addresses.filter((entry) => entry.family === family);
        const first = usable[0];
        if (first === undefined) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
        } else if (lookupOptions.all) {
          callback(null, usable);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, []),
    );
  };
  const connectBase = buildConnector({ lookup, timeout: options.connectTimeoutMs } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (connectOptions, callback) => {
    connectBase(connectOptions, (error, socket) => {
      if (error !== null) {
        callback(error, null);
        return;
      }
      const peer = socket.remoteAddress;
      if (peer === undefined || !isAllowed(peer)) {
        socket.destroy();
        callback(blockedAddress(connectOptions.hostname), null);
        return;
      }
      callback(null, socket);
    });
  };
  return new Agent({
    connect,
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
  });
}
