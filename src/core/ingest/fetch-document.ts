import { lookup as dnsLookup } from 'node:dns/promises';
import { fetch } from 'undici';
import { FootnoteError } from '../errors.js';
import { isPublicAddress } from './address-policy.js';
import { assertHostAllowed } from './assert-host-allowed.js';
import { responseFileName } from './content-disposition.js';
import { formatBytes } from './format-bytes.js';
import { createGuardedAgent, type ResolvedAddress, type Resolver } from './guarded-agent.js';

export type { ResolvedAddress, Resolver } from './guarded-agent.js';

export type FetchOptions = {
  /** Name resolution; injected in tests. Default: the system resolver (dns.lookup, all addresses). */
  resolve?: Resolver;
  /** Allow every address, private and loopback included (tests against a local server). Default false. */
  allowPrivateAddresses?: boolean;
  /** Which peer addresses may be contacted; wins over allowPrivateAddresses. Default: isPublicAddress. */
  isAllowedAddress?: (address: string) => boolean;
  /** Largest body accepted, in bytes (after decompression). Default 10 MB. */
  maxBytes?: number;
  /** Budget for the whole fetch, redirects and body included. Default 15 s. */
  timeoutMs?: number;
  /** Longest wait for a response's headers once connected. Default 10 s. */
  headersTimeoutMs?: number;
  /** Redirects followed, each one re-checked. Default 5. */
  maxRedirects?: number;
  userAgent?: string;
};

export type FetchedDocument = { bytes: Uint8Array; contentType?: string; fileName?: string; finalUrl: string };

const MB = 1024 * 1024;
export const DEFAULT_FETCH_OPTIONS = Object.freeze({
  // The same cap as extraction: fetching more than can be extracted is wasted.
  maxBytes: 10 * MB,
  // 15 s: ample for 10 MB from a healthy server; past it, the user waiting for a reply deserves an answer.
  timeoutMs: 15_000,
  // 10 s to first byte: most of the total budget, leaving some for the body.
  headersTimeoutMs: 10_000,
  // 5: what browsers' redirect chains practically need (Fetch allows 20; short links add 1-3 hops).
  maxRedirects: 5,
  userAgent: 'footnote/0.1 (document fetcher)',
});
/** Longest wait for a TCP/TLS connection, within the total budget. */
const MAX_CONNECT_TIMEOUT_MS = 10_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  'text/html, application/xhtml+xml, application/pdf, ' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/markdown, text/plain;q=0.9, */*;q=0.5';

/**
 * Fetches a user-supplied http(s) URL without letting it reach internal services (SSRF): every host
 * (the first and each redirect's, literal IPs too) is resolved and refused before any connection
 * if any of its addresses is not public, and the guarded agent checks again at connect time.
 * Redirects are followed by hand, at most `maxRedirects`. The body is streamed and cut off at
 * `maxBytes`; the whole fetch is bounded by `timeoutMs`.
 */
export async function fetchDocument(url: string, options: FetchOptions = {}): Promise<FetchedDocument> {
  const settings = {
    maxBytes: options.maxBytes ?? DEFAULT_FETCH_OPTIONS.maxBytes,
    timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_OPTIONS.timeoutMs,
    headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_FETCH_OPTIONS.headersTimeoutMs,
    maxRedirects: options.maxRedirects ?? DEFAULT_FETCH_OPTIONS.maxRedirects,
    userAgent: options.userAgent ?? DEFAULT_FETCH_OPTIONS.userAgent,
  };
  const resolve = options.resolve ?? systemResolve;
  const isAllowed = options.isAllowedAddress ?? (options.allowPrivateAddresses ? () => true : isPublicAddress);
  let current = parseHttpUrl(url);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  const agent = createGuardedAgent({
    resolve,
    isAllowed,
    connectTimeoutMs: Math.min(settings.timeoutMs, MAX_CONNECT_TIMEOUT_MS),
    headersTimeoutMs: settings.headersTimeoutMs,
    bodyTimeoutMs: settings.timeoutMs,
  });
  try {
    for (let redirects = 0; ; redirects += 1) {
      await abortable(assertHostAllowed(current, resolve, isAllowed), controller.signal);
      const response = await fetch(current, {
        dispatcher: agent,
        redirect: 'manual',
        signal: controller.signal,
        headers: { accept: ACCEPT, 'user-agent': settings.userAgent },
      });
      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (!location) {
          throw new FootnoteError('fetch_failed', `${current.host} answered with a redirect (${response.status}) but no location.`);
        }
        if (redirects >= settings.maxRedirects) {
          throw new FootnoteError('fetch_failed', `${url} redirects more than ${settings.maxRedirects} times; footnote stopped following it.`);
        }
        current = parseHttpUrl(location, current);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        const reason = response.statusText ? ` ${response.statusText}` : '';
        throw new FootnoteError('fetch_failed', `${current.host} answered ${response.status}${reason} for ${current.href}.`);
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > settings.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(current, `is ${formatBytes(declared)}`, settings.maxBytes);
      }
      const bytes = await readCapped(response.body, settings.maxBytes, current);
      const contentType = response.headers.get('content-type') ?? undefined;
      const fileName = responseFileName(response.headers.get('content-disposition'), current);
      return {
        bytes,
        ...(contentType !== undefined ? { contentType } : {}),
        ...(fileName !== undefined ? { fileName } : {}),
        finalUrl: current.href,
      };
    }
  } catch (error) {
    throw describeFetchError(error, current, controller.signal.aborted, settings.timeoutMs);
  } finally {
    clearTimeout(timer);
    agent.destroy().catch(() => undefined);
  }
}

function parseHttpUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new FootnoteError('input_rejected', `"${input.slice(0, 200)}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FootnoteError('input_rejected', `footnote only fetches http:// and https:// links, not ${url.protocol}//.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new FootnoteError('input_rejected', 'footnote does not fetch links that contain a user name or password.');
  }
  return url;
}

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  const addresses = await dnsLookup(hostname, { all: true, verbatim: true });
  return addresses.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
}

async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, url: URL): Promise<Uint8Array> {
  if (body === null) {
    return new Uint8Array(0);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, 'is larger than that', maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(url: URL, size: string, maxBytes: number): FootnoteError {
  return new FootnoteError('too_large', `footnote fetches documents up to ${formatBytes(maxBytes)}; the one at ${url.host} ${size}.`);
}

/** Races a promise against the abort signal (the resolver may hang; the total timeout must not). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function describeFetchError(error: unknown, url: URL, aborted: boolean, timeoutMs: number): FootnoteError {
  const chain: unknown[] = [];
  for (let link: unknown = error; link !== undefined && link !== null && chain.length < 8; link = (link as { cause?: unknown }).cause) {
    chain.push(link);
  }
  const ours = chain.find((link): link is FootnoteError => link instanceof FootnoteError);
  if (ours) {
    return ours;
  }
  const codes = chain.map((link) => (link as { code?: unknown }).code).filter((code): code is string => typeof code === 'string');
  if (aborted || codes.some((code) => TIMEOUT_CODES.has(code))) {
    return new FootnoteError(
      'fetch_timeout',
      aborted
        ? `${url.host} did not deliver the document within ${timeoutMs / 1000} s.`
        : `${url.host} took too long to answer.`,
      { cause: error },
    );
  }
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')) {
    return new FootnoteError('fetch_failed', `The host ${url.hostname} could not be found.`, { cause: error });
  }
  if (codes.includes('ECONNREFUSED')) {
    return new FootnoteError('fetch_failed', `${url.host} refused the connection.`, { cause: error });
  }
  const detail = chain.at(-1) instanceof Error ? (chain.at(-1) as Error).message : String(error);
  return new FootnoteError('fetch_failed', `Could not fetch ${url.href}: ${detail}`, { cause: error });
}
